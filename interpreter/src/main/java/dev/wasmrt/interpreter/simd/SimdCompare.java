package dev.wasmrt.interpreter.simd;

import static dev.wasmrt.interpreter.simd.Lanes.get;
import static dev.wasmrt.interpreter.simd.Lanes.perHalf;

/**
 * Lane-wise comparisons on one half: a lane of the result is all ones where the condition holds
 * and zero elsewhere. Conditions are the constants below; the integer ones are numbered in the
 * opcode order of {@code i8x16.eq .. i8x16.ge_u}, so {@code op - I8X16_EQ} is the condition
 * (likewise for i16x8 and i32x4).
 */
public final class SimdCompare {
    private SimdCompare() {}

    public static final int EQ = 0;
    public static final int NE = 1;
    /** Signed (or floating-point) less than. */
    public static final int LT = 2;
    public static final int LT_U = 3;
    public static final int GT = 4;
    public static final int GT_U = 5;
    public static final int LE = 6;
    public static final int LE_U = 7;
    public static final int GE = 8;
    public static final int GE_U = 9;

    /** The conditions of the six-comparison families (i64x2, f32x4, f64x2) in opcode order. */
    private static final int[] SIX = {EQ, NE, LT, GT, LE, GE};

    /** The condition of the {@code k}-th instruction of a family of six: eq, ne, lt, gt, le, ge. */
    public static int ofSix(int k) { return SIX[k]; }

    public static long ints(long a, long b, int bits, int cond) {
        long r = 0;
        long ones = Lanes.mask(bits);
        for (int i = 0; i < perHalf(bits); i++) {
            long x = get(a, i, bits);
            long y = get(b, i, bits);
            // Sign-extension preserves unsigned order, so one pair of values serves both orders.
            int signed = Long.compare(x, y);
            int unsigned = Long.compareUnsigned(x, y);
            if (holds(cond, signed, unsigned)) r |= ones << (i * bits);
        }
        return r;
    }

    /** Two f32 lanes; NaN compares unordered (only NE holds). */
    public static long f32(long a, long b, int cond) {
        long r = 0;
        for (int i = 0; i < 2; i++) {
            float x = Float.intBitsToFloat((int) (a >>> (32 * i)));
            float y = Float.intBitsToFloat((int) (b >>> (32 * i)));
            if (holds(cond, x, y)) r |= 0xFFFF_FFFFL << (32 * i);
        }
        return r;
    }

    /** One f64 lane; NaN compares unordered (only NE holds). */
    public static long f64(long a, long b, int cond) {
        return holds(cond, Double.longBitsToDouble(a), Double.longBitsToDouble(b)) ? -1L : 0L;
    }

    private static boolean holds(int cond, int signed, int unsigned) {
        return switch (cond) {
            case EQ -> signed == 0;
            case NE -> signed != 0;
            case LT -> signed < 0;
            case LT_U -> unsigned < 0;
            case GT -> signed > 0;
            case GT_U -> unsigned > 0;
            case LE -> signed <= 0;
            case LE_U -> unsigned <= 0;
            case GE -> signed >= 0;
            case GE_U -> unsigned >= 0;
            default -> throw new IllegalArgumentException("condition " + cond);
        };
    }

    private static boolean holds(int cond, double x, double y) {
        return switch (cond) {
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case GT -> x > y;
            case LE -> x <= y;
            case GE -> x >= y;
            default -> throw new IllegalArgumentException("condition " + cond);
        };
    }
}
