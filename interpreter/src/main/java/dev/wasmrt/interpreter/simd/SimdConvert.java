package dev.wasmrt.interpreter.simd;

import dev.wasmrt.interpreter.Numerics;

import static dev.wasmrt.interpreter.simd.Lanes.get;
import static dev.wasmrt.interpreter.simd.Lanes.perHalf;
import static dev.wasmrt.interpreter.simd.SimdFloat.packBits;
import static dev.wasmrt.interpreter.simd.SimdInt.put;

/**
 * Narrowing and float/integer conversions. The f32x4 and i32x4 forms are lane-wise on one half;
 * the f64x2 forms read or write 32-bit lanes across halves as documented per method.
 */
public final class SimdConvert {
    private SimdConvert() {}

    private static float f32(long bits) { return Float.intBitsToFloat((int) bits); }

    private static double f64(long bits) { return Double.longBitsToDouble(bits); }

    /**
     * One half of a signed saturating narrow from {@code fromBits}-wide lanes: the lanes of
     * {@code lo} then those of {@code hi} (both halves of one operand), each clamped to the
     * signed range of half the width. The result's low half comes from the first operand, its
     * high half from the second.
     */
    public static long narrowS(long lo, long hi, int fromBits) {
        int to = fromBits / 2;
        long min = -(1L << (to - 1));
        long max = (1L << (to - 1)) - 1;
        int n = perHalf(fromBits);
        long r = 0;
        for (int i = 0; i < n; i++) {
            r = put(r, i, to, Math.clamp(get(lo, i, fromBits), min, max));
            r = put(r, n + i, to, Math.clamp(get(hi, i, fromBits), min, max));
        }
        return r;
    }

    /** Like {@link #narrowS}, but signed lanes clamped to the unsigned range of half the width. */
    public static long narrowU(long lo, long hi, int fromBits) {
        int to = fromBits / 2;
        long max = Lanes.mask(to);
        int n = perHalf(fromBits);
        long r = 0;
        for (int i = 0; i < n; i++) {
            r = put(r, i, to, Math.clamp(get(lo, i, fromBits), 0, max));
            r = put(r, n + i, to, Math.clamp(get(hi, i, fromBits), 0, max));
        }
        return r;
    }

    /** i32x4.trunc_sat_f32x4_s on one half: NaN gives 0, out-of-range values the nearest bound. */
    public static long truncSatF32S(long a) {
        return packBits(Numerics.i32TruncSatS(f32(a)), Numerics.i32TruncSatS(f32(a >>> 32)));
    }

    public static long truncSatF32U(long a) {
        return packBits(Numerics.i32TruncSatU(f32(a)), Numerics.i32TruncSatU(f32(a >>> 32)));
    }

    /** i32x4.trunc_sat_f64x2_s_zero: the low half of the result from both f64 lanes; the high half is zero. */
    public static long truncSatF64SZero(long lo, long hi) {
        return packBits(Numerics.i32TruncSatS(f64(lo)), Numerics.i32TruncSatS(f64(hi)));
    }

    public static long truncSatF64UZero(long lo, long hi) {
        return packBits(Numerics.i32TruncSatU(f64(lo)), Numerics.i32TruncSatU(f64(hi)));
    }

    /** f32x4.convert_i32x4_s on one half. */
    public static long convertI32S(long a) {
        return packBits(Float.floatToRawIntBits((float) (int) a), Float.floatToRawIntBits((float) (int) (a >>> 32)));
    }

    public static long convertI32U(long a) {
        return packBits(Float.floatToRawIntBits(Numerics.f32ConvertI32U((int) a)),
                Float.floatToRawIntBits(Numerics.f32ConvertI32U((int) (a >>> 32))));
    }

    /** f64x2.convert_low_i32x4_s: one f64 result lane from i32 lane {@code lane}. */
    public static long f64ConvertI32S(int lane) { return Double.doubleToRawLongBits(lane); }

    public static long f64ConvertI32U(int lane) { return Double.doubleToRawLongBits(Numerics.f64ConvertI32U(lane)); }

    /** f32x4.demote_f64x2_zero: the low half of the result from both f64 lanes; the high half is zero. */
    public static long demoteZero(long lo, long hi) {
        return packBits(Float.floatToRawIntBits(Numerics.f32DemoteF64(f64(lo))), Float.floatToRawIntBits(Numerics.f32DemoteF64(f64(hi))));
    }

    /** f64x2.promote_low_f32x4: one f64 result lane from the f32 lane with raw bits {@code lane}. */
    public static long promote(int lane) {
        return Double.doubleToRawLongBits(Numerics.f64PromoteF32(Float.intBitsToFloat(lane)));
    }
}
