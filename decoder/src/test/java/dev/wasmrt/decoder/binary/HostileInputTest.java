package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;
import org.junit.jupiter.api.Test;

import static dev.wasmrt.decoder.binary.Bytes.module;
import static dev.wasmrt.decoder.binary.Bytes.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lengths and counts that claim gigabytes are refused before anything of that size is allocated. */
class HostileInputTest {

    private static String failure(byte[] bytes) {
        return assertThrows(DecodeException.class, () -> BinaryDecoder.decode(bytes)).reason();
    }

    @Test
    void sectionClaimingFourGigabytes() {
        assertEquals("length out of bounds", failure(module("00 ff ff ff ff 0f 01 61")));
    }

    @Test
    void dataSegmentClaimingFourGigabytes() {
        assertEquals(ByteReader.UNEXPECTED_END, failure(module(section(11, "01 01 ff ff ff ff 0f 00"))));
    }

    @Test
    void vectorCountsBeyondTheInput() {
        assertEquals(ByteReader.UNEXPECTED_END, failure(module(section(1, "ff ff ff ff 0f"))));
        assertEquals(ByteReader.UNEXPECTED_END, failure(module(section(9, "01 00 41 00 0b ff ff ff ff 0f"))));
        assertEquals(ByteReader.UNEXPECTED_END, failure(Bytes.functionModule("00 0e ff ff ff ff 0f 0b")), "br_table");
    }

    @Test
    void localsClaimingBillions() {
        assertEquals("too many locals", failure(Bytes.functionModule("01 ff ff ff ff 07 7f 0b")));
    }

    @Test
    void manyFunctionsWithTheMostLocalsEachExhaustTheModuleBudget() {
        int functions = 100;
        String body = "06 01 d0 86 03 7f 0b"; // 50000 locals of i32 in six bytes
        byte[] bytes = module(section(1, "01 60 00 00"),
                section(3, Bytes.leb(functions) + "00 ".repeat(functions)),
                section(10, Bytes.leb(functions) + (body + " ").repeat(functions)));
        assertEquals("too many locals", failure(bytes));
    }

    @Test
    void nameSectionClaimingFourGigabytesIsIgnored() {
        BinaryDecoder.decode(module(section(0, "04 6e 61 6d 65 01 ff ff ff ff 0f")));
    }
}
