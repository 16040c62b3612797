package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.gc.GcOps;

/**
 * Evaluates constant expressions (global initialisers, segment offsets and items, table
 * initialisers): constants, {@code ref.null}, {@code ref.func}, {@code global.get}, the
 * extended-constant arithmetic and the allocating GC instructions (struct.new, array.new*,
 * ref.i31, the extern conversions). Validation has already restricted the instructions.
 */
final class ConstEval {
    private final Instance instance;
    private long[] bits = new long[16];
    private Object[] refs = new Object[16];
    private int sp;

    ConstEval(Instance instance) { this.instance = instance; }

    /** Evaluates {@code expr}; the single result is left in {@link #bits()} / {@link #ref()}. */
    ConstEval eval(Expr expr) {
        int[] ops = expr.ops();
        sp = 0;
        for (int pc = 0; pc < ops.length; pc += Opcodes.length(ops, pc)) {
            switch (ops[pc]) {
                case Opcodes.I32_CONST, Opcodes.F32_CONST -> push(ops[pc + 1] & (ops[pc] == Opcodes.F32_CONST ? 0xFFFFFFFFL : -1L));
                case Opcodes.I64_CONST, Opcodes.F64_CONST -> push((ops[pc + 1] & 0xFFFFFFFFL) | ((long) ops[pc + 2] << 32));
                case Opcodes.V128_CONST -> {
                    push((ops[pc + 1] & 0xFFFFFFFFL) | ((long) ops[pc + 2] << 32));
                    push((ops[pc + 3] & 0xFFFFFFFFL) | ((long) ops[pc + 4] << 32));
                }
                case Opcodes.REF_NULL -> pushRef(null);
                case Opcodes.REF_FUNC -> pushRef(instance.functions[ops[pc + 1]]);
                case Opcodes.GLOBAL_GET -> {
                    Global g = instance.globals[ops[pc + 1]];
                    push(g.bits);
                    refs[sp - 1] = g.ref;
                    if (g.type().kind() == ValType.Kind.V128) push(g.high);
                }
                case Opcodes.I32_ADD -> { sp--; bits[sp - 1] = (int) (bits[sp - 1] + bits[sp]); }
                case Opcodes.I32_SUB -> { sp--; bits[sp - 1] = (int) (bits[sp - 1] - bits[sp]); }
                case Opcodes.I32_MUL -> { sp--; bits[sp - 1] = (int) bits[sp - 1] * (int) bits[sp]; }
                case Opcodes.I64_ADD -> { sp--; bits[sp - 1] += bits[sp]; }
                case Opcodes.I64_SUB -> { sp--; bits[sp - 1] -= bits[sp]; }
                case Opcodes.I64_MUL -> { sp--; bits[sp - 1] *= bits[sp]; }
                case Opcodes.END -> { }
                default -> {
                    int op = ops[pc];
                    if (op < Opcodes.PREFIX_FB || op >= Opcodes.PREFIX_FE) throw new Trap("unsupported instruction: " + Opcodes.name(op));
                    reserve(1);
                    sp = GcOps.exec(op, ops, pc, bits, refs, sp, instance.gcTypes, instance);
                }
            }
        }
        return this;
    }

    private void push(long v) {
        reserve(1);
        refs[sp] = null;
        bits[sp++] = v;
    }

    private void reserve(int slots) {
        if (sp + slots > bits.length) {
            bits = java.util.Arrays.copyOf(bits, (sp + slots) * 2);
            refs = java.util.Arrays.copyOf(refs, (sp + slots) * 2);
        }
    }

    private void pushRef(Object r) {
        push(0);
        refs[sp - 1] = r;
    }

    long bits() { return bits[0]; }

    /** The high half of a v128 result. */
    long high() { return bits[1]; }

    Object ref() { return refs[0]; }
}
