package dev.wasmrt.validator;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.validator.TestModules.invalid;
import static dev.wasmrt.validator.TestModules.valid;

class ConstantExpressionTest {
    @Test
    void onlyConstantInstructionsAreAllowed() {
        valid("(module (global i32 (i32.const 1)))");
        invalid("constant expression required", "(module (global i32 (i32.const 1) (i32.const 2) (i32.clz) (drop)))");
        invalid("constant expression required", "(module (global i32 (nop) (i32.const 1)))");
    }

    @Test
    void extendedConstantArithmeticIsAllowed() {
        valid("(module (global i64 (i64.mul (i64.const 3) (i64.add (i64.const 1) (i64.const 2)))))");
        invalid("constant expression required", "(module (global i32 (i32.div_u (i32.const 4) (i32.const 2))))");
    }

    @Test
    void theResultMustHaveTheDeclaredType() {
        invalid("type mismatch", "(module (global i32 (i64.const 1)))");
        invalid("type mismatch", "(module (global i32))");
        invalid("type mismatch", "(module (global i32 (i32.const 1) (i32.const 2)))");
    }

    @Test
    void globalGetReadsEarlierImmutableGlobals() {
        valid("(module (global $a i32 (i32.const 1)) (global $b i32 (global.get $a)))");
        valid("(module (import \"m\" \"g\" (global $a i32)) (global i32 (global.get $a)))");
        invalid("unknown global", "(module (global $b i32 (global.get $a)) (global $a i32 (i32.const 1)))");
        invalid("constant expression required", "(module (global $a (mut i32) (i32.const 1)) (global i32 (global.get $a)))");
    }

    @Test
    void tableInitialisersSeeOnlyImportedGlobals() {
        valid("(module (import \"m\" \"g\" (global $g funcref)) (table 1 funcref (global.get $g)))");
        invalid("unknown global", "(module (global $g funcref (ref.null func)) (table 1 funcref (global.get $g)))");
    }

    @Test
    void gcAllocationsAreConstant() {
        valid("(module (type $s (struct (field i32))) (type $a (array i8))"
                + " (global (ref $s) (struct.new $s (i32.const 1)))"
                + " (global (ref $a) (array.new_fixed $a 2 (i32.const 1) (i32.const 2)))"
                + " (global (ref i31) (ref.i31 (i32.const 5)))"
                + " (global externref (extern.convert_any (ref.null any))))");
        invalid("constant expression required",
                "(module (type $s (struct (field i32))) (global i32 (struct.get $s 0 (struct.new $s (i32.const 1)))))");
    }

    @Test
    void refFuncInAnInitialiserDeclaresTheFunction() {
        valid("(module (func $f) (global funcref (ref.func $f)) (func (drop (ref.func $f))))");
        invalid("undeclared function reference", "(module (func $f) (func (drop (ref.func $f))))");
        valid("(module (func $f (export \"f\")) (func (drop (ref.func $f))))");
        valid("(module (func $f) (elem declare func $f) (func (drop (ref.func $f))))");
    }
}
