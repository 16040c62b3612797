package dev.wasmrt.interpreter.simd;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.simd.Halves.i16;
import static dev.wasmrt.interpreter.simd.Halves.i8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimdBitsAndShuffleTest {
    @Test
    void bitselectTakesTheFirstOperandWhereTheMaskIsSet() {
        assertEquals(0xAAAA_5555_0000_FFFFL, SimdBits.bitselect(0xAAAA_AAAA_0000_FFFFL, 0x5555_5555_FFFF_0000L, 0xFFFF_0000_FFFF_FFFFL));
    }

    @Test
    void reductions() {
        assertTrue(SimdBits.anyTrue(0, 1L << 63));
        assertFalse(SimdBits.anyTrue(0, 0));
        assertTrue(SimdBits.allTrue(i16(1, -1, 256, 2), i16(3, 4, 5, 6), 16));
        assertFalse(SimdBits.allTrue(i16(1, -1, 256, 2), i16(3, 4, 0, 6), 16));
        assertFalse(SimdBits.allTrue(0x0001_0001_0001_0100L, -1L, 8));
        assertTrue(SimdBits.allTrue(0x0001_0001_0001_0100L, -1L, 16));
        assertEquals(0b1_0000_0010, SimdBits.bitmask(i8(0, -1, 0, 0, 0, 0, 0, 0), i8(-128, 0, 0, 0, 0, 0, 0, 127), 8));
        assertEquals(0b10, SimdBits.bitmask(0, Long.MIN_VALUE, 64));
    }

    @Test
    void swizzleZeroesOutOfRangeIndices() {
        long lo = i8(10, 11, 12, 13, 14, 15, 16, 17);
        long hi = i8(18, 19, 20, 21, 22, 23, 24, 25);
        assertEquals(i8(25, 10, 0, 0, 18, 17, 0, 11), SimdShuffle.swizzle(lo, hi, i8(15, 0, 16, 255, 8, 7, 128, 1)));
    }

    @Test
    void shuffleIndexesTheConcatenationOfBothOperands() {
        long aLo = i8(0, 1, 2, 3, 4, 5, 6, 7);
        long aHi = i8(8, 9, 10, 11, 12, 13, 14, 15);
        long bLo = i8(-1, -2, -3, -4, -5, -6, -7, -8);
        long bHi = i8(-9, -10, -11, -12, -13, -14, -15, -16);
        assertEquals(i8(15, -1, -16, 0, 8, -9, 7, 3), SimdShuffle.shuffle(aLo, aHi, bLo, bHi, i8(15, 16, 31, 0, 8, 24, 7, 3)));
    }
}
