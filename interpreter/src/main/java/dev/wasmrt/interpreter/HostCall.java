package dev.wasmrt.interpreter;

/**
 * What a host function sees of one call: its arguments, where to put its results, and the
 * instance that called it. Indices count value slots (one per value, two for {@code v128}).
 * Arguments and results live in separate areas, so results may be written in any order.
 * The object is reused between calls: do not keep it after {@link HostCode#call} returns.
 */
public interface HostCall {
    long argBits(int index);

    default int argI32(int index) { return (int) argBits(index); }

    default long argI64(int index) { return argBits(index); }

    default float argF32(int index) { return Float.intBitsToFloat((int) argBits(index)); }

    default double argF64(int index) { return Double.longBitsToDouble(argBits(index)); }

    Object argRef(int index);

    void resultBits(int index, long bits);

    default void resultI32(int index, int value) { resultBits(index, value); }

    default void resultI64(int index, long value) { resultBits(index, value); }

    default void resultF32(int index, float value) { resultBits(index, Float.floatToRawIntBits(value) & 0xFFFFFFFFL); }

    default void resultF64(int index, double value) { resultBits(index, Double.doubleToRawLongBits(value)); }

    void resultRef(int index, Object ref);

    /** The instance whose code made the call, or null when the host called directly. */
    Instance caller();
}
