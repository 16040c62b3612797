package dev.wasmrt.interpreter.simd;

import dev.wasmrt.interpreter.Numerics;

/**
 * Lane-wise floating-point arithmetic on one half: two f32 lanes ({@code f32*} methods) or one
 * f64 lane ({@code f64*}). Arithmetic follows IEEE 754 as Java does, which yields a quiet NaN
 * from NaN operands; rounding, min/max and sqrt go through {@link Numerics} for the Wasm NaN and
 * signed-zero rules. Sign operations and pmin/pmax work on bits and keep NaN payloads.
 */
public final class SimdFloat {
    private SimdFloat() {}

    private static final long F32_SIGNS = 0x8000_0000_8000_0000L;

    private static float lo(long h) { return Float.intBitsToFloat((int) h); }

    private static float hi(long h) { return Float.intBitsToFloat((int) (h >>> 32)); }

    private static long pack(float lo, float hi) { return packBits(Float.floatToRawIntBits(lo), Float.floatToRawIntBits(hi)); }

    static long packBits(int lo, int hi) { return (lo & 0xFFFF_FFFFL) | ((long) hi << 32); }

    private static double d(long h) { return Double.longBitsToDouble(h); }

    private static long bits(double v) { return Double.doubleToRawLongBits(v); }

    public static long f32Add(long a, long b) { return pack(lo(a) + lo(b), hi(a) + hi(b)); }

    public static long f32Sub(long a, long b) { return pack(lo(a) - lo(b), hi(a) - hi(b)); }

    public static long f32Mul(long a, long b) { return pack(lo(a) * lo(b), hi(a) * hi(b)); }

    public static long f32Div(long a, long b) { return pack(lo(a) / lo(b), hi(a) / hi(b)); }

    public static long f32Min(long a, long b) { return pack(Numerics.f32Min(lo(a), lo(b)), Numerics.f32Min(hi(a), hi(b))); }

    public static long f32Max(long a, long b) { return pack(Numerics.f32Max(lo(a), lo(b)), Numerics.f32Max(hi(a), hi(b))); }

    /** Pseudo-minimum {@code b < a ? b : a}: picks an operand's bits unchanged, NaN or not. */
    public static long f32Pmin(long a, long b) {
        return packBits(lo(b) < lo(a) ? (int) b : (int) a, hi(b) < hi(a) ? (int) (b >>> 32) : (int) (a >>> 32));
    }

    /** Pseudo-maximum {@code a < b ? b : a}. */
    public static long f32Pmax(long a, long b) {
        return packBits(lo(a) < lo(b) ? (int) b : (int) a, hi(a) < hi(b) ? (int) (b >>> 32) : (int) (a >>> 32));
    }

    public static long f32Abs(long a) { return a & ~F32_SIGNS; }

    public static long f32Neg(long a) { return a ^ F32_SIGNS; }

    public static long f32Sqrt(long a) { return pack(Numerics.f32Sqrt(lo(a)), Numerics.f32Sqrt(hi(a))); }

    public static long f32Ceil(long a) { return pack(Numerics.f32Ceil(lo(a)), Numerics.f32Ceil(hi(a))); }

    public static long f32Floor(long a) { return pack(Numerics.f32Floor(lo(a)), Numerics.f32Floor(hi(a))); }

    public static long f32Trunc(long a) { return pack(Numerics.f32Trunc(lo(a)), Numerics.f32Trunc(hi(a))); }

    /** Round to nearest, ties to even. */
    public static long f32Nearest(long a) { return pack(Numerics.f32Nearest(lo(a)), Numerics.f32Nearest(hi(a))); }

    /** Relaxed madd {@code a * b + c}, fused (one rounding). */
    public static long f32Madd(long a, long b, long c) {
        return pack(Math.fma(lo(a), lo(b), lo(c)), Math.fma(hi(a), hi(b), hi(c)));
    }

    /** Relaxed nmadd {@code -(a * b) + c}, fused. */
    public static long f32Nmadd(long a, long b, long c) {
        return pack(Math.fma(-lo(a), lo(b), lo(c)), Math.fma(-hi(a), hi(b), hi(c)));
    }

    public static long f64Add(long a, long b) { return bits(d(a) + d(b)); }

    public static long f64Sub(long a, long b) { return bits(d(a) - d(b)); }

    public static long f64Mul(long a, long b) { return bits(d(a) * d(b)); }

    public static long f64Div(long a, long b) { return bits(d(a) / d(b)); }

    public static long f64Min(long a, long b) { return bits(Numerics.f64Min(d(a), d(b))); }

    public static long f64Max(long a, long b) { return bits(Numerics.f64Max(d(a), d(b))); }

    public static long f64Pmin(long a, long b) { return d(b) < d(a) ? b : a; }

    public static long f64Pmax(long a, long b) { return d(a) < d(b) ? b : a; }

    public static long f64Abs(long a) { return Numerics.f64Abs(a); }

    public static long f64Neg(long a) { return Numerics.f64Neg(a); }

    public static long f64Sqrt(long a) { return bits(Numerics.f64Sqrt(d(a))); }

    public static long f64Ceil(long a) { return bits(Numerics.f64Ceil(d(a))); }

    public static long f64Floor(long a) { return bits(Numerics.f64Floor(d(a))); }

    public static long f64Trunc(long a) { return bits(Numerics.f64Trunc(d(a))); }

    public static long f64Nearest(long a) { return bits(Numerics.f64Nearest(d(a))); }

    public static long f64Madd(long a, long b, long c) { return bits(Math.fma(d(a), d(b), d(c))); }

    public static long f64Nmadd(long a, long b, long c) { return bits(Math.fma(-d(a), d(b), d(c))); }
}
