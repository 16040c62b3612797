package dev.wasmrt.jit;

import dev.wasmrt.interpreter.simd.SimdInterpreter;
import dev.wasmrt.interpreter.simd.SimdLanewise;
import org.objectweb.asm.MethodVisitor;

import static dev.wasmrt.decoder.model.Opcodes.*;
import static dev.wasmrt.jit.JvmType.DOUBLE;
import static dev.wasmrt.jit.JvmType.FLOAT;
import static dev.wasmrt.jit.JvmType.INT;
import static dev.wasmrt.jit.JvmType.LONG;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.DUP2_X1;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.SWAP;

/**
 * SIMD instructions: each becomes one static call to {@link SimdOps} on {@link V128} operands,
 * with the opcode and immediates (lane, lane width, offset) pushed as constants after them.
 */
final class SimdEmitter {
    private SimdEmitter() {}

    private static final String V = JvmType.V128.descriptor;

    /** Emits {@code op}; false when it is not a SIMD instruction. */
    static boolean emit(FunctionTranslator t, int op, int pc) {
        if (op < PREFIX_FD) return false;
        int[] ops = t.ops();
        MethodVisitor mv = t.visitor();
        int arity = SimdLanewise.arity(op);
        if (arity > 0) {
            Gen.pushInt(mv, op);
            String name = arity == 1 ? "unary" : arity == 2 ? "binary" : "ternary";
            call(t, name, "(" + V.repeat(arity) + "I)" + V, arity, JvmType.V128);
            return true;
        }
        switch (op) {
            case V128_LOAD, V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U,
                 V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT, V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                if (t.types(1)[0] == INT) mv.visitInsn(I2L);
                memoryImmediates(t, pc);
                Gen.pushInt(mv, op);
                call(t, "load", "(JJ" + Gen.MEMORY_DESC + "I)" + V, 1, JvmType.V128);
            }
            case V128_STORE -> {
                widenAddressBelowVector(t);
                memoryImmediates(t, pc);
                call(t, "store", "(J" + V + "J" + Gen.MEMORY_DESC + ")V", 2, null);
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                widenAddressBelowVector(t);
                memoryImmediates(t, pc);
                Gen.pushInt(mv, 8 << (op - V128_LOAD8_LANE));
                Gen.pushInt(mv, ops[pc + 5]);
                call(t, "loadLane", "(J" + V + "J" + Gen.MEMORY_DESC + "II)" + V, 2, JvmType.V128);
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                widenAddressBelowVector(t);
                memoryImmediates(t, pc);
                Gen.pushInt(mv, 8 << (op - V128_STORE8_LANE));
                Gen.pushInt(mv, ops[pc + 5]);
                call(t, "storeLane", "(J" + V + "J" + Gen.MEMORY_DESC + "II)V", 2, null);
            }
            case V128_CONST -> {
                Gen.pushLong(mv, word(ops[pc + 1], ops[pc + 2]));
                Gen.pushLong(mv, word(ops[pc + 3], ops[pc + 4]));
                mv.visitMethodInsn(INVOKESTATIC, Gen.V128, "of", "(JJ)" + V, false);
                t.pushType(JvmType.V128);
            }
            case I8X16_SHUFFLE -> {
                Gen.pushLong(mv, word(ops[pc + 1], ops[pc + 2]));
                Gen.pushLong(mv, word(ops[pc + 3], ops[pc + 4]));
                call(t, "shuffle", "(" + V + V + "JJ)" + V, 2, JvmType.V128);
            }
            case I8X16_SPLAT, I16X8_SPLAT, I32X4_SPLAT, I64X2_SPLAT, F32X4_SPLAT, F64X2_SPLAT -> {
                Gen.toBits(mv, t.types(1)[0]);
                Gen.pushInt(mv, SimdInterpreter.splatBits(op));
                call(t, "splat", "(JI)" + V, 1, JvmType.V128);
            }
            case I8X16_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_S, I32X4_EXTRACT_LANE, I64X2_EXTRACT_LANE, F64X2_EXTRACT_LANE,
                 I8X16_EXTRACT_LANE_U, I16X8_EXTRACT_LANE_U, F32X4_EXTRACT_LANE -> {
                boolean unsigned = op == I8X16_EXTRACT_LANE_U || op == I16X8_EXTRACT_LANE_U || op == F32X4_EXTRACT_LANE;
                Gen.pushInt(mv, ops[pc + 1]);
                Gen.pushInt(mv, SimdInterpreter.laneBits(op));
                JvmType scalar = laneType(op);
                call(t, unsigned ? "extractU" : "extract", "(" + V + "II)J", 1, scalar);
                Gen.fromBits(mv, scalar);
            }
            case I8X16_REPLACE_LANE, I16X8_REPLACE_LANE, I32X4_REPLACE_LANE, I64X2_REPLACE_LANE, F32X4_REPLACE_LANE, F64X2_REPLACE_LANE -> {
                Gen.toBits(mv, t.types(1)[0]);
                Gen.pushInt(mv, ops[pc + 1]);
                Gen.pushInt(mv, SimdInterpreter.laneBits(op));
                call(t, "replace", "(" + V + "JII)" + V, 2, JvmType.V128);
            }
            case V128_ANY_TRUE -> call(t, "anyTrue", "(" + V + ")I", 1, INT);
            case I8X16_ALL_TRUE, I16X8_ALL_TRUE, I32X4_ALL_TRUE, I64X2_ALL_TRUE -> {
                Gen.pushInt(mv, SimdInterpreter.laneBits(op));
                call(t, "allTrue", "(" + V + "I)I", 1, INT);
            }
            case I8X16_BITMASK, I16X8_BITMASK, I32X4_BITMASK, I64X2_BITMASK -> {
                Gen.pushInt(mv, SimdInterpreter.laneBits(op));
                call(t, "bitmask", "(" + V + "I)I", 1, INT);
            }
            case I8X16_SHL, I8X16_SHR_S, I8X16_SHR_U, I16X8_SHL, I16X8_SHR_S, I16X8_SHR_U,
                 I32X4_SHL, I32X4_SHR_S, I32X4_SHR_U, I64X2_SHL, I64X2_SHR_S, I64X2_SHR_U -> {
                Gen.pushInt(mv, op);
                call(t, "shift", "(" + V + "II)" + V, 2, JvmType.V128);
            }
            case I16X8_EXTMUL_LOW_I8X16_S, I16X8_EXTMUL_HIGH_I8X16_S, I16X8_EXTMUL_LOW_I8X16_U, I16X8_EXTMUL_HIGH_I8X16_U,
                 I32X4_EXTMUL_LOW_I16X8_S, I32X4_EXTMUL_HIGH_I16X8_S, I32X4_EXTMUL_LOW_I16X8_U, I32X4_EXTMUL_HIGH_I16X8_U,
                 I64X2_EXTMUL_LOW_I32X4_S, I64X2_EXTMUL_HIGH_I32X4_S, I64X2_EXTMUL_LOW_I32X4_U, I64X2_EXTMUL_HIGH_I32X4_U -> {
                Gen.pushInt(mv, op);
                call(t, "extmul", "(" + V + V + "I)" + V, 2, JvmType.V128);
            }
            case I8X16_NARROW_I16X8_S, I8X16_NARROW_I16X8_U, I16X8_NARROW_I32X4_S, I16X8_NARROW_I32X4_U,
                 I8X16_SWIZZLE, I8X16_RELAXED_SWIZZLE -> {
                Gen.pushInt(mv, op);
                call(t, "combine", "(" + V + V + "I)" + V, 2, JvmType.V128);
            }
            case I16X8_EXTEND_LOW_I8X16_S, I16X8_EXTEND_HIGH_I8X16_S, I16X8_EXTEND_LOW_I8X16_U, I16X8_EXTEND_HIGH_I8X16_U,
                 I32X4_EXTEND_LOW_I16X8_S, I32X4_EXTEND_HIGH_I16X8_S, I32X4_EXTEND_LOW_I16X8_U, I32X4_EXTEND_HIGH_I16X8_U,
                 I64X2_EXTEND_LOW_I32X4_S, I64X2_EXTEND_HIGH_I32X4_S, I64X2_EXTEND_LOW_I32X4_U, I64X2_EXTEND_HIGH_I32X4_U,
                 I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_TRUNC_SAT_F64X2_U_ZERO, I32X4_RELAXED_TRUNC_F64X2_S_ZERO,
                 I32X4_RELAXED_TRUNC_F64X2_U_ZERO, F32X4_DEMOTE_F64X2_ZERO, F64X2_CONVERT_LOW_I32X4_S, F64X2_CONVERT_LOW_I32X4_U,
                 F64X2_PROMOTE_LOW_F32X4 -> {
                Gen.pushInt(mv, op);
                call(t, "convert", "(" + V + "I)" + V, 1, JvmType.V128);
            }
            default -> { return false; }
        }
        return true;
    }

    /** Calls {@code SimdOps.name}, replacing {@code operands} abstract stack entries by {@code result} (null: none). */
    private static void call(FunctionTranslator t, String name, String desc, int operands, JvmType result) {
        t.visitor().visitMethodInsn(INVOKESTATIC, Gen.SIMD_OPS, name, desc, false);
        t.popTypes(operands);
        if (result != null) t.pushType(result);
    }

    /** The scalar type extract_lane yields. */
    private static JvmType laneType(int op) {
        return switch (op) {
            case I64X2_EXTRACT_LANE -> LONG;
            case F32X4_EXTRACT_LANE -> FLOAT;
            case F64X2_EXTRACT_LANE -> DOUBLE;
            default -> INT;
        };
    }

    /** With an address (i32 or i64) under a vector: widens the address to long in place. */
    private static void widenAddressBelowVector(FunctionTranslator t) {
        if (t.types(2)[0] != INT) return;
        MethodVisitor mv = t.visitor();
        mv.visitInsn(SWAP);
        mv.visitInsn(I2L);
        mv.visitInsn(DUP2_X1);
        mv.visitInsn(POP2);
    }

    /** Pushes a memory access's offset (as a long) and its memory. */
    private static void memoryImmediates(FunctionTranslator t, int pc) {
        int[] ops = t.ops();
        Gen.pushLong(t.visitor(), word(ops[pc + 3], ops[pc + 4]));
        t.loadSelfField("m" + ops[pc + 2], Gen.MEMORY_DESC);
    }

    private static long word(int low, int high) { return (low & 0xFFFF_FFFFL) | ((long) high << 32); }
}
