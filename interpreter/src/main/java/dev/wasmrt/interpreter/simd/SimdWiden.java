package dev.wasmrt.interpreter.simd;

import dev.wasmrt.decoder.model.Opcodes;

import static dev.wasmrt.interpreter.simd.Lanes.get;
import static dev.wasmrt.interpreter.simd.Lanes.getU;
import static dev.wasmrt.interpreter.simd.SimdInt.put;

/**
 * Operations whose result lanes are wider than their operand lanes: extension, extending
 * multiplication, pairwise addition and dot products.
 *
 * <p>Extension reads 32 bits (a "quarter": the low or high 32 bits of a half) and yields a
 * whole half, so {@code extend_low} of a vector is {@code lo' = extendS((int) lo)},
 * {@code hi' = extendS((int) (lo >>> 32))} and {@code extend_high} does the same with {@code hi};
 * the {@code v128.loadNxM} loads extend the two quarters of the loaded 64 bits.
 */
public final class SimdWiden {
    private SimdWiden() {}

    /** Sign-extends the {@code fromBits}-wide lanes of {@code quarter} to twice their width. */
    public static long extendS(int quarter, int fromBits) {
        long r = 0;
        for (int i = 0; i < 32 / fromBits; i++) r = put(r, i, 2 * fromBits, get(quarter, i, fromBits));
        return r;
    }

    /** Zero-extends the {@code fromBits}-wide lanes of {@code quarter} to twice their width. */
    public static long extendU(int quarter, int fromBits) {
        long r = 0;
        for (int i = 0; i < 32 / fromBits; i++) r = put(r, i, 2 * fromBits, getU(quarter & 0xFFFF_FFFFL, i, fromBits));
        return r;
    }

    /**
     * One result half of extend_low/high_s/u of the vector {@code lo, hi}: {@code variant} is the
     * offset in the family's opcode order (low_s, high_s, low_u, high_u); result half 0 extends
     * the low quarter of the source half, result half 1 its high quarter.
     */
    public static long extend(int variant, int fromBits, long lo, long hi, int half) {
        int quarter = (int) (((variant & 1) == 0 ? lo : hi) >>> (32 * half));
        return variant < 2 ? extendS(quarter, fromBits) : extendU(quarter, fromBits);
    }

    /** One result half of {@code v128.load8x8_s .. load32x2_u} ({@code op}) from the 64 loaded bits {@code x}. */
    public static long loadExtend(int op, long x, int half) {
        int variant = ((op - Opcodes.V128_LOAD8X8_S) & 1) == 0 ? 0 : 2;
        return extend(variant, 8 << ((op - Opcodes.V128_LOAD8X8_S) >> 1), x, 0, half);
    }

    /** One result half of extmul_low/high_s/u of two vectors, {@code variant} and {@code half} as in {@link #extend(int, int, long, long, int)}. */
    public static long extmul(int variant, int fromBits, long aLo, long aHi, long bLo, long bHi, int half) {
        boolean high = (variant & 1) != 0;
        int x = (int) ((high ? aHi : aLo) >>> (32 * half));
        int y = (int) ((high ? bHi : bLo) >>> (32 * half));
        return variant < 2 ? extmulS(x, y, fromBits) : extmulU(x, y, fromBits);
    }

    /** Signed extending multiplication of the lanes of two quarters; the products are exact. */
    public static long extmulS(int a, int b, int fromBits) {
        return SimdInt.mul(extendS(a, fromBits), extendS(b, fromBits), 2 * fromBits);
    }

    public static long extmulU(int a, int b, int fromBits) {
        return SimdInt.mul(extendU(a, fromBits), extendU(b, fromBits), 2 * fromBits);
    }

    /** extadd_pairwise on one half: each result lane is the sum of two adjacent sign-extended lanes. */
    public static long extaddPairwiseS(long a, int fromBits) {
        int to = 2 * fromBits;
        long r = 0;
        for (int i = 0; i < 64 / to; i++) r = put(r, i, to, get(a, 2 * i, fromBits) + get(a, 2 * i + 1, fromBits));
        return r;
    }

    public static long extaddPairwiseU(long a, int fromBits) {
        int to = 2 * fromBits;
        long r = 0;
        for (int i = 0; i < 64 / to; i++) r = put(r, i, to, getU(a, 2 * i, fromBits) + getU(a, 2 * i + 1, fromBits));
        return r;
    }

    /** i32x4.dot_i16x8_s on one half: sums of adjacent signed 16-bit products, wrapping to 32 bits. */
    public static long dotI16S(long a, long b) {
        long r = 0;
        for (int i = 0; i < 2; i++) {
            r = put(r, i, 32, get(a, 2 * i, 16) * get(b, 2 * i, 16) + get(a, 2 * i + 1, 16) * get(b, 2 * i + 1, 16));
        }
        return r;
    }

    /** i16x8.relaxed_dot_i8x16_i7x16_s on one half: signed byte products summed in pairs, wrapping to 16 bits. */
    public static long relaxedDotI8S(long a, long b) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r = put(r, i, 16, get(a, 2 * i, 8) * get(b, 2 * i, 8) + get(a, 2 * i + 1, 8) * get(b, 2 * i + 1, 8));
        }
        return r;
    }

    /** i32x4.relaxed_dot_i8x16_i7x16_add_s on one half: signed byte products summed in fours, plus {@code c}. */
    public static long relaxedDotI8AddS(long a, long b, long c) {
        long r = 0;
        for (int i = 0; i < 2; i++) {
            long sum = get(c, i, 32);
            for (int j = 4 * i; j < 4 * i + 4; j++) sum += get(a, j, 8) * get(b, j, 8);
            r = put(r, i, 32, sum);
        }
        return r;
    }
}
