package dev.wasmrt.interpreter.simd;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.simd.Halves.f32;
import static dev.wasmrt.interpreter.simd.Halves.f64;
import static dev.wasmrt.interpreter.simd.Halves.i32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimdFloatTest {
    private static final int SIGNALLING_NAN = 0x7F80_0001;

    @Test
    void arithmeticIsPerLane() {
        assertEquals(f32(3.5f, -1f), SimdFloat.f32Add(f32(1.25f, 1f), f32(2.25f, -2f)));
        assertEquals(f32(0.5f, Float.POSITIVE_INFINITY), SimdFloat.f32Div(f32(1f, 1f), f32(2f, 0f)));
        assertEquals(f64(6.0), SimdFloat.f64Mul(f64(1.5), f64(4)));
    }

    @Test
    void minAndMaxOrderSignedZerosAndPropagateNan() {
        assertEquals(f32(-0.0f, -0.0f), SimdFloat.f32Min(f32(0.0f, -0.0f), f32(-0.0f, 0.0f)));
        assertEquals(f32(0.0f, 0.0f), SimdFloat.f32Max(f32(0.0f, -0.0f), f32(-0.0f, 0.0f)));
        assertEquals(f64(0.0), SimdFloat.f64Max(f64(-0.0), f64(0.0)));
        long min = SimdFloat.f32Min(f32(1f, 1f), i32(SIGNALLING_NAN, 0));
        assertTrue(Float.isNaN(Float.intBitsToFloat((int) min)));
        assertEquals(0x0040_0000, (int) min & 0x0040_0000, "the NaN is quieted");
        assertEquals(0f, Float.intBitsToFloat((int) (min >>> 32)));
    }

    @Test
    void pseudoMinAndMaxReturnTheFirstOperandUnlessTheSecondIsStrictlyBetter() {
        long nanAndZero = i32(SIGNALLING_NAN, Float.floatToRawIntBits(-0.0f));
        long oneAndZero = f32(1f, 0.0f);
        assertEquals(nanAndZero, SimdFloat.f32Pmin(nanAndZero, oneAndZero));
        assertEquals(oneAndZero, SimdFloat.f32Pmin(oneAndZero, nanAndZero));
        assertEquals(f32(2f, 3f), SimdFloat.f32Pmax(f32(1f, 3f), f32(2f, 1f)));
        assertEquals(f64(-0.0), SimdFloat.f64Pmax(f64(-0.0), f64(0.0)));
    }

    @Test
    void signOperationsKeepNanPayloads() {
        assertEquals(i32(0xFF80_0001, 0x3F80_0000), SimdFloat.f32Neg(i32(SIGNALLING_NAN, 0xBF80_0000)));
        assertEquals(i32(SIGNALLING_NAN, 0), SimdFloat.f32Abs(i32(0xFF80_0001, 0x8000_0000)));
        assertEquals(0x7FF0_0000_0000_0001L, SimdFloat.f64Abs(0xFFF0_0000_0000_0001L));
    }

    @Test
    void roundingModes() {
        assertEquals(f32(2f, -2f), SimdFloat.f32Nearest(f32(2.5f, -1.5f)));
        assertEquals(f32(-0.0f, 1f), SimdFloat.f32Ceil(f32(-0.5f, 0.5f)));
        assertEquals(f32(-1f, 0f), SimdFloat.f32Floor(f32(-0.5f, 0.5f)));
        assertEquals(f64(-0.0), SimdFloat.f64Trunc(f64(-0.9)));
        assertEquals(f64(4.0), SimdFloat.f64Nearest(f64(3.5)));
        assertEquals(f64(3.0), SimdFloat.f64Sqrt(f64(9.0)));
    }

    @Test
    void relaxedMultiplyAddRoundsOnce() {
        // (1 + 2^-23)(1 - 2^-23) = 1 - 2^-46: fused, minus one leaves -2^-46; unfused it would be 0.
        float a = 1f + 0x1p-23f;
        float b = 1f - 0x1p-23f;
        assertEquals(f32(-0x1p-46f, 7f), SimdFloat.f32Madd(f32(a, 2f), f32(b, 3f), f32(-1f, 1f)));
        assertEquals(f32(0x1p-46f, -5f), SimdFloat.f32Nmadd(f32(a, 2f), f32(b, 3f), f32(1f, 1f)));
        assertEquals(f64(7.0), SimdFloat.f64Madd(f64(2), f64(3), f64(1)));
        assertEquals(f64(-5.0), SimdFloat.f64Nmadd(f64(2), f64(3), f64(1)));
    }
}
