package dev.wasmrt.decoder.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.ExternKind;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.ImportDesc;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextModuleFieldsTest {

    private static CompositeType.Func func(List<ValType> params, List<ValType> results) {
        return new CompositeType.Func(params, results);
    }

    @Test
    void implicitTypesFollowExplicitOnesAndAreReused() {
        Module m = TextParser.parseModule("""
                (module
                  (func $f (result f64) (f64.const 0))
                  (func $g (param i32))
                  (func $h (result f64) (f64.const 1))
                  (type $t (func (param i32))))
                """);
        assertEquals(2, m.types().size());
        assertEquals(func(List.of(ValType.I32), List.of()), m.types().get(0).composite());
        assertEquals(func(List.of(), List.of(ValType.F64)), m.types().get(1).composite());
        assertEquals(List.of(1, 0, 1), m.functions().stream().map(f -> f.typeIndex()).toList());
        assertEquals(List.of(new RecGroup(0, 1), new RecGroup(1, 1)), m.recGroups());
    }

    @Test
    void recGroupsSubtypesAndStructFields() {
        Module m = TextParser.parseModule("""
                (rec (type $node (sub (struct (field $next (ref null $node)) (field i8 (mut i16)))))
                     (type $leaf (sub final $node (struct (field $next (ref null $node)) (field i8 (mut i16))))))
                (type $a (array (mut f32)))
                """);
        assertEquals(List.of(new RecGroup(0, 2), new RecGroup(2, 1)), m.recGroups());
        SubType node = m.types().get(0);
        assertFalse(node.isFinal());
        assertEquals(List.of(
                new FieldType(ValType.ref(true, 0), 0, false),
                new FieldType(ValType.I32, 8, false),
                new FieldType(ValType.I32, 16, true)), ((CompositeType.Struct) node.composite()).fields());
        assertTrue(m.types().get(1).isFinal());
        assertEquals(List.of(0), m.types().get(1).supertypes());
        assertEquals(new CompositeType.Array(new FieldType(ValType.F32, 0, true)), m.types().get(2).composite());
    }

    @Test
    void importsComeFirstInEveryIndexSpace() {
        Module m = TextParser.parseModule("""
                (import "env" "f" (func $imported (param i32)))
                (func $inline (import "env" "g") (result i32))
                (import "env" "t" (table 1 2 funcref))
                (memory (import "env" "m") i64 1 shared)
                (global $gi (import "env" "g") (mut i64))
                (tag (import "env" "e") (param f32))
                (func $defined (export "d") (call $inline) drop)
                """);
        assertEquals(6, m.imports().size());
        assertEquals(new ImportDesc.Func(0), m.imports().get(0).desc());
        assertEquals(new ImportDesc.Func(1), m.imports().get(1).desc());
        assertEquals(2, m.importedFunctionCount());
        assertEquals(new Export("d", ExternKind.FUNC, 2), m.exports().getFirst());
        assertEquals(new MemoryType(Limits.of(1), true, true, 16), m.memoryType(0));
        assertTrue(m.globalType(0).mutable());
        int[] body = m.functions().getFirst().body().ops();
        assertEquals(Opcodes.CALL, body[0]);
        assertEquals(1, body[1]);
        assertEquals("imported", m.names().function(0));
        assertEquals("defined", m.names().function(2));
    }

    @Test
    void inlineExportsAndLocalNames() {
        Module m = TextParser.parseModule("""
                (func $f (export "a") (export "b") (param $x i32) (param i64) (local $y f32) (local f64 v128)
                  local.get $x local.get 1 local.get $y local.get 4 drop drop drop drop)
                """);
        assertEquals(List.of(new Export("a", ExternKind.FUNC, 0), new Export("b", ExternKind.FUNC, 0)), m.exports());
        assertEquals(List.of(ValType.F32, ValType.F64, ValType.V128), m.functions().getFirst().locals());
        int[] ops = m.functions().getFirst().body().ops();
        assertEquals(List.of(0, 1, 2, 4), List.of(ops[1], ops[3], ops[5], ops[7]));
        assertEquals("x", m.names().locals().get(0).get(0));
        assertEquals("y", m.names().locals().get(0).get(2));
    }

    @Test
    void tableWithInlineElementsGetsItsSizeFromThem() {
        Module m = TextParser.parseModule("""
                (func $a) (func $b)
                (table $t funcref (elem $b $a $b))
                (table i64 externref (elem (ref.null extern)))
                """);
        assertEquals(Limits.of(3, 3), m.tableType(0).limits());
        ElementSegment seg = m.elements().getFirst();
        assertEquals(SegmentMode.ACTIVE, seg.mode());
        assertEquals(0, seg.tableIndex());
        assertEquals(ValType.FUNCREF, seg.type(), "an inline segment has its table's element type");
        assertArrayEquals(new int[] {Opcodes.REF_FUNC, 1, Opcodes.END}, seg.items().getFirst().ops());
        assertArrayEquals(new int[] {Opcodes.I32_CONST, 0, Opcodes.END}, seg.offset().ops());
        ElementSegment second = m.elements().get(1);
        assertEquals(ValType.EXTERNREF, second.type());
        assertTrue(m.tableType(1).is64());
        assertArrayEquals(new int[] {Opcodes.I64_CONST, 0, 0, Opcodes.END}, second.offset().ops());
    }

    @Test
    void tableWithInitialValueExpression() {
        Module m = TextParser.parseModule("(func $f) (table 10 20 funcref (ref.func $f))");
        assertEquals(Limits.of(10, 20), m.tables().getFirst().type().limits());
        assertArrayEquals(new int[] {Opcodes.REF_FUNC, 0, Opcodes.END}, m.tables().getFirst().init().ops());
    }

    @Test
    void memoryWithInlineDataRoundsUpToWholePages() {
        Module m = TextParser.parseModule("""
                (memory $m (data "ab" "c"))
                (memory (pagesize 1) (data "xyz"))
                """);
        assertEquals(new MemoryType(Limits.of(1, 1), false, false, 16), m.memories().get(0));
        assertEquals(new MemoryType(Limits.of(3, 3), false, false, 0), m.memories().get(1));
        DataSegment d = m.datas().get(1);
        assertEquals(1, d.memoryIndex());
        assertArrayEquals("xyz".getBytes(StandardCharsets.UTF_8), d.bytes());
    }

    @Test
    void elementSegmentForms() {
        Module m = TextParser.parseModule("""
                (table $t 4 funcref) (func $f) (global $g i32 (i32.const 1))
                (elem (i32.const 0) $f)
                (elem $e1 func $f $f)
                (elem declare func $f)
                (elem (table $t) (offset (global.get $g)) funcref (item ref.func $f) (ref.null func))
                (elem 0 (i32.const 2) func $f)
                (elem (ref null func) (item (ref.func $f)))
                """);
        List<ElementSegment> e = m.elements();
        assertEquals(List.of(SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.DECLARATIVE, SegmentMode.ACTIVE,
                SegmentMode.ACTIVE, SegmentMode.PASSIVE), e.stream().map(ElementSegment::mode).toList());
        assertEquals(2, e.get(1).items().size());
        assertArrayEquals(new int[] {Opcodes.GLOBAL_GET, 0, Opcodes.END}, e.get(3).offset().ops());
        assertEquals(ValType.FUNCREF, e.get(3).type());
        assertArrayEquals(new int[] {Opcodes.REF_NULL, ValType.HT_FUNC, Opcodes.END}, e.get(3).items().get(1).ops());
        assertArrayEquals(new int[] {Opcodes.I32_CONST, 2, Opcodes.END}, e.get(4).offset().ops());
        assertEquals(ValType.FUNCREF, e.get(5).type());
    }

    @Test
    void dataSegmentForms() {
        Module m = TextParser.parseModule("""
                (memory $m0 1) (memory $m1 1)
                (data "passive")
                (data (i32.const 8) "a" "b")
                (data $d (memory $m1) (offset (i32.const 16)) "\\00\\ff")
                (data 1 (i32.const 0))
                """);
        List<DataSegment> d = m.datas();
        assertEquals(SegmentMode.PASSIVE, d.get(0).mode());
        assertArrayEquals(new byte[] {'a', 'b'}, d.get(1).bytes());
        assertEquals(1, d.get(2).memoryIndex());
        assertArrayEquals(new byte[] {0, (byte) 0xFF}, d.get(2).bytes());
        assertEquals(1, d.get(3).memoryIndex());
        assertEquals(-1, m.dataCount(), "no code names a data segment, so no data count is needed");
    }

    @Test
    void dataCountIsSetWhenCodeNamesDataSegments() {
        Module m = TextParser.parseModule("(memory 1) (data $d \"x\") (data \"y\") (func data.drop $d)");
        assertEquals(2, m.dataCount());
    }

    @Test
    void globalsTagsStartAndExportsByName() {
        Module m = TextParser.parseModule("""
                (global $g (export "g") (mut i32) (i32.const 7))
                (tag $e (param i32 i64))
                (func $main)
                (start $main)
                (export "main" (func $main))
                (export "e" (tag $e))
                """);
        assertArrayEquals(new int[] {Opcodes.I32_CONST, 7, Opcodes.END}, m.globals().getFirst().init().ops());
        assertEquals(func(List.of(ValType.I32, ValType.I64), List.of()), m.types().get(m.tags().getFirst().typeIndex()).composite());
        assertEquals(0, m.start());
        assertEquals(new Export("main", ExternKind.FUNC, 0), m.exports().get(1));
        assertEquals(new Export("e", ExternKind.TAG, 0), m.exports().get(2));
    }

    @Test
    void moduleNameAndBareFields() {
        assertEquals("m", TextParser.parseModule("(module $m (func))").names().moduleName());
        assertNull(TextParser.parseModule("(func)").names().moduleName());
        assertEquals(1, TextParser.parseModule("(module quote \"(func)\" \"(func)\")").functions().size() - 1);
    }

    @Test
    void binaryModuleFormIsDecoded() {
        Module m = TextParser.parseModule("(module binary \"\\00asm\" \"\\01\\00\\00\\00\" \"\\05\\03\\01\\00\\02\")");
        assertEquals(new MemoryType(Limits.of(2), false, false, 16), m.memoryType(0));
    }
}
