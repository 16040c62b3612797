package dev.wasmrt.interpreter.gc;

import dev.wasmrt.interpreter.ExternRef;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GC instructions run by the interpreter, end to end through the embedding API. */
class GcInstructionsTest {
    private static Instance instantiate(String wat) {
        return new Store().instantiate(Wasm.parse(wat), new Imports());
    }

    private static int i32(Instance i, String name, long... args) { return (int) i.call(name, args)[0]; }

    private static String trap(Instance i, String name, long... args) {
        return assertThrows(Trap.class, () -> i.call(name, args)).reason();
    }

    @Test
    void structFieldsArePackedAndWidenedPerInstruction() {
        Instance i = instantiate("""
                (module
                  (type $s (struct (field (mut i8)) (field (mut i64)) (field (mut v128))))
                  (func (export "packed") (param i32) (result i32 i32)
                    (local $r (ref $s))
                    (local.set $r (struct.new_default $s))
                    (struct.set $s 0 (local.get $r) (local.get 0))
                    (struct.get_s $s 0 (local.get $r))
                    (struct.get_u $s 0 (local.get $r)))
                  (func (export "wide") (result i64)
                    (struct.get $s 1 (struct.new $s (i32.const 0) (i64.const -5) (v128.const i64x2 1 2))))
                  (func (export "null_get") (result i64) (struct.get $s 1 (ref.null $s))))
                """);
        long[] packed = i.call("packed", 0x1F0);
        assertEquals(-16, (int) packed[0]);
        assertEquals(0xF0, (int) packed[1]);
        assertEquals(-5, i.call("wide")[0]);
        assertEquals("null structure reference", trap(i, "null_get"));
    }

    @Test
    void arraysAllocateAccessAndTrapAtTheirBounds() {
        Instance i = instantiate("""
                (module
                  (type $a (array (mut i16)))
                  (data $d "\\01\\00\\02\\00\\03\\80")
                  (func $make (result (ref $a)) (array.new_data $a $d (i32.const 0) (i32.const 3)))
                  (func (export "sum") (result i32)
                    (local $r (ref $a))
                    (local.set $r (call $make))
                    (i32.add (array.get_s $a (local.get $r) (i32.const 2))
                             (i32.add (array.get_u $a (local.get $r) (i32.const 1)) (array.len (local.get $r)))))
                  (func (export "filled") (param i32) (result i32)
                    (local $r (ref $a))
                    (local.set $r (array.new $a (i32.const 7) (i32.const 4)))
                    (array.fill $a (local.get $r) (i32.const 1) (i32.const 9) (i32.const 2))
                    (array.copy $a $a (local.get $r) (i32.const 0) (local.get $r) (i32.const 1) (i32.const 3))
                    (array.get_u $a (local.get $r) (local.get 0)))
                  (func (export "get") (param i32) (result i32) (array.get_u $a (call $make) (local.get 0)))
                  (func (export "null_len") (result i32) (array.len (ref.null $a)))
                  (func (export "too_much_data") (result i32) (array.len (array.new_data $a $d (i32.const 1) (i32.const 3)))))
                """);
        assertEquals(0x8003 - 0x10000 + 2 + 3, i32(i, "sum"));
        assertEquals(9, i32(i, "filled", 0));
        assertEquals(9, i32(i, "filled", 1));
        assertEquals(7, i32(i, "filled", 2));
        assertEquals(7, i32(i, "filled", 3));
        assertEquals("out of bounds array access", trap(i, "get", 3));
        assertEquals("out of bounds array access", trap(i, "get", -1));
        assertEquals("null array reference", trap(i, "null_len"));
        assertEquals("out of bounds memory access", trap(i, "too_much_data"));
    }

