package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;
import org.junit.jupiter.api.Test;

import static dev.wasmrt.decoder.binary.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteReaderTest {

    private static ByteReader reader(String hex) { return new ByteReader(hex(hex)); }

    private static String failure(Runnable read) {
        return assertThrows(DecodeException.class, read::run).reason();
    }

    @Test
    void readsUnsigned32() {
        assertEquals(0, reader("00").u32());
        assertEquals(127, reader("7f").u32());
        assertEquals(128, reader("80 01").u32());
        assertEquals(624485, reader("e5 8e 26").u32());
        assertEquals(-1, reader("ff ff ff ff 0f").u32(), "2^32-1 as an unsigned int");
        assertEquals(5, reader("85 80 80 80 00").u32(), "padded but within five bytes");
    }

    @Test
    void rejectsOverlongAndOversizedUnsigned32() {
        assertEquals("integer representation too long", failure(() -> reader("80 80 80 80 80 00").u32()));
        assertEquals("integer too large", failure(() -> reader("ff ff ff ff 1f").u32()));
        assertEquals("integer too large", failure(() -> reader("80 80 80 80 10").u32()));
    }

    @Test
    void readsSigned32() {
        assertEquals(-1, reader("7f").s32());
        assertEquals(63, reader("3f").s32());
        assertEquals(-64, reader("40").s32());
        assertEquals(-128, reader("80 7f").s32());
        assertEquals(Integer.MIN_VALUE, reader("80 80 80 80 78").s32());
        assertEquals(Integer.MAX_VALUE, reader("ff ff ff ff 07").s32());
    }

    @Test
    void signed32UnusedBitsMustCopyTheSign() {
        assertEquals("integer too large", failure(() -> reader("ff ff ff ff 4f").s32()));
        assertEquals("integer too large", failure(() -> reader("80 80 80 80 08").s32()), "sign bit set, upper bits clear");
        assertEquals("integer representation too long", failure(() -> reader("ff ff ff ff ff 7f").s32()));
    }

    @Test
    void readsSigned33AndSixtyFourBitValues() {
        assertEquals(0xFFFF_FFFFL, reader("ff ff ff ff 0f").s33());
        assertEquals(-0x1_0000_0000L, reader("80 80 80 80 70").s33());
        assertEquals(Long.MIN_VALUE, reader("80 80 80 80 80 80 80 80 80 7f").s64());
        assertEquals(-1L, reader("ff ff ff ff ff ff ff ff ff 01").u64());
        assertEquals("integer too large", failure(() -> reader("ff ff ff ff ff ff ff ff ff 03").u64()));
        assertEquals("integer too large", failure(() -> reader("80 80 80 80 80 80 80 80 80 01").s64()));
    }

    @Test
    void readsLittleEndianFloatBits() {
        assertEquals(0x3F80_0000, reader("00 00 80 3f").f32Bits());
        assertEquals(0x4000_0000_0000_0000L, reader("00 00 00 00 00 00 00 40").f64Bits());
    }

    @Test
    void reportsTheEndOfInput() {
        assertEquals(ByteReader.UNEXPECTED_END, failure(() -> reader("80 80").u32()));
        assertEquals(ByteReader.UNEXPECTED_END, failure(() -> reader("00 00 80").f32Bits()));
    }

    @Test
    void decodesNamesAsStrictUtf8() {
        assertEquals("h\u00e9", reader("03 68 c3 a9").name());
        assertEquals("", reader("00").name());
        assertEquals("malformed UTF-8 encoding", failure(() -> reader("02 c0 80").name()), "overlong NUL");
        assertEquals("malformed UTF-8 encoding", failure(() -> reader("03 ed a0 80").name()), "a surrogate");
        assertEquals("malformed UTF-8 encoding", failure(() -> reader("04 f4 90 80 80").name()), "beyond U+10FFFF");
        assertEquals("malformed UTF-8 encoding", failure(() -> reader("01 80").name()), "a lone continuation byte");
    }

    @Test
    void lengthsBeyondTheInputFailBeforeAllocating() {
        assertEquals("length out of bounds", failure(() -> reader("ff ff ff ff 0f 41").name()));
        assertEquals(ByteReader.UNEXPECTED_END, failure(() -> reader("ff ff ff ff 0f 41").byteVector()));
        assertEquals(ByteReader.UNEXPECTED_END, failure(() -> reader("05 01 02").count()));
        assertEquals(2, reader("02 01 02").count());
    }
}
