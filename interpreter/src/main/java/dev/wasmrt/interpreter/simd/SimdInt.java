package dev.wasmrt.interpreter.simd;

import static dev.wasmrt.interpreter.simd.Lanes.get;
import static dev.wasmrt.interpreter.simd.Lanes.getU;
import static dev.wasmrt.interpreter.simd.Lanes.perHalf;

/**
 * Lane-wise integer arithmetic on one half (see the package documentation). Results wrap to the
 * lane width unless the name says saturating.
 */
public final class SimdInt {
    private SimdInt() {}

    /** {@code r} with lane {@code i} set to the low {@code bits} bits of {@code v}; lane {@code i} of {@code r} must be zero. */
    static long put(long r, int i, int bits, long v) {
        return r | ((v & Lanes.mask(bits)) << (i * bits));
    }

    private static long minSigned(int bits) { return -(1L << (bits - 1)); }

    private static long maxSigned(int bits) { return (1L << (bits - 1)) - 1; }

    public static long add(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, get(a, i, bits) + get(b, i, bits));
        return r;
    }

    public static long sub(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, get(a, i, bits) - get(b, i, bits));
        return r;
    }

    public static long mul(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, get(a, i, bits) * get(b, i, bits));
        return r;
    }

    public static long neg(long a, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, -get(a, i, bits));
        return r;
    }

    /** Absolute value; the most negative lane value stays as it is. */
    public static long abs(long a, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, Math.abs(get(a, i, bits)));
        return r;
    }

    public static long minS(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, Math.min(get(a, i, bits), get(b, i, bits)));
        return r;
    }

    public static long maxS(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, Math.max(get(a, i, bits), get(b, i, bits)));
        return r;
    }

    /** Unsigned minimum; lanes of at most 32 bits. */
    public static long minU(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, Math.min(getU(a, i, bits), getU(b, i, bits)));
        return r;
    }

    /** Unsigned maximum; lanes of at most 32 bits. */
    public static long maxU(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, Math.max(getU(a, i, bits), getU(b, i, bits)));
        return r;
    }

    /** Unsigned rounding average {@code (a + b + 1) / 2}; lanes of at most 32 bits. */
    public static long avgrU(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, (getU(a, i, bits) + getU(b, i, bits) + 1) >>> 1);
        return r;
    }

    /** Signed saturating addition; lanes of at most 32 bits. */
    public static long addSatS(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) {
            r = put(r, i, bits, Math.clamp(get(a, i, bits) + get(b, i, bits), minSigned(bits), maxSigned(bits)));
        }
        return r;
    }

    /** Unsigned saturating addition; lanes of at most 32 bits. */
    public static long addSatU(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, Math.min(getU(a, i, bits) + getU(b, i, bits), Lanes.mask(bits)));
        return r;
    }

    /** Signed saturating subtraction; lanes of at most 32 bits. */
    public static long subSatS(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) {
            r = put(r, i, bits, Math.clamp(get(a, i, bits) - get(b, i, bits), minSigned(bits), maxSigned(bits)));
        }
        return r;
    }

    /** Unsigned saturating subtraction; lanes of at most 32 bits. */
    public static long subSatU(long a, long b, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, Math.max(getU(a, i, bits) - getU(b, i, bits), 0));
        return r;
    }

    /** i16x8.q15mulr_sat_s: the rounded Q15 product, saturated (only -1 * -1 overflows). */
    public static long q15mulrSatS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            long product = get(a, i, 16) * get(b, i, 16);
            r = put(r, i, 16, Math.clamp((product + 0x4000) >> 15, Short.MIN_VALUE, Short.MAX_VALUE));
        }
        return r;
    }

    /** i8x16.popcnt: the set bits of every byte. */
    public static long popcnt8(long a) {
        long r = 0;
        for (int i = 0; i < 8; i++) r = put(r, i, 8, Long.bitCount(getU(a, i, 8)));
        return r;
    }

    /** Shift left by {@code count} modulo the lane width. */
    public static long shl(long a, int count, int bits) {
        int n = count & (bits - 1);
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, get(a, i, bits) << n);
        return r;
    }

    /** Arithmetic shift right by {@code count} modulo the lane width. */
    public static long shrS(long a, int count, int bits) {
        int n = count & (bits - 1);
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, get(a, i, bits) >> n);
        return r;
    }

    /** Logical shift right by {@code count} modulo the lane width. */
    public static long shrU(long a, int count, int bits) {
        int n = count & (bits - 1);
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = put(r, i, bits, getU(a, i, bits) >>> n);
        return r;
    }
}
