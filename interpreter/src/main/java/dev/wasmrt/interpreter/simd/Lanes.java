package dev.wasmrt.interpreter.simd;

/**
 * Reading and writing lanes of a 64-bit half. Lane {@code i} of width {@code bits} occupies
 * bits {@code i*bits .. (i+1)*bits-1} of the half.
 */
public final class Lanes {
    private Lanes() {}

    /** All ones in the low {@code bits} bits. */
    static long mask(int bits) { return bits == 64 ? -1L : (1L << bits) - 1; }

    /** The number of lanes of width {@code bits} in one half. */
    public static int perHalf(int bits) { return 64 / bits; }

    /** Lane {@code i} of {@code half}, sign-extended. */
    public static long get(long half, int i, int bits) {
        int top = 64 - bits;
        return (half << (top - i * bits)) >> top;
    }

    /** Lane {@code i} of {@code half}, zero-extended. */
    public static long getU(long half, int i, int bits) {
        return (half >>> (i * bits)) & mask(bits);
    }

    /** {@code half} with lane {@code i} replaced by the low {@code bits} bits of {@code value}. */
    public static long with(long half, int i, int bits, long value) {
        long m = mask(bits) << (i * bits);
        return (half & ~m) | ((value << (i * bits)) & m);
    }

    /** A half whose every lane is the low {@code bits} bits of {@code value}; both halves of a splat. */
    public static long splat(long value, int bits) {
        long r = 0;
        for (int i = 0; i < perHalf(bits); i++) r = with(r, i, bits, value);
        return r;
    }

    /** Lane {@code lane} (0 .. 128/bits-1) of the vector {@code lo, hi}, sign-extended. */
    public static long extract(long lo, long hi, int lane, int bits) {
        int n = perHalf(bits);
        return lane < n ? get(lo, lane, bits) : get(hi, lane - n, bits);
    }

    /** Lane {@code lane} of the vector {@code lo, hi}, zero-extended. */
    public static long extractU(long lo, long hi, int lane, int bits) {
        int n = perHalf(bits);
        return lane < n ? getU(lo, lane, bits) : getU(hi, lane - n, bits);
    }

    /** The low half after replacing vector lane {@code lane}; unchanged when the lane is in the high half. */
    public static long replaceLo(long lo, int lane, int bits, long value) {
        return lane < perHalf(bits) ? with(lo, lane, bits, value) : lo;
    }

    /** The high half after replacing vector lane {@code lane}; unchanged when the lane is in the low half. */
    public static long replaceHi(long hi, int lane, int bits, long value) {
        int n = perHalf(bits);
        return lane >= n ? with(hi, lane - n, bits, value) : hi;
    }
}
