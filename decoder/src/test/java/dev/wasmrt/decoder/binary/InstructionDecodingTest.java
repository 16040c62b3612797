package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import static dev.wasmrt.decoder.model.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Instruction bytes in, flat code out, one instruction family at a time (bodies have no locals). */
class InstructionDecodingTest {
    private static final int EMPTY = Immediates.BLOCK_EMPTY, VALUE = Immediates.BLOCK_VALUE, INDEX = Immediates.BLOCK_TYPE_INDEX;

    private static int[] body(String instructionsHex) {
        return BinaryDecoder.decode(Bytes.functionModule("00 " + instructionsHex)).functions().get(0).body().ops();
    }

    private static String failure(String instructionsHex) {
        return assertThrows(DecodeException.class, () -> body(instructionsHex)).reason();
    }

    @Test
    void structuredControlIsLinked() {
        // block (result i32) / loop (type 0) / if / else / end / end / end, then the function's end
        assertArrayEquals(new int[] {
                BLOCK, VALUE, ValType.I32.encode(), 19,
                LOOP, INDEX, 0, 18,
                IF, EMPTY, 0, 14, 17,
                NOP,
                ELSE, 17,
                NOP,
                END, END, END, END}, body("02 7f 03 00 04 40 01 05 01 0b 0b 0b 0b"));
    }

    @Test
    void branchesAndTables() {
        assertArrayEquals(new int[] {BR, 0, BR_IF, 1, BR_TABLE, 2, 0, 1, 2, END}, body("0c 00 0d 01 0e 02 00 01 02 0b"));
    }

    @Test
    void misplacedElseAndMissingEnd() {
        assertEquals("END opcode expected", failure("05 0b"));
        assertEquals("END opcode expected", failure("02 40 07 00 0b 0b"), "catch inside a block");
        assertEquals(ByteReader.UNEXPECTED_END, failure("02 40"));
    }

    @Test
    void constants() {
        assertArrayEquals(new int[] {I32_CONST, -1, END}, body("41 7f 0b"));
        assertArrayEquals(new int[] {I64_CONST, 0, 0x8000_0000, END}, body("42 80 80 80 80 80 80 80 80 80 7f 0b"));
        assertArrayEquals(new int[] {F32_CONST, 0x3F80_0000, END}, body("43 00 00 80 3f 0b"));
        assertArrayEquals(new int[] {F64_CONST, 1, 0x4000_0000, END}, body("44 01 00 00 00 00 00 00 40 0b"));
    }

    @Test
    void memoryArgumentsWithIndicesAndWideOffsets() {
        assertArrayEquals(new int[] {I32_LOAD, 2, 0, 16, 0, END}, body("28 02 10 0b"));
        // bit 6: memory index 3 follows; offset 2^32 needs the 64-bit form
        assertArrayEquals(new int[] {I64_STORE, 3, 3, 0, 1, END}, body("37 43 03 80 80 80 80 10 0b"));
        assertEquals("malformed memop flags", failure("28 80 01 00 0b"));
        assertArrayEquals(new int[] {MEMORY_SIZE, 2, MEMORY_GROW, 0, END}, body("3f 02 40 00 0b"));
    }

    @Test
    void bulkMemoryAndTablePrefix() {
        assertArrayEquals(new int[] {MEMORY_INIT, 4, 1, DATA_DROP, 4, TABLE_COPY, 1, 2, TABLE_INIT, 5, 6, END},
                BinaryDecoder.decode(Bytes.module(
                        Bytes.section(1, "01 60 00 00"), Bytes.section(3, "01 00"), Bytes.section(12, "00"),
                        Bytes.section(10, "01 11 00 fc 08 04 01 fc 09 04 fc 0e 01 02 fc 0c 05 06 0b")))
                        .functions().get(0).body().ops());
        assertArrayEquals(new int[] {I32_TRUNC_SAT_F32_S, TABLE_FILL, 0, END}, body("fc 00 fc 11 00 0b"));
    }

