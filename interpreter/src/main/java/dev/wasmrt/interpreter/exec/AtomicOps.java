package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;

import java.lang.invoke.VarHandle;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The threads proposal's atomic instructions. Read-modify-write operations run under the
 * memory's monitor, which makes them atomic with respect to each other on every access size;
 * plain loads and stores racing with them are racy in Wasm too. The static helpers on an
 * effective address are the semantics both engines run (compiled code calls them directly).
 */
public final class AtomicOps {
    private AtomicOps() {}

    /** Access size in bytes of the seven variants of each load, store and RMW group. */
    private static final int[] SIZES = {4, 8, 1, 2, 1, 2, 4};
    private static final int LOAD_BASE = I32_ATOMIC_LOAD;
    private static final int STORE_BASE = I32_ATOMIC_STORE;
    private static final int RMW_BASE = I32_ATOMIC_RMW_ADD;
    /** {@link #rmwGroup} of the compare-exchange instructions. */
    public static final int CMPXCHG = 6;

    /** The access size in bytes of atomic load, store or RMW instruction {@code op}. */
    public static int size(int op) {
        if (op < STORE_BASE) return SIZES[op - LOAD_BASE];
        if (op < RMW_BASE) return SIZES[op - STORE_BASE];
        return SIZES[(op - RMW_BASE) % 7];
    }

    /** The operation of RMW instruction {@code op}: 0 add, 1 sub, 2 and, 3 or, 4 xor, 5 xchg, {@link #CMPXCHG}. */
    public static int rmwGroup(int op) { return (op - RMW_BASE) / 7; }

    static int exec(int op, int[] code, int pc, long[] s, int sp, Instance inst) {
        if (op == ATOMIC_FENCE) {
            fence();
            return sp;
        }
        Memory m = inst.memories[code[pc + 2]];
        long offset = (code[pc + 3] & 0xFFFFFFFFL) | ((long) code[pc + 4] << 32);
        switch (op) {
            case MEMORY_ATOMIC_NOTIFY -> {
                sp--;
                s[sp - 1] = m.notifyWaiters(m.effectiveAddress(s[sp - 1], offset), (int) s[sp]);
                return sp;
            }
            case MEMORY_ATOMIC_WAIT32, MEMORY_ATOMIC_WAIT64 -> {
                sp -= 2;
                long ea = m.effectiveAddress(s[sp - 1], offset);
                s[sp - 1] = op == MEMORY_ATOMIC_WAIT32
                        ? m.waitI32(ea, (int) s[sp], s[sp + 1])
                        : m.waitI64(ea, s[sp], s[sp + 1]);
                return sp;
            }
            default -> { }
        }
        if (op >= LOAD_BASE && op < STORE_BASE) {
            s[sp - 1] = load(m, m.effectiveAddress(s[sp - 1], offset), size(op));
            return sp;
        }
        if (op >= STORE_BASE && op < RMW_BASE) {
            sp -= 2;
            store(m, m.effectiveAddress(s[sp], offset), size(op), s[sp + 1]);
            return sp;
        }
        if (op >= I32_ATOMIC_RMW_CMPXCHG) {
            sp -= 2;
            s[sp - 1] = compareExchange(m, m.effectiveAddress(s[sp - 1], offset), size(op), s[sp], s[sp + 1]);
            return sp;
        }
        sp--;
        s[sp - 1] = rmw(m, m.effectiveAddress(s[sp - 1], offset), size(op), rmwGroup(op), s[sp]);
        return sp;
    }

    /** atomic.fence: orders the plain memory accesses around it, which the monitor does not. */
    public static void fence() { VarHandle.fullFence(); }

    /** An aligned, zero-extended load of {@code size} bytes. */
    public static long load(Memory m, long ea, int size) {
        m.checkAtomic(ea, size);
        return switch (size) {
            case 1 -> m.loadU8(ea);
            case 2 -> m.loadU16(ea);
            case 4 -> m.atomicLoadI32(ea) & 0xFFFFFFFFL;
            default -> m.atomicLoadI64(ea);
        };
    }

    /** An aligned store of the low {@code size} bytes of {@code value}. */
    public static void store(Memory m, long ea, int size, long value) {
        synchronized (m) {
            write(m, ea, size, value);
        }
    }

    /** Read-modify-write {@code group} ({@link #rmwGroup}, not compare-exchange); returns the old value zero-extended. */
    public static long rmw(Memory m, long ea, int size, int group, long operand) {
        synchronized (m) {
            long old = load(m, ea, size);
            long next = switch (group) {
                case 0 -> old + operand;
                case 1 -> old - operand;
                case 2 -> old & operand;
                case 3 -> old | operand;
                case 4 -> old ^ operand;
                default -> operand;
            };
            write(m, ea, size, next);
            return old;
        }
    }

    /** Compare-exchange on the low {@code size} bytes; returns the old value zero-extended. */
    public static long compareExchange(Memory m, long ea, int size, long expected, long replacement) {
        long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
        synchronized (m) {
            long old = load(m, ea, size);
            if (old == (expected & mask)) write(m, ea, size, replacement);
            return old;
        }
    }

    private static void write(Memory m, long ea, int size, long value) {
        m.checkAtomic(ea, size);
        switch (size) {
            case 1 -> m.storeI8(ea, (int) value);
            case 2 -> m.storeI16(ea, (int) value);
            case 4 -> m.atomicStoreI32(ea, (int) value);
            default -> m.atomicStoreI64(ea, value);
        }
    }
}
