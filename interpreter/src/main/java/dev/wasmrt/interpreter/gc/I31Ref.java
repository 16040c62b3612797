package dev.wasmrt.interpreter.gc;

/**
 * An {@code i31ref}: an unboxed 31-bit integer viewed as a reference. Two i31 references are
 * {@code ref.eq} exactly when their values are equal, whichever objects carry them, so
 * {@link #equals} compares values; small values are cached to spare allocations.
 */
public final class I31Ref {
    private static final int CACHE_LOW = -128;
    private static final int CACHE_HIGH = 1024;
    private static final I31Ref[] CACHE = new I31Ref[CACHE_HIGH - CACHE_LOW];

    static {
        for (int i = 0; i < CACHE.length; i++) CACHE[i] = new I31Ref(CACHE_LOW + i);
    }

    /** The value sign-extended from 31 bits. */
    private final int value;

    private I31Ref(int value) { this.value = value; }

    /** {@code ref.i31}: keeps the low 31 bits of {@code i32}. */
    public static I31Ref of(int i32) {
        int v = i32 << 1 >> 1;
        return v >= CACHE_LOW && v < CACHE_HIGH ? CACHE[v - CACHE_LOW] : new I31Ref(v);
    }

    /** {@code i31.get_s}. */
    public int signed() { return value; }

    /** {@code i31.get_u}. */
    public int unsigned() { return value & 0x7FFF_FFFF; }

    /** ref.eq: identity, except that i31 references compare by value. */
    public static boolean refEq(Object a, Object b) {
        return a == b || a instanceof I31Ref i && i.equals(b);
    }

    @Override
    public boolean equals(Object o) { return o instanceof I31Ref other && other.value == value; }

    @Override
    public int hashCode() { return value; }

    @Override
    public String toString() { return "i31 " + value; }
}