    @Test
    void simdImmediates() {
        int[] ops = body("fd 0c 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 0b");
        assertArrayEquals(new int[] {V128_CONST, 0x04030201, 0x08070605, 0x0c0b0a09, 0x100f0e0d, END}, ops);
        assertArrayEquals(new int[] {I32X4_EXTRACT_LANE, 3, END}, body("fd 1b 03 0b"));
        assertArrayEquals(new int[] {V128_LOAD32_LANE, 2, 0, 8, 0, 1, END}, body("fd 56 02 08 01 0b"));
        assertArrayEquals(new int[] {I8X16_RELAXED_SWIZZLE, I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, END}, body("fd 80 02 fd 93 02 0b"));
        assertEquals(0x100, I8X16_RELAXED_SWIZZLE - Opcodes.PREFIX_FD, "relaxed SIMD sits above 0xFF");
    }

    @Test
    void gcInstructions() {
        assertArrayEquals(new int[] {STRUCT_GET_S, 1, 2, END}, body("fb 03 01 02 0b"));
        assertArrayEquals(new int[] {ARRAY_NEW_FIXED, 0, 3, END}, body("fb 08 00 03 0b"));
        assertArrayEquals(new int[] {REF_TEST_NULL, ValType.HT_EQ, REF_CAST, 5, END}, body("fb 15 6d fb 16 05 0b"));
        assertArrayEquals(new int[] {BR_ON_CAST, 3, 0, ValType.HT_ANY, 2, END}, body("fb 18 03 00 6e 02 0b"));
        assertArrayEquals(new int[] {REF_NULL, ValType.HT_NOEXTERN, REF_I31, END}, body("d0 72 fb 1c 0b"));
        assertEquals("malformed heap type", failure("d0 60 0b"));
    }

    @Test
    void atomics() {
        assertArrayEquals(new int[] {ATOMIC_FENCE, I32_ATOMIC_LOAD, 2, 0, 0, 0, END}, body("fe 03 00 fe 10 02 00 0b"));
        assertEquals("zero byte expected", failure("fe 03 01 0b"));
    }

    @Test
    void exceptionHandling() {
        int[] tryTable = body("1f 40 02 00 07 01 02 00 0b 0b");
        assertArrayEquals(new int[] {TRY_TABLE, EMPTY, 0, 11, 2,
                Immediates.CATCH_KIND_CATCH, 7, 1, Immediates.CATCH_KIND_ALL, -1, 0, END, END}, tryTable);
        int[] legacy = body("06 40 08 00 07 00 19 0b 0b");
        assertArrayEquals(new int[] {TRY, EMPTY, 0, 13, 7, THROW, 0, CATCH, 0, 11, 13, CATCH_ALL, 13, END, END}, legacy);
        assertArrayEquals(new int[] {TRY, EMPTY, 0, 5, 5, DELEGATE, 0, END}, body("06 40 18 00 0b"));
        assertEquals("malformed catch clause", failure("1f 40 01 04 00 0b 0b"));
    }

    @Test
    void callsTailCallsAndTypedSelect() {
        assertArrayEquals(new int[] {CALL_INDIRECT, 1, 2, RETURN_CALL, 3, CALL_REF, 0, RETURN_CALL_REF, 0, END},
                body("11 01 02 12 03 14 00 15 00 0b"));
        assertArrayEquals(new int[] {SELECT_T, 2, ValType.I32.encode(), ValType.FUNCREF.encode(), SELECT, END},
                body("1c 02 7f 70 1b 0b"));
    }

    @Test
    void unknownOpcodes() {
        assertEquals("illegal opcode 27", failure("27 0b"));
        assertEquals("illegal opcode ff", failure("ff 0b"));
        assertEquals("illegal opcode fc 20", failure("fc 20 0b"));
        assertEquals("illegal opcode fd 200", failure("fd 80 04 0b"));
    }

    @Test
    void deepNestingCostsNoStack() {
        String blocks = "02 40 ".repeat(100_000) + "0b ".repeat(100_000);
        assertEquals(100_000 * 5 + 1, body(blocks + "0b").length);
    }
}