    @Test
    void castsAndCastBranchesFollowTheSubtypeChain() {
        Instance i = instantiate("""
                (module
                  (type $base (sub (struct (field i32))))
                  (type $derived (sub $base (struct (field i32) (field i32))))
                  (func $pick (param i32) (result anyref)
                    (if (result anyref) (local.get 0)
                      (then (struct.new $derived (i32.const 1) (i32.const 2)))
                      (else (struct.new $base (i32.const 3)))))
                  (func (export "second_field_or_minus_one") (param i32) (result i32)
                    (block $is_derived (result (ref $derived))
                      (br_on_cast $is_derived anyref (ref $derived) (call $pick (local.get 0)))
                      (drop)
                      (return (i32.const -1)))
                    (struct.get $derived 1))
                  (func (export "fail_branch") (param i32) (result i32)
                    (block $not_derived (result anyref)
                      (br_on_cast_fail $not_derived anyref (ref $derived) (call $pick (local.get 0)))
                      (drop)
                      (return (i32.const 1)))
                    (struct.get $base 0 (ref.cast (ref $base))))
                  (func (export "is_base") (param i32) (result i32) (ref.test (ref $base) (call $pick (local.get 0))))
                  (func (export "cast_derived") (param i32) (result i32)
                    (struct.get $derived 0 (ref.cast (ref $derived) (call $pick (local.get 0))))))
                """);
        assertEquals(2, i32(i, "second_field_or_minus_one", 1));
        assertEquals(-1, i32(i, "second_field_or_minus_one", 0));
        assertEquals(1, i32(i, "fail_branch", 1));
        assertEquals(3, i32(i, "fail_branch", 0));
        assertEquals(1, i32(i, "is_base", 0));
        assertEquals(1, i32(i, "is_base", 1));
        assertEquals(1, i32(i, "cast_derived", 1));
        assertEquals("cast failure", trap(i, "cast_derived", 0));
    }

    @Test
    void constantExpressionsAllocateAndHostsSeeTheObjects() {
        Instance i = instantiate("""
                (module
                  (type $pair (struct (field i32) (field (ref i31))))
                  (type $list (array (ref null $pair)))
                  (global $p (export "p") (ref $pair) (struct.new $pair (i32.const 5) (ref.i31 (i32.const -1))))
                  (global (export "l") (ref $list) (array.new_fixed $list 2 (global.get $p) (ref.null $pair)))
                  (func (export "same") (result i32)
                    (ref.eq (struct.get $pair 1 (global.get $p)) (ref.i31 (i32.const 0x7FFFFFFF)))))
                """);
        WasmStruct pair = assertInstanceOf(WasmStruct.class, i.global("p").ref);
        assertEquals(5, pair.getBits(0, false));
        assertEquals(-1, assertInstanceOf(I31Ref.class, pair.getRef(1)).signed());
        WasmArray list = assertInstanceOf(WasmArray.class, i.global("l").ref);
        assertEquals(2, list.length());
        assertSame(pair, list.getRef(0));
        assertEquals(1, i32(i, "same"), "i31 references compare by value");
    }

    @Test
    void hostileArrayLengthsTrapInCodeAndInConstantExpressions() {
        Instance i = instantiate("""
                (module
                  (type $a (array i64))
                  (func (export "huge") (result i32) (array.len (array.new_default $a (i32.const -1)))))
                """);
        assertTrue(trap(i, "huge").contains("limit"));
        var module = Wasm.parse("""
                (module
                  (type $a (array i8))
                  (global (ref $a) (array.new $a (i32.const 0) (i32.const 0x7FFFFFFF))))
                """);
        Trap t = assertThrows(Trap.class, () -> new Store().instantiate(module, new Imports()));
        assertTrue(t.reason().contains("limit"), t.reason());
    }

    @Test
    void externConversionsRoundTripHostAndInternalValues() {
        Instance i = instantiate("""
                (module
                  (type $s (struct))
                  (func (export "in_out") (param externref) (result externref)
                    (extern.convert_any (any.convert_extern (local.get 0))))
                  (func (export "struct_survives") (result i32)
                    (local $s (ref $s))
                    (local.set $s (struct.new $s))
                    (ref.eq (local.get $s)
                      (ref.cast (ref $s) (any.convert_extern (extern.convert_any (local.get $s)))))))
                """);
        ExternRef host = new ExternRef("host value");
        assertSame(host, i.invoke("in_out", host)[0]);
        assertEquals(1, i32(i, "struct_survives"));
    }
}
