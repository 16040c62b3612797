package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.ExternKind;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.GlobalType;
import dev.wasmrt.decoder.model.ImportDesc;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.wasmrt.decoder.binary.Bytes.module;
import static dev.wasmrt.decoder.binary.Bytes.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SectionDecodingTest {

    private static String failure(byte[] bytes) {
        return assertThrows(DecodeException.class, () -> BinaryDecoder.decode(bytes)).reason();
    }

    @Test
    void emptyModule() {
        Module m = BinaryDecoder.decode(module());
        assertEquals(0, m.types().size());
        assertEquals(-1, m.start());
        assertEquals(-1, m.dataCount());
    }

    @Test
    void typeSectionWithRecursiveGroupsSubtypesAndPackedFields() {
        Module m = BinaryDecoder.decode(module(section(1,
                "02 4e 02 50 00 5f 02 78 01 63 00 00 4f 01 00 5e 77 00 60 02 7f 7e 01 7d")));
        assertEquals(List.of(new RecGroup(0, 2), new RecGroup(2, 1)), m.recGroups());
        assertEquals(new SubType(false, List.of(), new CompositeType.Struct(List.of(
                new FieldType(ValType.I32, 8, true),
                new FieldType(ValType.ref(true, 0), 0, false)))), m.types().get(0));
        assertEquals(new SubType(true, List.of(0), new CompositeType.Array(new FieldType(ValType.I32, 16, false))),
                m.types().get(1));
        assertEquals(SubType.plain(new CompositeType.Func(List.of(ValType.I32, ValType.I64), List.of(ValType.F32))),
                m.types().get(2));
    }

    @Test
    void typeSectionDefects() {
        assertEquals("malformed mutability", failure(module(section(1, "01 5e 78 02"))));
        assertEquals("malformed definition type", failure(module(section(1, "01 5d 00"))));
        assertEquals("integer representation too long", failure(module(section(1, "01 e0 7f 00 00"))));
    }

    @Test
    void importsOfEveryKind() {
        Module m = BinaryDecoder.decode(module(section(2, "05"
                + " 01 6d 01 61 00 00"
                + " 01 6d 01 62 01 70 00 01"
                + " 01 6d 01 63 02 07 01 02"
                + " 01 6d 01 64 03 7f 01"
                + " 01 6d 01 65 04 00 00")));
        assertEquals(List.of(
                new ImportDesc.Func(0),
                new ImportDesc.Table(new TableType(ValType.FUNCREF, Limits.of(1), false)),
                new ImportDesc.Memory(new MemoryType(Limits.of(1, 2), true, true, 16)),
                new ImportDesc.Global(new GlobalType(ValType.I32, true)),
                new ImportDesc.Tag(0)), m.imports().stream().map(i -> i.desc()).toList());
        assertEquals("e", m.imports().get(4).name());
        assertEquals(1, m.importedMemoryCount());
        assertEquals("malformed import kind", failure(module(section(2, "01 01 6d 01 61 05 00"))));
    }

    @Test
    void memoriesWithCustomPageSizesAndLimitsFlags() {
        Module m = BinaryDecoder.decode(module(section(5, "02 08 01 00 04 80 02")));
        assertEquals(new MemoryType(Limits.of(1), false, false, 0), m.memories().get(0));
        assertEquals(new MemoryType(Limits.of(256), true, false, 16), m.memories().get(1));
        assertEquals("malformed limits flags", failure(module(section(5, "01 10 00"))));
        assertEquals("invalid custom page size", failure(module(section(5, "01 08 00 41"))));
    }

    @Test
    void tablesWithAndWithoutInitialiser() {
        Module m = BinaryDecoder.decode(module(section(4, "02 6f 05 00 0a 40 00 64 70 00 01 d0 70 0b")));
        assertEquals(new TableType(ValType.EXTERNREF, Limits.of(0, 10), true), m.tables().get(0).type());
        assertNull(m.tables().get(0).init());
        assertEquals(new TableType(ValType.ref(false, ValType.HT_FUNC), Limits.of(1), false), m.tables().get(1).type());
        assertArrayEquals(new int[] {Opcodes.REF_NULL, ValType.HT_FUNC, Opcodes.END}, m.tables().get(1).init().ops());
        assertEquals("malformed limits flags", failure(module(section(4, "01 70 02 00"))), "tables are never shared");
    }

    @Test
    void globalsExportsAndStart() {
        Module m = BinaryDecoder.decode(module(
                section(6, "01 7e 00 42 7f 0b"),
                section(7, "02 01 67 03 00 01 66 00 02"),
                section(8, "02")));
        assertEquals(new GlobalType(ValType.I64, false), m.globals().get(0).type());
        assertArrayEquals(new int[] {Opcodes.I64_CONST, -1, -1, Opcodes.END}, m.globals().get(0).init().ops());
        assertEquals(List.of(new Export("g", ExternKind.GLOBAL, 0), new Export("f", ExternKind.FUNC, 2)), m.exports());
        assertEquals(2, m.start());
        assertEquals("malformed export kind", failure(module(section(7, "01 01 67 05 00"))));
    }

    @Test
    void allEightElementSegmentEncodings() {
        Module m = BinaryDecoder.decode(module(section(9, "08"
                + " 00 41 00 0b 01 00"
                + " 01 00 01 00"
                + " 02 01 41 00 0b 00 01 00"
                + " 03 00 01 00"
                + " 04 41 00 0b 01 d2 00 0b"
                + " 05 70 01 d0 70 0b"
                + " 06 01 41 00 0b 6f 01 d0 6f 0b"
                + " 07 70 01 d2 00 0b")));
        List<ElementSegment> e = m.elements();
        ValType funcNonNull = ValType.ref(false, ValType.HT_FUNC);
        assertEquals(List.of(funcNonNull, funcNonNull, funcNonNull, funcNonNull,
                ValType.FUNCREF, ValType.FUNCREF, ValType.EXTERNREF, ValType.FUNCREF), e.stream().map(ElementSegment::type).toList());
        assertEquals(List.of(SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE, SegmentMode.DECLARATIVE,
                SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE, SegmentMode.DECLARATIVE),
                e.stream().map(ElementSegment::mode).toList());
        assertEquals(List.of(0, 1, 0, 1), List.of(e.get(0).tableIndex(), e.get(2).tableIndex(), e.get(4).tableIndex(), e.get(6).tableIndex()));
        int[] refFunc0 = {Opcodes.REF_FUNC, 0, Opcodes.END};
        assertArrayEquals(refFunc0, e.get(0).items().get(0).ops(), "a function index becomes ref.func");
        assertEquals(e.get(0).items(), e.get(4).items(), "both forms give the same expression");
        assertArrayEquals(new int[] {Opcodes.I32_CONST, 0, Opcodes.END}, e.get(2).offset().ops());
        assertNull(e.get(1).offset());
        assertEquals("malformed reference type", failure(module(section(9, "01 05 7f 00"))));
        assertEquals("malformed element kind", failure(module(section(9, "01 01 01 00"))));
    }

    @Test
    void allThreeDataSegmentEncodingsAndTheDataCount() {
        Module m = BinaryDecoder.decode(module(
                section(12, "03"),
                section(11, "03 00 41 00 0b 02 61 62 01 01 63 02 01 41 00 0b 00")));
        List<DataSegment> d = m.datas();
        assertEquals(3, m.dataCount());
        assertEquals(SegmentMode.ACTIVE, d.get(0).mode());
        assertArrayEquals(new byte[] {'a', 'b'}, d.get(0).bytes());
        assertEquals(SegmentMode.PASSIVE, d.get(1).mode());
        assertEquals(1, d.get(2).memoryIndex());
        assertEquals(0, d.get(2).length());
        assertEquals("data count and data section have inconsistent lengths",
                failure(module(section(12, "02"), section(11, "01 01 01 63"))));
    }

    @Test
    void codeSectionExpandsLocalRuns() {
        Module m = BinaryDecoder.decode(Bytes.functionModule("02 02 7f 01 7e 0b"));
        assertEquals(List.of(ValType.I32, ValType.I32, ValType.I64), m.functions().get(0).locals());
        assertEquals(0, m.functions().get(0).typeIndex());
        assertArrayEquals(new int[] {Opcodes.END}, m.functions().get(0).body().ops());
    }

    @Test
    void tooManyLocalsFailsWithoutExpandingThem() {
        assertEquals("too many locals", failure(Bytes.functionModule("02 ff ff ff ff 0f 7f 02 7e 0b")));
        assertEquals("too many locals", failure(Bytes.functionModule("01 d1 86 03 7f 0b")), "50001 locals");
    }

    @Test
    void functionAndCodeCountsMustAgree() {
        assertEquals("function and code section have inconsistent lengths",
                failure(module(section(1, "01 60 00 00"), section(3, "02 00 00"), section(10, "01 02 00 0b"))));
        assertEquals("function and code section have inconsistent lengths",
                failure(module(section(1, "01 60 00 00"), section(3, "01 00"))));
    }

    @Test
    void dataIndicesInCodeRequireTheDataCountSection() {
        byte[] dataDrop = Bytes.functionModule("00 fc 09 00 0b");
        assertEquals("data count section required", failure(dataDrop));
    }

    @Test
    void sectionFraming() {
        assertEquals("malformed section id", failure(module("0e 00")));
        assertEquals("unexpected content after last section", failure(module(section(3, "00"), section(1, "00"))));
        assertEquals("unexpected content after last section", failure(module(section(1, "00"), section(1, "00"))));
        assertEquals("section size mismatch", failure(module("01 02 00 00")));
        assertEquals("length out of bounds", failure(module("01 05 00")));
        assertEquals("magic header not detected", failure(Bytes.hex("00 61 73 6e 01 00 00 00")));
        assertEquals("unknown binary version", failure(Bytes.hex("00 61 73 6d 02 00 00 00")));
        assertEquals("unexpected end", failure(Bytes.hex("00 61 73 6d 01")));
    }

    @Test
    void tagSectionSitsBetweenMemoryAndGlobal() {
        Module m = BinaryDecoder.decode(module(section(5, "00"), section(13, "01 00 00"), section(6, "00")));
        assertEquals(0, m.tags().get(0).typeIndex());
        assertEquals("unexpected content after last section", failure(module(section(6, "00"), section(13, "00"))));
    }

    @Test
    void customSectionsAreKeptVerbatimAnywhere() {
        Module m = BinaryDecoder.decode(module(section(0, "01 78 aa bb"), section(1, "00"), section(0, "01 79")));
        assertEquals(List.of("x", "y"), m.customSections().stream().map(c -> c.name()).toList());
        assertArrayEquals(new byte[] {(byte) 0xAA, (byte) 0xBB}, m.customSections().get(0).content());
        assertEquals("malformed UTF-8 encoding", failure(module(section(0, "01 ff"))));
    }
}
