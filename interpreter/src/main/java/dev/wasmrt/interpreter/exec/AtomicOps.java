package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The threads proposal's atomic instructions. Read-modify-write operations run under the
 * memory's monitor, which makes them atomic with respect to each other on every access size;
 * plain loads and stores racing with them are racy in Wasm too.
 */
final class AtomicOps {
    private AtomicOps() {}

    /** Access size in bytes of the seven variants of each load, store and RMW group. */
    private static final int[] SIZES = {4, 8, 1, 2, 1, 2, 4};
    private static final int LOAD_BASE = I32_ATOMIC_LOAD;
    private static final int STORE_BASE = I32_ATOMIC_STORE;
    private static final int RMW_BASE = I32_ATOMIC_RMW_ADD;

    static int exec(int op, int[] code, int pc, long[] s, int sp, Instance inst) {
        if (op == ATOMIC_FENCE) return sp;
        Memory m = inst.memories[code[pc + 2]];
        long offset = (code[pc + 3] & 0xFFFFFFFFL) | ((long) code[pc + 4] << 32);
        switch (op) {
            case MEMORY_ATOMIC_NOTIFY -> {
                sp--;
                long ea = m.effectiveAddress(s[sp - 1], offset);
                m.checkAtomic(ea, 4);
                s[sp - 1] = m.notifyWaiters(ea, (int) s[sp]);
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
            int size = SIZES[op - LOAD_BASE];
            long ea = m.effectiveAddress(s[sp - 1], offset);
            s[sp - 1] = load(m, ea, size);
            return sp;
        }
        if (op >= STORE_BASE && op < RMW_BASE) {
            int size = SIZES[op - STORE_BASE];
            sp -= 2;
            long ea = m.effectiveAddress(s[sp], offset);
            synchronized (m) {
                store(m, ea, size, s[sp + 1]);
            }
            return sp;
        }
        int group = (op - RMW_BASE) / 7;
        int size = SIZES[(op - RMW_BASE) % 7];
        long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
        if (op >= I32_ATOMIC_RMW_CMPXCHG) {
            sp -= 2;
            long ea = m.effectiveAddress(s[sp - 1], offset);
            long expected = s[sp] & mask;
            long replacement = s[sp + 1];
            synchronized (m) {
                long old = load(m, ea, size);
                if (old == expected) store(m, ea, size, replacement);
                s[sp - 1] = old;
            }
            return sp;
        }
        sp--;
        long ea = m.effectiveAddress(s[sp - 1], offset);
        long operand = s[sp];
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
            store(m, ea, size, next);
            s[sp - 1] = old;
        }
        return sp;
    }

    /** An aligned, zero-extended load of {@code size} bytes. */
    private static long load(Memory m, long ea, int size) {
        m.checkAtomic(ea, size);
        return switch (size) {
            case 1 -> m.loadU8(ea);
            case 2 -> m.loadU16(ea);
            case 4 -> m.atomicLoadI32(ea) & 0xFFFFFFFFL;
            default -> m.atomicLoadI64(ea);
        };
    }

    private static void store(Memory m, long ea, int size, long value) {
        m.checkAtomic(ea, size);
        switch (size) {
            case 1 -> m.storeI8(ea, (int) value);
            case 2 -> m.storeI16(ea, (int) value);
            case 4 -> m.atomicStoreI32(ea, (int) value);
            default -> m.atomicStoreI64(ea, value);
        }
    }
}
