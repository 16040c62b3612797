package dev.wasmrt.interpreter.simd;

import static dev.wasmrt.interpreter.simd.Lanes.get;
import static dev.wasmrt.interpreter.simd.Lanes.perHalf;

/**
 * Whole-vector bit operations that are not single Java operators ({@code not}, {@code and},
 * {@code andnot}, {@code or} and {@code xor} are just {@code ~a}, {@code a & b}, {@code a & ~b},
 * {@code a | b} and {@code a ^ b} on each half), and the reductions to an i32.
 */
public final class SimdBits {
    private SimdBits() {}

    /** v128.bitselect (and every relaxed_laneselect) on one half: bits of {@code a} where {@code mask} is set, else of {@code b}. */
    public static long bitselect(long a, long b, long mask) { return (a & mask) | (b & ~mask); }

    /** v128.any_true: whether any bit is set. */
    public static boolean anyTrue(long lo, long hi) { return (lo | hi) != 0; }

    /** all_true: whether no lane of width {@code bits} is zero. */
    public static boolean allTrue(long lo, long hi, int bits) {
        for (int i = 0; i < perHalf(bits); i++) {
            if (get(lo, i, bits) == 0 || get(hi, i, bits) == 0) return false;
        }
        return true;
    }

    /** bitmask: bit {@code i} of the result is the sign bit of lane {@code i}. */
    public static int bitmask(long lo, long hi, int bits) {
        int n = perHalf(bits);
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (get(lo, i, bits) < 0) r |= 1 << i;
            if (get(hi, i, bits) < 0) r |= 1 << (n + i);
        }
        return r;
    }
}
