package dev.wasmrt.interpreter.simd;

import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Trap;

/**
 * 128-bit memory access. A v128 store checks all sixteen bytes before writing, so a store that
 * traps leaves memory untouched. Loads read the low half first: when the effective address is
 * valid for eight bytes, {@code ea + 8} cannot overflow.
 */
public final class SimdMemory {
    private SimdMemory() {}

    public static long loadLo(Memory m, long ea) { return m.loadI64(ea); }

    /** The high half; call after {@link #loadLo} with the same address. */
    public static long loadHi(Memory m, long ea) { return m.loadI64(ea + 8); }

    public static void store(Memory m, long ea, long lo, long hi) {
        if (ea < 0 || ea > m.byteSize() - 16) throw Trap.memoryOutOfBounds();
        m.storeI64(ea, lo);
        m.storeI64(ea + 8, hi);
    }

    /** A lane load: the {@code bits}-wide little-endian value at {@code ea} in the low bits (the bits above are unspecified). */
    public static long loadScalar(Memory m, long ea, int bits) {
        return switch (bits) {
            case 8 -> m.loadU8(ea);
            case 16 -> m.loadU16(ea);
            case 32 -> m.loadI32(ea);
            default -> m.loadI64(ea);
        };
    }

    /** Stores the low {@code bits} bits of {@code value} at {@code ea} (a lane store). */
    public static void storeScalar(Memory m, long ea, int bits, long value) {
        switch (bits) {
            case 8 -> m.storeI8(ea, (int) value);
            case 16 -> m.storeI16(ea, (int) value);
            case 32 -> m.storeI32(ea, (int) value);
            default -> m.storeI64(ea, value);
        }
    }
}
