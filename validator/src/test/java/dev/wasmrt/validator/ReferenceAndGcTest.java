package dev.wasmrt.validator;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.validator.TestModules.invalid;
import static dev.wasmrt.validator.TestModules.valid;

class ReferenceAndGcTest {
    @Test
    void subtypesAreAcceptedWhereSupertypesAreExpected() {
        valid("(module (type $p (sub (struct))) (type $c (sub $p (struct (field i32))))"
                + " (func (param (ref $c)) (result (ref null $p)) (local.get 0)))");
        invalid("type mismatch", "(module (type $p (sub (struct))) (type $c (sub $p (struct (field i32))))"
                + " (func (param (ref $p)) (result (ref $c)) (local.get 0)))");
        invalid("type mismatch", "(module (func (param anyref) (result (ref any)) (local.get 0)))");
    }

    @Test
    void structurallyEqualTypesAreInterchangeable() {
        valid("(module (type $a (struct (field i32))) (type $b (struct (field i32)))"
                + " (func (param (ref $a)) (result (ref $b)) (local.get 0)))");
        invalid("type mismatch", "(module (type $a (struct (field i32))) (type $b (struct (field i64)))"
                + " (func (param (ref $a)) (result (ref $b)) (local.get 0)))");
    }

    @Test
    void structAccessChecksFieldsAndMutability() {
        valid("(module (type $s (struct (field (mut i32)) (field i8)))"
                + " (func (param (ref $s)) (result i32) (struct.set $s 0 (local.get 0) (i32.const 1))"
                + "  (struct.get_s $s 1 (local.get 0))))");
        invalid("immutable field", "(module (type $s (struct (field i32)))"
                + " (func (param (ref $s)) (struct.set $s 0 (local.get 0) (i32.const 1))))");
        invalid("type mismatch", "(module (type $s (struct (field i8)))"
                + " (func (param (ref $s)) (result i32) (struct.get $s 0 (local.get 0))))");
        invalid("unknown field", "(module (type $s (struct (field i32)))"
                + " (func (param (ref $s)) (result i32) (struct.get $s 1 (local.get 0))))");
    }

    @Test
    void arrayInstructionsCheckMutabilityAndSegments() {
        valid("(module (type $a (array (mut i8))) (data \"abc\")"
                + " (func (param (ref $a)) (array.init_data $a 0 (local.get 0) (i32.const 0) (i32.const 0) (i32.const 1))))");
        invalid("immutable array", "(module (type $a (array i8))"
                + " (func (param (ref $a)) (array.set $a (local.get 0) (i32.const 0) (i32.const 1))))");
        invalid("array type is not numeric or vector", "(module (type $a (array funcref)) (data \"\")"
                + " (func (drop (array.new_data $a 0 (i32.const 0) (i32.const 0)))))");
        invalid("array types do not match", "(module (type $d (array (mut i32))) (type $s (array i64))"
                + " (func (param (ref $d) (ref $s))"
                + "  (array.copy $d $s (local.get 0) (i32.const 0) (local.get 1) (i32.const 0) (i32.const 0))))");
    }

    @Test
    void defaultAllocationNeedsDefaultableFields() {
        valid("(module (type $s (struct (field i32) (field anyref))) (func (drop (struct.new_default $s))))");
        invalid("type mismatch", "(module (type $s (struct (field (ref any)))) (func (drop (struct.new_default $s))))");
    }

    @Test
    void castsStayWithinOneHierarchy() {
        valid("(module (type $s (struct)) (func (param anyref) (result (ref null $s)) (ref.cast (ref null $s) (local.get 0))))");
        invalid("type mismatch", "(module (type $s (struct)) (func (param externref) (result i32) (ref.test (ref $s) (local.get 0))))");
        invalid("type mismatch", "(module (type $f (func)) (func (param anyref) (result i32) (ref.test (ref $f) (local.get 0))))");
    }

    @Test
    void brOnCastBranchesWithTheTargetType() {
        valid("(module (type $s (struct))"
                + " (func (param anyref) (result (ref null $s))"
                + "  (block $l (result (ref null $s)) (br_on_cast $l anyref (ref null $s) (local.get 0)) (drop) (ref.null $s))))");
        invalid("type mismatch", "(module (type $s (struct)) (type $t (struct (field i32)))"
                + " (func (param anyref) (result (ref null $t))"
                + "  (block $l (result (ref null $t)) (br_on_cast $l anyref (ref null $s) (local.get 0)) (drop) (ref.null $t))))");
        invalid("type mismatch", "(module (func (result anyref) (br_on_cast 0 structref arrayref (unreachable))))");
    }

    @Test
    void brOnNullLeavesANonNullReference() {
        valid("(module (func (param funcref) (result (ref func)) (block (br_on_null 0 (local.get 0)) (return)) (unreachable)))");
        valid("(module (func (param funcref) (result funcref) (block $l (result (ref func)) (br_on_non_null $l (local.get 0)) (ref.null func) (return))))");
        invalid("type mismatch", "(module (func (param funcref) (br_on_non_null 0 (local.get 0))))");
    }

    @Test
    void callRefTakesATypedFunctionReference() {
        valid("(module (type $f (func (param i32) (result i32)))"
                + " (func (param (ref null $f)) (result i32) (call_ref $f (i32.const 1) (local.get 0))))");
        invalid("type mismatch", "(module (type $f (func (param i32) (result i32)))"
                + " (func (param funcref) (result i32) (call_ref $f (i32.const 1) (local.get 0))))");
    }

    @Test
    void callIndirectNeedsAFunctionTable() {
        valid("(module (type $f (func)) (table 1 funcref) (func (call_indirect (type $f) (i32.const 0))))");
        invalid("type mismatch", "(module (type $f (func)) (table 1 externref) (func (call_indirect (type $f) (i32.const 0))))");
        invalid("unknown table", "(module (type $f (func)) (func (call_indirect (type $f) (i32.const 0))))");
    }

    @Test
    void i31AndConversions() {
        valid("(module (func (result i32) (i31.get_u (ref.i31 (i32.const 7)))))");
        valid("(module (func (param externref) (result anyref) (any.convert_extern (local.get 0))))");
        invalid("type mismatch", "(module (func (param anyref) (result anyref) (any.convert_extern (local.get 0))))");
    }
}
