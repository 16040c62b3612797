package dev.wasmrt.interpreter.simd;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.simd.Halves.f32;
import static dev.wasmrt.interpreter.simd.Halves.f64;
import static dev.wasmrt.interpreter.simd.Halves.i16;
import static dev.wasmrt.interpreter.simd.Halves.i32;
import static dev.wasmrt.interpreter.simd.Halves.i8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SimdConvertTest {
    @Test
    void narrowingSaturatesAndTakesTheFirstOperandsLanesFirst() {
        long lo = i16(300, -300, 5, -5);
        long hi = i16(127, -128, 128, -129);
        assertEquals(i8(127, -128, 5, -5, 127, -128, 127, -128), SimdConvert.narrowS(lo, hi, 16));
        assertEquals(i8(255, 0, 5, 0, 127, 0, 128, 0), SimdConvert.narrowU(lo, hi, 16));
        long wideLo = i32(40000, -1);
        long wideHi = i32(70000, -70000);
        assertEquals(i16(32767, -1, 32767, -32768), SimdConvert.narrowS(wideLo, wideHi, 32));
        assertEquals(i16(40000, 0, 65535, 0), SimdConvert.narrowU(wideLo, wideHi, 32));
    }

    @Test
    void saturatingTruncationHandlesNanInfinityAndRange() {
        assertEquals(i32(0, Integer.MAX_VALUE), SimdConvert.truncSatF32S(f32(Float.NaN, Float.POSITIVE_INFINITY)));
        assertEquals(i32(Integer.MIN_VALUE, -3), SimdConvert.truncSatF32S(f32(-3e9f, -3.9f)));
        assertEquals(i32(0, -1), SimdConvert.truncSatF32U(f32(-1f, 5e9f)));
        assertEquals(i32(-1, 0), SimdConvert.truncSatF64SZero(f64(-1.5), f64(Double.NaN)));
        assertEquals(i32(-1, 0), SimdConvert.truncSatF64UZero(f64(4294967295.5), f64(-0.5)));
    }

    @Test
    void integerToFloatConversionsReadSignedOrUnsignedLanes() {
        assertEquals(f32(-1f, 16777216f), SimdConvert.convertI32S(i32(-1, 16777217)));
        assertEquals(f32(4294967296f, 1f), SimdConvert.convertI32U(i32(-1, 1)));
        assertEquals(f64(-2.0), SimdConvert.f64ConvertI32S(-2));
        assertEquals(f64(4294967294.0), SimdConvert.f64ConvertI32U(-2));
    }

    @Test
    void demotionRoundsAndPromotionIsExact() {
        assertEquals(f32(1f, Float.POSITIVE_INFINITY), SimdConvert.demoteZero(f64(1.0 + 0x1p-30), f64(1e300)));
        assertEquals(f64(0.1f), SimdConvert.promote(Float.floatToRawIntBits(0.1f)));
    }
}
