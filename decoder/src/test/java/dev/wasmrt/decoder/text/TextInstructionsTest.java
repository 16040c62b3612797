package dev.wasmrt.decoder.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextInstructionsTest {

    /** The code of the module's last function. */
    private static int[] body(String module) {
        Module m = TextParser.parseModule(module);
        return m.functions().getLast().body().ops();
    }

    @Test
    void foldedAndFlatFormsGiveTheSameCode() {
        String flat = "(func (result i32) i32.const 1 i32.const 2 i32.add local.get 0 drop)";
        String folded = "(func (result i32) (i32.add (i32.const 1) (i32.const 2)) (drop (local.get 0)))";
        assertArrayEquals(body(flat), body(folded));
        assertArrayEquals(new int[] {Opcodes.I32_CONST, 1, Opcodes.I32_CONST, 2, Opcodes.I32_ADD,
                Opcodes.LOCAL_GET, 0, Opcodes.DROP, Opcodes.END}, body(flat));
    }

    @Test
    void blocksLinkTheirEndsAndLabelsResolveToDepths() {
        int[] ops = body("(func (block $out (loop $in (br_if $out (i32.const 0)) (br $in))))");
        assertArrayEquals(new int[] {
                Opcodes.BLOCK, Immediates.BLOCK_EMPTY, 0, 15,     // 0
                Opcodes.LOOP, Immediates.BLOCK_EMPTY, 0, 14,      // 4
                Opcodes.I32_CONST, 0,                             // 8
                Opcodes.BR_IF, 1,                                 // 10
                Opcodes.BR, 0,                                    // 12
                Opcodes.END, Opcodes.END, Opcodes.END}, ops);     // 14, 15, 16
    }

    @Test
    void ifWithElseAndEndLabels() {
        int[] flat = body("(func (param i32) (result i32) local.get 0 if $l (result i32) i32.const 1 else $l i32.const 2 end $l)");
        int[] folded = body("(func (param i32) (result i32) (if $l (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))");
        assertArrayEquals(flat, folded);
        assertArrayEquals(new int[] {Opcodes.LOCAL_GET, 0, Opcodes.IF, Immediates.BLOCK_VALUE, ValType.I32.encode(), 9, 13,
                Opcodes.I32_CONST, 1, Opcodes.ELSE, 13, Opcodes.I32_CONST, 2, Opcodes.END, Opcodes.END}, flat);
    }

    @Test
    void multiValueBlockTypesBecomeTypeIndices() {
        Module m = TextParser.parseModule("(type $t (func)) (func (block (param i32) (result i32 i32) unreachable))");
        int[] ops = m.functions().getFirst().body().ops();
        assertEquals(Immediates.BLOCK_TYPE_INDEX, ops[1]);
        assertEquals(new CompositeType.Func(List.of(ValType.I32), List.of(ValType.I32, ValType.I32)), m.types().get(ops[2]).composite());
        int[] named = body("(type $t (func (result i32))) (func (block (type $t) unreachable))");
        assertArrayEquals(new int[] {Opcodes.BLOCK, Immediates.BLOCK_TYPE_INDEX, 0, 5, Opcodes.UNREACHABLE, Opcodes.END, Opcodes.END}, named);
    }

    @Test
    void brTableListsDepthsThenTheDefault() {
        int[] ops = body("(func (block $a (block $b (br_table $b $a 1 $b (i32.const 0)))))");
        assertArrayEquals(new int[] {Opcodes.BR_TABLE, 3, 0, 1, 1, 0}, java.util.Arrays.copyOfRange(ops, 10, 16));
    }

    @Test
    void memargDefaultsToNaturalAlignment() {
        String mem = "(memory 1) (memory $two 1) ";
        assertArrayEquals(new int[] {Opcodes.I64_LOAD, 3, 0, 0, 0}, java.util.Arrays.copyOfRange(body(mem + "(func (drop (i64.load (i32.const 0))))"), 2, 7));
        assertArrayEquals(new int[] {Opcodes.I32_LOAD8_U, 0, 1, 16, 0},
                java.util.Arrays.copyOfRange(body(mem + "(func (drop (i32.load8_u $two offset=16 (i32.const 0))))"), 2, 7));
        assertArrayEquals(new int[] {Opcodes.I32_STORE16, 0, 0, 0, 1},
                java.util.Arrays.copyOfRange(body(mem + "(func (i32.store16 offset=0x1_0000_0000 align=1 (i32.const 0) (i32.const 0)))"), 4, 9));
        assertArrayEquals(new int[] {Opcodes.V128_LOAD8_LANE, 0, 1, 0, 0, 15},
                java.util.Arrays.copyOfRange(body(mem + "(func (param v128) (drop (v128.load8_lane 1 15 (i32.const 0) (local.get 0))))"), 4, 10));
        assertArrayEquals(new int[] {Opcodes.MEMORY_ATOMIC_WAIT64, 3, 0, 0, 0},
                java.util.Arrays.copyOfRange(body(mem + "(func (drop (memory.atomic.wait64 (i32.const 0) (i64.const 0) (i64.const 0))))"), 8, 13));
    }

    @Test
    void constantsInTheirImmediateLayouts() {
        assertArrayEquals(new int[] {Opcodes.I64_CONST, 0x89ABCDEF, 0x01234567},
                java.util.Arrays.copyOf(body("(func (drop (i64.const 0x0123_4567_89AB_CDEF)))"), 3));
        assertArrayEquals(new int[] {Opcodes.F64_CONST, 0, 0x3FF80000},
                java.util.Arrays.copyOf(body("(func (drop (f64.const 1.5)))"), 3));
        assertArrayEquals(new int[] {Opcodes.V128_CONST, 0x04030201, 0x08070605, 0x0C0B0A09, 0x100F0E0D},
                java.util.Arrays.copyOf(body("(func (drop (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)))"), 5));
        assertArrayEquals(new int[] {Opcodes.V128_CONST, 0xFFFF0001, 0, -1, 0x7FFF8000},
                java.util.Arrays.copyOf(body("(func (drop (v128.const i16x8 1 -1 0 0 -1 0xffff 0x8000 0x7fff)))"), 5));
        assertArrayEquals(new int[] {Opcodes.V128_CONST, 0x3F800000, 0x7FC00000, 0, 0x80000000},
                java.util.Arrays.copyOf(body("(func (drop (v128.const f32x4 1 nan 0 -0)))"), 5));
        assertArrayEquals(new int[] {Opcodes.I8X16_SHUFFLE, 0x03020100, 0x07060504, 0x1B1A1918, 0x1F1E1D1C},
                java.util.Arrays.copyOfRange(body("(func (param v128) (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get 0) (local.get 0))))"), 4, 9));
    }

    @Test
    void referenceAndGcInstructions() {
        String types = "(type $s (struct (field $a i32) (field $b (mut i64)))) (type $arr (array i8)) ";
        int[] ops = body(types + "(func (param (ref null $s)) (result i64) (struct.get $s $b (local.get 0)))");
        assertArrayEquals(new int[] {Opcodes.LOCAL_GET, 0, Opcodes.STRUCT_GET, 0, 1, Opcodes.END}, ops);
        assertArrayEquals(new int[] {Opcodes.REF_TEST_NULL, 1}, java.util.Arrays.copyOfRange(
                body(types + "(func (param anyref) (result i32) (ref.test (ref null $arr) (local.get 0)))"), 2, 4));
        assertArrayEquals(new int[] {Opcodes.REF_CAST, ValType.HT_I31}, java.util.Arrays.copyOfRange(
                body(types + "(func (param anyref) (result i31ref) (ref.cast (ref i31) (local.get 0)))"), 2, 4));
        int[] cast = body(types + "(func (param anyref) (result anyref) (block $l (result anyref) (br_on_cast $l anyref (ref $s) (local.get 0))))");
        assertArrayEquals(new int[] {Opcodes.BR_ON_CAST, 1, 0, ValType.HT_ANY, 0}, java.util.Arrays.copyOfRange(cast, 6, 11));
        assertArrayEquals(new int[] {Opcodes.SELECT_T, 1, ValType.FUNCREF.encode()}, java.util.Arrays.copyOfRange(
                body("(func (result funcref) (select (result funcref) (ref.null func) (ref.null nofunc) (i32.const 1)))"), 6, 9));
        assertArrayEquals(new int[] {Opcodes.ARRAY_NEW_FIXED, 1, 3}, java.util.Arrays.copyOfRange(
                body(types + "(func (result (ref $arr)) (array.new_fixed $arr 3 (i32.const 1) (i32.const 2) (i32.const 3)))"), 6, 9));
    }

    @Test
    void tableAndMemoryIndicesDefaultToZero() {
        String m = "(table $t0 1 funcref) (table $t1 1 funcref) (elem $e func) (memory $m0 1) (memory $m1 1) (data $d \"\") ";
        int[] ops = body(m + "(func table.size drop (table.size $t1) drop"
                + " (table.init $e (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (table.init $t1 $e (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (table.copy (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (memory.init $m1 $d (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (memory.copy $m1 $m0 (i32.const 0) (i32.const 0) (i32.const 0)))");
        assertArrayEquals(new int[] {Opcodes.TABLE_SIZE, 0, Opcodes.DROP, Opcodes.TABLE_SIZE, 1, Opcodes.DROP}, java.util.Arrays.copyOf(ops, 6));
        assertArrayEquals(new int[] {Opcodes.TABLE_INIT, 0, 0}, java.util.Arrays.copyOfRange(ops, 12, 15));
        assertArrayEquals(new int[] {Opcodes.TABLE_INIT, 0, 1}, java.util.Arrays.copyOfRange(ops, 21, 24));
        assertArrayEquals(new int[] {Opcodes.TABLE_COPY, 0, 0}, java.util.Arrays.copyOfRange(ops, 30, 33));
        assertArrayEquals(new int[] {Opcodes.MEMORY_INIT, 0, 1}, java.util.Arrays.copyOfRange(ops, 39, 42));
        assertArrayEquals(new int[] {Opcodes.MEMORY_COPY, 1, 0}, java.util.Arrays.copyOfRange(ops, 48, 51));
    }

    @Test
    void callIndirectTakesTableAndTypeUse() {
        Module m = TextParser.parseModule("(type $t (func (param i32))) (table 1 funcref) (table $u 1 funcref)"
                + " (func (call_indirect $u (type $t) (i32.const 1) (i32.const 0)) (call_indirect (param i64) (i64.const 1) (i32.const 0)))");
        int[] ops = m.functions().getFirst().body().ops();
        assertArrayEquals(new int[] {Opcodes.CALL_INDIRECT, 0, 1}, java.util.Arrays.copyOfRange(ops, 4, 7));
        assertArrayEquals(new int[] {Opcodes.CALL_INDIRECT, 2, 0}, java.util.Arrays.copyOfRange(ops, 12, 15));
        assertEquals(new CompositeType.Func(List.of(ValType.I64), List.of()), m.types().get(2).composite());
    }

    @Test
    void tryTableCatchClausesResolveLabelsOutsideTheBlock() {
        int[] ops = body("(tag $e (param i32)) (func (result i32) (block $h (result i32)"
                + " (try_table $t (catch $e $h) (catch_all_ref 1) (unreachable)) (i32.const 0)))");
        assertArrayEquals(new int[] {Opcodes.TRY_TABLE, Immediates.BLOCK_EMPTY, 0, 16, 2,
                Immediates.CATCH_KIND_CATCH, 0, 0, Immediates.CATCH_KIND_ALL_REF, -1, 1,
                Opcodes.UNREACHABLE, Opcodes.END}, java.util.Arrays.copyOfRange(ops, 4, 17));
    }

    @Test
    void legacyTryCatchAndDelegate() {
        int[] flat = body("(tag $e) (func try $l call 0 catch $e rethrow $l catch_all end)");
        int[] folded = body("(tag $e) (func (try $l (do (call 0)) (catch $e (rethrow $l)) (catch_all)))");
        assertArrayEquals(flat, folded);
        assertArrayEquals(new int[] {Opcodes.TRY, 0, 0, 15, 7, Opcodes.CALL, 0, Opcodes.CATCH, 0, 13, 15,
                Opcodes.RETHROW, 0, Opcodes.CATCH_ALL, 15, Opcodes.END, Opcodes.END}, flat);
        int[] delegate = body("(func (block $b (try (do nop) (delegate $b))))");
        assertArrayEquals(new int[] {Opcodes.BLOCK, 0, 0, 12, Opcodes.TRY, 0, 0, 10, 10, Opcodes.NOP,
                Opcodes.DELEGATE, 0, Opcodes.END, Opcodes.END}, delegate);
    }
}
