package dev.wasmrt.interpreter.simd;

import static dev.wasmrt.interpreter.simd.Lanes.getU;
import static dev.wasmrt.interpreter.simd.SimdInt.put;

/**
 * Byte permutations. Each method returns one half of the result and takes that half's eight
 * byte indices packed in a long (index {@code i} in byte {@code i}); the result's low half uses
 * the low eight indices, its high half the high eight.
 */
public final class SimdShuffle {
    private SimdShuffle() {}

    /** Byte {@code i} (0-15) of the vector {@code lo, hi}. */
    private static long byteAt(long lo, long hi, int i) { return getU(i < 8 ? lo : hi, i & 7, 8); }

    /**
     * i8x16.swizzle (and relaxed_swizzle): byte {@code idx} of {@code lo, hi} for every index
     * byte, zero for indices of 16 and above.
     */
    public static long swizzle(long lo, long hi, long indices) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int idx = (int) getU(indices, i, 8);
            if (idx < 16) r = put(r, i, 8, byteAt(lo, hi, idx));
        }
        return r;
    }

    /** i8x16.shuffle: indices 0-15 pick bytes of the first vector, 16-31 of the second. */
    public static long shuffle(long aLo, long aHi, long bLo, long bHi, long indices) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int idx = (int) getU(indices, i, 8) & 31;
            r = put(r, i, 8, idx < 16 ? byteAt(aLo, aHi, idx) : byteAt(bLo, bHi, idx - 16));
        }
        return r;
    }
}
