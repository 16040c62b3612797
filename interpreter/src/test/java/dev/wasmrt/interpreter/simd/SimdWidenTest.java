package dev.wasmrt.interpreter.simd;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.simd.Halves.i16;
import static dev.wasmrt.interpreter.simd.Halves.i32;
import static dev.wasmrt.interpreter.simd.Halves.i8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SimdWidenTest {
    /** Bytes 0x80, 0x01, 0xFF, 0x7F as a little-endian quarter. */
    private static final int BYTES = 0x7FFF_0180;

    @Test
    void extensionWidensEveryLaneOfAQuarter() {
        assertEquals(i16(-128, 1, -1, 127), SimdWiden.extendS(BYTES, 8));
        assertEquals(i16(128, 1, 255, 127), SimdWiden.extendU(BYTES, 8));
        assertEquals(i32(0x0180, 0x7FFF), SimdWiden.extendS(BYTES, 16));
        assertEquals(-2L, SimdWiden.extendS(-2, 32));
        assertEquals(0xFFFF_FFFEL, SimdWiden.extendU(-2, 32));
    }

    @Test
    void extendingMultiplicationIsExact() {
        assertEquals(i16(16384, 1, 1, 16129), SimdWiden.extmulS(BYTES, BYTES, 8));
        assertEquals(i16(16384, 1, 65025, 16129), SimdWiden.extmulU(BYTES, BYTES, 8));
        assertEquals(0xFFFF_FFFE_0000_0001L, SimdWiden.extmulU(-1, -1, 32));
        assertEquals(1L, SimdWiden.extmulS(-1, -1, 32));
    }

    @Test
    void pairwiseAdditionSumsNeighbours() {
        long a = i8(-128, -128, 127, 127, 1, -1, 0, 5);
        assertEquals(i16(-256, 254, 0, 5), SimdWiden.extaddPairwiseS(a, 8));
        assertEquals(i16(256, 254, 256, 5), SimdWiden.extaddPairwiseU(a, 8));
        assertEquals(i32(65535 * 2, 0), SimdWiden.extaddPairwiseU(i16(-1, -1, 0, 0), 16));
    }

    @Test
    void dotProductWrapsOnlyForTheMinimumSquared() {
        // -32768 * -32768 * 2 = 2^31, which wraps to the minimum i32.
        assertEquals(i32(Integer.MIN_VALUE, 2 * 3 + 4 * -5),
                SimdWiden.dotI16S(i16(-32768, -32768, 2, 4), i16(-32768, -32768, 3, -5)));
    }

    @Test
    void relaxedDotProductsMultiplySignedBytes() {
        long a = i8(-128, -128, 127, 127, 1, 2, 3, 4);
        long b = i8(-127, -127, 127, 127, 5, 6, 7, 8);
        assertEquals(i16(32512, 32258, 17, 53), SimdWiden.relaxedDotI8S(a, b));
        // Fours: 32512 + 32258 = 64770 and 5 + 12 + 21 + 32 = 70, plus the accumulator.
        assertEquals(i32(64770 + 1, 70 - 100), SimdWiden.relaxedDotI8AddS(a, b, i32(1, -100)));
    }
}
