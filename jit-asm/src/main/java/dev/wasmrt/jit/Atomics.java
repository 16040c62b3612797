package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.exec.AtomicOps;

/**
 * Atomic memory access for generated code: addresses and values widened to {@code long} (the
 * memory reads a 32-bit address as unsigned), the semantics those of {@link AtomicOps}, which
 * the interpreter runs too. Public only because generated classes live in another class loader.
 */
public final class Atomics {
    private Atomics() {}

    public static long load(long address, long offset, Memory m, int size) {
        return AtomicOps.load(m, m.effectiveAddress(address, offset), size);
    }

    public static void store(long address, long value, long offset, Memory m, int size) {
        AtomicOps.store(m, m.effectiveAddress(address, offset), size, value);
    }

    public static long rmw(long address, long operand, long offset, Memory m, int size, int group) {
        return AtomicOps.rmw(m, m.effectiveAddress(address, offset), size, group, operand);
    }

    public static long compareExchange(long address, long expected, long replacement, long offset, Memory m, int size) {
        return AtomicOps.compareExchange(m, m.effectiveAddress(address, offset), size, expected, replacement);
    }

    public static int notify(long address, int count, long offset, Memory m) {
        return m.notifyWaiters(m.effectiveAddress(address, offset), count);
    }

    public static int wait32(long address, int expected, long timeout, long offset, Memory m) {
        return m.waitI32(m.effectiveAddress(address, offset), expected, timeout);
    }

    public static int wait64(long address, long expected, long timeout, long offset, Memory m) {
        return m.waitI64(m.effectiveAddress(address, offset), expected, timeout);
    }
}
