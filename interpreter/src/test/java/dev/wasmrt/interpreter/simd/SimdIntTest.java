package dev.wasmrt.interpreter.simd;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.simd.Halves.i16;
import static dev.wasmrt.interpreter.simd.Halves.i32;
import static dev.wasmrt.interpreter.simd.Halves.i8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SimdIntTest {
    @Test
    void additionWrapsWithinEachLane() {
        assertEquals(i8(0, -128, 2, 0, 0, 0, 0, 0), SimdInt.add(i8(-1, 127, 1, 0, 0, 0, 0, 0), i8(1, 1, 1, 0, 0, 0, 0, 0), 8));
        assertEquals(i32(0, Integer.MIN_VALUE), SimdInt.add(i32(-1, Integer.MAX_VALUE), i32(1, 1), 32));
        assertEquals(i16(-1, 0, 0, 0), SimdInt.sub(i16(0, 0, 0, 0), i16(1, 0, 0, 0), 16));
    }

    @Test
    void multiplicationKeepsTheLowBits() {
        // 300 * 300 = 90000 = 0x15F90, whose low 16 bits are 0x5F90 = 24464.
        assertEquals(i16(24464, -6, 0, 0), SimdInt.mul(i16(300, 2, 0, 0), i16(300, -3, 0, 0), 16));
    }

    @Test
    void negationAndAbsoluteValueLeaveTheMinimumAlone() {
        assertEquals(i8(-128, 1, -5, 0, 0, 0, 0, 0), SimdInt.neg(i8(-128, -1, 5, 0, 0, 0, 0, 0), 8));
        assertEquals(i8(-128, 1, 5, 0, 0, 0, 0, 0), SimdInt.abs(i8(-128, -1, 5, 0, 0, 0, 0, 0), 8));
        assertEquals(Long.MIN_VALUE, SimdInt.abs(Long.MIN_VALUE, 64));
    }

    @Test
    void minAndMaxDistinguishSignedFromUnsigned() {
        long a = i8(-1, 1, 0, 0, 0, 0, 0, 0);
        long b = i8(1, -1, 0, 0, 0, 0, 0, 0);
        assertEquals(i8(-1, -1, 0, 0, 0, 0, 0, 0), SimdInt.minS(a, b, 8));
        assertEquals(i8(1, 1, 0, 0, 0, 0, 0, 0), SimdInt.minU(a, b, 8));
        assertEquals(i8(1, 1, 0, 0, 0, 0, 0, 0), SimdInt.maxS(a, b, 8));
        assertEquals(i8(-1, -1, 0, 0, 0, 0, 0, 0), SimdInt.maxU(a, b, 8));
        assertEquals(i32(-1, -1), SimdInt.maxU(i32(-1, 5), i32(7, -1), 32));
    }

    @Test
    void roundingAverageRoundsUpAndIsUnsigned() {
        // (255 + 0 + 1) / 2 = 128; (3 + 4 + 1) / 2 = 4.
        assertEquals(i8(-128, 4, 0, 0, 0, 0, 0, 0), SimdInt.avgrU(i8(-1, 3, 0, 0, 0, 0, 0, 0), i8(0, 4, 0, 0, 0, 0, 0, 0), 8));
    }

    @Test
    void saturatingArithmeticClampsToTheLaneRange() {
        assertEquals(i8(127, -128, 10, 0, 0, 0, 0, 0),
                SimdInt.addSatS(i8(100, -100, 5, 0, 0, 0, 0, 0), i8(100, -100, 5, 0, 0, 0, 0, 0), 8));
        assertEquals(i8(-1, 2, 0, 0, 0, 0, 0, 0), SimdInt.addSatU(i8(200, 1, 0, 0, 0, 0, 0, 0), i8(100, 1, 0, 0, 0, 0, 0, 0), 8));
        assertEquals(i16(-32768, 32767, 0, 0), SimdInt.subSatS(i16(-30000, 30000, 0, 0), i16(10000, -10000, 0, 0), 16));
        assertEquals(i16(0, 1, 0, 0), SimdInt.subSatU(i16(1, 3, 0, 0), i16(2, 2, 0, 0), 16));
    }

    @Test
    void q15MultiplicationRoundsAndSaturates() {
        // (a * b + 0x4000) >> 15: 16384 * 16384 gives 8192; -32768 * -32768 saturates; 1 * 1 gives 0; -1 * 16385 gives -1.
        assertEquals(i16(8192, 32767, 0, -1), SimdInt.q15mulrSatS(i16(16384, -32768, 1, -1), i16(16384, -32768, 1, 16385)));
    }

    @Test
    void popcountCountsEachByte() {
        assertEquals(i8(0, 8, 1, 4, 0, 0, 0, 7), SimdInt.popcnt8(i8(0, 0xFF, 0x80, 0x0F, 0, 0, 0, 0x7F)));
    }

    @Test
    void shiftCountsWrapAtTheLaneWidth() {
        long a = i8(1, -128, 3, 0, 0, 0, 0, 0);
        assertEquals(i8(2, 0, 6, 0, 0, 0, 0, 0), SimdInt.shl(a, 9, 8));
        assertEquals(i8(0, -64, 1, 0, 0, 0, 0, 0), SimdInt.shrS(a, 1, 8));
        assertEquals(i8(0, 64, 1, 0, 0, 0, 0, 0), SimdInt.shrU(a, 1, 8));
        assertEquals(i16(-1, 0, 0, 0), SimdInt.shrS(i16(-32768, 0, 0, 0), 31, 16));
        assertEquals(1L, SimdInt.shrU(Long.MIN_VALUE, 127, 64));
        assertEquals(Long.MIN_VALUE, SimdInt.shl(1, 63, 64));
    }
}
