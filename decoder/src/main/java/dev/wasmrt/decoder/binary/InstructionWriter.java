package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;

/** Writes an {@link Expr} back to instruction bytes: the inverse of {@link InstructionDecoder}. Linked pcs are dropped. */
final class InstructionWriter {
    private InstructionWriter() {}

    static void expression(ByteWriter out, Expr expr) {
        int[] ops = expr.ops();
        for (int pc = 0; pc < ops.length; pc += Opcodes.length(ops, pc)) instruction(out, ops, pc);
    }

    private static void instruction(ByteWriter out, int[] ops, int pc) {
        int op = ops[pc];
        opcode(out, op);
        int i = pc + 1;
        switch (Opcodes.immediates(op)) {
            case NONE, ELSE, CATCH_ALL -> { }
            case FENCE -> out.u8(0);
            case BLOCK, IF, TRY -> blockType(out, ops[i], ops[i + 1]);
            case CATCH, LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, ELEM, MEMORY, TAG, DATA -> out.u32(ops[i]);
            case TRY_TABLE -> {
                blockType(out, ops[i], ops[i + 1]);
                int n = ops[i + 3];
                out.u32(n);
                for (int c = i + 4; c < i + 4 + 3 * n; c += 3) {
                    out.u8(ops[c]);
                    if (ops[c] <= Immediates.CATCH_KIND_CATCH_REF) out.u32(ops[c + 1]);
                    out.u32(ops[c + 2]);
                }
            }
            case BR_TABLE -> {
                out.u32(ops[i]);
                for (int k = 1; k <= ops[i] + 1; k++) out.u32(ops[i + k]); // the labels, then the default
            }
            case SELECT_T -> {
                out.u32(ops[i]);
                for (int k = 1; k <= ops[i]; k++) TypeWriter.valType(out, ValType.decode(ops[i + k]));
            }
            case CALL_INDIRECT, TYPE_FIELD, TYPE_COUNT, TYPE_DATA, TYPE_ELEM, TYPE_TYPE, TABLE_TABLE, ELEM_TABLE,
                 MEMORY_MEMORY, DATA_MEMORY -> {
                out.u32(ops[i]);
                out.u32(ops[i + 1]);
            }
            case MEMARG -> memarg(out, ops, i);
            case MEMARG_LANE -> {
                memarg(out, ops, i);
                out.u8(ops[i + 4]);
            }
            case I32 -> out.s64(ops[i]);
            case I64 -> out.s64(wide(ops, i));
            case F32 -> out.i32le(ops[i]);
            case F64 -> {
                out.i32le(ops[i]);
                out.i32le(ops[i + 1]);
            }
            case V128, SHUFFLE -> {
                for (int k = 0; k < 4; k++) out.i32le(ops[i + k]);
            }
            case LANE -> out.u8(ops[i]);
            case HEAPTYPE -> out.s64(ops[i]);
            case BR_ON_CAST -> {
                out.u8(ops[i]);
                out.u32(ops[i + 1]);
                out.s64(ops[i + 2]);
                out.s64(ops[i + 3]);
            }
        }
    }

    private static void opcode(ByteWriter out, int op) {
        if (op < Opcodes.PREFIX_FC) {
            out.u8(op);
            return;
        }
        int base = op >= Opcodes.PREFIX_FD ? Opcodes.PREFIX_FD
                : op >= Opcodes.PREFIX_FE ? Opcodes.PREFIX_FE
                : op >= Opcodes.PREFIX_FB ? Opcodes.PREFIX_FB : Opcodes.PREFIX_FC;
        out.u8(switch (base) {
            case Opcodes.PREFIX_FC -> 0xFC;
            case Opcodes.PREFIX_FB -> 0xFB;
            case Opcodes.PREFIX_FE -> 0xFE;
            default -> 0xFD;
        });
        out.u32(op - base);
    }

    private static void blockType(ByteWriter out, int kind, int value) {
        switch (kind) {
            case Immediates.BLOCK_EMPTY -> out.u8(0x40);
            case Immediates.BLOCK_VALUE -> TypeWriter.valType(out, ValType.decode(value));
            default -> out.s64(value);
        }
    }

    /** Memory 0 is written without the explicit-index flag, the shortest form. */
    private static void memarg(ByteWriter out, int[] ops, int i) {
        int align = ops[i];
        int memory = ops[i + 1];
        out.u32(memory != 0 ? align | 0x40 : align);
        if (memory != 0) out.u32(memory);
        out.u64(wide(ops, i + 2));
    }

    private static long wide(int[] ops, int i) {
        return Integer.toUnsignedLong(ops[i]) | (long) ops[i + 1] << 32;
    }
}
