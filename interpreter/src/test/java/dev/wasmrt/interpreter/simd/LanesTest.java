package dev.wasmrt.interpreter.simd;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.simd.Halves.i16;
import static dev.wasmrt.interpreter.simd.Halves.i8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LanesTest {
    @Test
    void readsLanesSignedAndUnsigned() {
        long half = i8(1, -2, 3, -4, 5, -6, 7, -128);
        assertEquals(-2, Lanes.get(half, 1, 8));
        assertEquals(254, Lanes.getU(half, 1, 8));
        assertEquals(-128, Lanes.get(half, 7, 8));
        assertEquals(0xFC03_FE01L, Lanes.getU(half, 0, 32));
        assertEquals(half, Lanes.get(half, 0, 64));
    }

    @Test
    void replacesOnlyTheAddressedLane() {
        long half = i16(1, 2, 3, 4);
        assertEquals(i16(1, 2, -1, 4), Lanes.with(half, 2, 16, 0xFFFF_FFFFL));
        assertEquals(0x1234L, Lanes.with(-1L, 0, 64, 0x1234L));
    }

    @Test
    void splatRepeatsTheLowBits() {
        assertEquals(0xABAB_ABAB_ABAB_ABABL, Lanes.splat(0x12AB, 8));
        assertEquals(0x0000_0001_0000_0001L, Lanes.splat(0xFFFF_FFFF_0000_0001L, 32));
    }

    @Test
    void vectorLanesSpanBothHalves() {
        long lo = i16(0, 1, 2, 3);
        long hi = i16(4, 5, 6, -7);
        assertEquals(-7, Lanes.extract(lo, hi, 7, 16));
        assertEquals(0xFFF9, Lanes.extractU(lo, hi, 7, 16));
        assertEquals(2, Lanes.extract(lo, hi, 2, 16));
        assertEquals(lo, Lanes.replaceLo(lo, 5, 16, 99));
        assertEquals(i16(4, 99, 6, -7), Lanes.replaceHi(hi, 5, 16, 99));
        assertEquals(i16(0, 1, 2, 99), Lanes.replaceLo(lo, 3, 16, 99));
        assertEquals(hi, Lanes.replaceHi(hi, 3, 16, 99));
    }
}
