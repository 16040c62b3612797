package dev.wasmrt.interpreter.simd;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.simd.Halves.f32;
import static dev.wasmrt.interpreter.simd.Halves.f64;
import static dev.wasmrt.interpreter.simd.Halves.i16;
import static dev.wasmrt.interpreter.simd.Halves.i8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SimdCompareTest {
    @Test
    void integerConditionsYieldLaneMasks() {
        long a = i8(-1, 1, 5, 0, 0, 0, 0, 0);
        long b = i8(1, -1, 5, 0, 0, 0, 0, 0);
        assertEquals(i8(-1, 0, 0, 0, 0, 0, 0, 0), SimdCompare.ints(a, b, 8, SimdCompare.LT));
        assertEquals(i8(0, -1, 0, 0, 0, 0, 0, 0), SimdCompare.ints(a, b, 8, SimdCompare.LT_U));
        assertEquals(i8(0, 0, -1, -1, -1, -1, -1, -1), SimdCompare.ints(a, b, 8, SimdCompare.EQ));
        assertEquals(i8(-1, 0, -1, -1, -1, -1, -1, -1), SimdCompare.ints(a, b, 8, SimdCompare.GE_U));
        assertEquals(i16(-1, 0, 0, 0), SimdCompare.ints(i16(-32768, 0, 0, 0), i16(32767, 0, 0, 0), 16, SimdCompare.LT));
        assertEquals(-1L, SimdCompare.ints(Long.MIN_VALUE, 0, 64, SimdCompare.LT));
    }

    @Test
    void familiesOfSixSkipTheUnsignedConditions() {
        assertEquals(SimdCompare.GT, SimdCompare.ofSix(3));
        assertEquals(SimdCompare.GE, SimdCompare.ofSix(5));
    }

    @Test
    void nanIsUnorderedAndZerosAreEqual() {
        long a = f32(Float.NaN, -0.0f);
        long b = f32(Float.NaN, 0.0f);
        assertEquals(0xFFFF_FFFF_0000_0000L, SimdCompare.f32(a, b, SimdCompare.EQ));
        assertEquals(0x0000_0000_FFFF_FFFFL, SimdCompare.f32(a, b, SimdCompare.NE));
        assertEquals(0L, SimdCompare.f64(f64(Double.NaN), f64(1), SimdCompare.GE));
        assertEquals(-1L, SimdCompare.f64(f64(-2), f64(1), SimdCompare.LE));
    }
}
