package dev.wasmrt.jit;

/**
 * A v128 value in compiled code: an immutable pair of halves, {@code lo} holding bytes 0-7 and
 * {@code hi} bytes 8-15 (the layout of {@code dev.wasmrt.interpreter.simd}). One reference per
 * value keeps v128 a single JVM slot, so locals, blocks, select and calls treat it like any
 * reference; escape analysis removes the allocations of values that do not leave a method.
 * Public only because generated classes, defined by another class loader, use it.
 */
public final class V128 {
    /** The default value of v128 locals. */
    public static final V128 ZERO = new V128(0, 0);

    public final long lo;
    public final long hi;

    public V128(long lo, long hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /** The factory generated code calls: both halves on the stack, no {@code new}/{@code dup} dance. */
    public static V128 of(long lo, long hi) { return new V128(lo, hi); }
}
