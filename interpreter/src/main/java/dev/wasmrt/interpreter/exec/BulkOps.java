package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Table;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.gc.I31Ref;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * Memory and table management (size, grow, bulk operations, segments), table element access
 * and the reference instructions the main loop does not inline. Addresses and sizes are i64
 * for 64-bit memories and tables and unsigned i32 otherwise.
 */
final class BulkOps {
    private BulkOps() {}

    private static long addr(long v, boolean is64) { return is64 ? v : v & 0xFFFFFFFFL; }

    static int exec(int op, int[] code, int pc, long[] s, Object[] r, int sp, Instance inst) {
        switch (op) {
            case MEMORY_SIZE -> s[sp++] = inst.memories[code[pc + 1]].pages();
            case MEMORY_GROW -> {
                Memory m = inst.memories[code[pc + 1]];
                long delta = addr(s[sp - 1], m.is64());
                s[sp - 1] = m.grow(delta);
            }
            case MEMORY_FILL -> {
                Memory m = inst.memories[code[pc + 1]];
                sp -= 3;
                m.fill(addr(s[sp], m.is64()), (int) s[sp + 1], addr(s[sp + 2], m.is64()));
            }
            case MEMORY_COPY -> {
                Memory dst = inst.memories[code[pc + 1]];
                Memory src = inst.memories[code[pc + 2]];
                sp -= 3;
                dst.copyFrom(src, addr(s[sp + 1], src.is64()), addr(s[sp], dst.is64()), addr(s[sp + 2], dst.is64() && src.is64()));
            }
            case MEMORY_INIT -> {
                Memory m = inst.memories[code[pc + 2]];
                sp -= 3;
                m.init(addr(s[sp], m.is64()), inst.datas[code[pc + 1]], s[sp + 1] & 0xFFFFFFFFL, s[sp + 2] & 0xFFFFFFFFL);
            }
            case DATA_DROP -> inst.dropData(code[pc + 1]);
            case TABLE_GET -> {
                Table t = inst.tables[code[pc + 1]];
                r[sp - 1] = t.get(addr(s[sp - 1], t.is64()));
            }
            case TABLE_SET -> {
                Table t = inst.tables[code[pc + 1]];
                sp -= 2;
                t.set(addr(s[sp], t.is64()), r[sp + 1]);
            }
            case TABLE_SIZE -> s[sp++] = inst.tables[code[pc + 1]].size();
            case TABLE_GROW -> {
                Table t = inst.tables[code[pc + 1]];
                sp--;
                long old = t.grow(addr(s[sp], t.is64()), r[sp - 1]);
                r[sp - 1] = null;
                s[sp - 1] = old;
            }
            case TABLE_FILL -> {
                Table t = inst.tables[code[pc + 1]];
                sp -= 3;
                t.fill(addr(s[sp], t.is64()), r[sp + 1], addr(s[sp + 2], t.is64()));
            }
            case TABLE_COPY -> {
                Table dst = inst.tables[code[pc + 1]];
                Table src = inst.tables[code[pc + 2]];
                sp -= 3;
                dst.copyFrom(src, addr(s[sp + 1], src.is64()), addr(s[sp], dst.is64()), addr(s[sp + 2], dst.is64() && src.is64()));
            }
            case TABLE_INIT -> {
                Table t = inst.tables[code[pc + 2]];
                sp -= 3;
                t.init(addr(s[sp], t.is64()), inst.elements[code[pc + 1]], s[sp + 1] & 0xFFFFFFFFL, s[sp + 2] & 0xFFFFFFFFL);
            }
            case ELEM_DROP -> inst.dropElement(code[pc + 1]);
            case REF_EQ -> {
                sp--;
                s[sp - 1] = I31Ref.refEq(r[sp - 1], r[sp]) ? 1 : 0;
                r[sp - 1] = null;
            }
            case REF_AS_NON_NULL -> {
                if (r[sp - 1] == null) throw Trap.nullReference();
            }
            default -> throw SlowOps.unsupported(op);
        }
        return sp;
    }
}
