package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Opcodes;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static dev.wasmrt.jit.JvmType.DOUBLE;
import static dev.wasmrt.jit.JvmType.FLOAT;
import static dev.wasmrt.jit.JvmType.INT;
import static dev.wasmrt.jit.JvmType.LONG;
import static org.objectweb.asm.Opcodes.*;

/**
 * Numeric instructions (comparisons, arithmetic, conversions): their operand types and their
 * bytecode. Anything Java does not do the Wasm way calls {@code Numerics}, shared with the
 * interpreter.
 */
final class NumericEmitter {
    private NumericEmitter() {}

    private static final String NUM = Gen.NUMERICS;

    /** Operand types of numeric instruction {@code op}, or null when {@code op} is not one. */
    static JvmType[] operands(int op) {
        if (op == Opcodes.I32_EQZ) return new JvmType[] {INT};
        if (op >= Opcodes.I32_EQ && op <= Opcodes.I32_GE_U) return new JvmType[] {INT, INT};
        if (op == Opcodes.I64_EQZ) return new JvmType[] {LONG};
        if (op >= Opcodes.I64_EQ && op <= Opcodes.I64_GE_U) return new JvmType[] {LONG, LONG};
        if (op >= Opcodes.F32_EQ && op <= Opcodes.F32_GE) return new JvmType[] {FLOAT, FLOAT};
        if (op >= Opcodes.F64_EQ && op <= Opcodes.F64_GE) return new JvmType[] {DOUBLE, DOUBLE};
        if (op >= Opcodes.I32_CLZ && op <= Opcodes.I32_POPCNT) return new JvmType[] {INT};
        if (op >= Opcodes.I32_ADD && op <= Opcodes.I32_ROTR) return new JvmType[] {INT, INT};
        if (op >= Opcodes.I64_CLZ && op <= Opcodes.I64_POPCNT) return new JvmType[] {LONG};
        if (op >= Opcodes.I64_ADD && op <= Opcodes.I64_ROTR) return new JvmType[] {LONG, LONG};
        if (op >= Opcodes.F32_ABS && op <= Opcodes.F32_SQRT) return new JvmType[] {FLOAT};
        if (op >= Opcodes.F32_ADD && op <= Opcodes.F32_COPYSIGN) return new JvmType[] {FLOAT, FLOAT};
        if (op >= Opcodes.F64_ABS && op <= Opcodes.F64_SQRT) return new JvmType[] {DOUBLE};
        if (op >= Opcodes.F64_ADD && op <= Opcodes.F64_COPYSIGN) return new JvmType[] {DOUBLE, DOUBLE};
        return switch (op) {
            case Opcodes.I32_WRAP_I64, Opcodes.F32_CONVERT_I64_S, Opcodes.F32_CONVERT_I64_U, Opcodes.F64_CONVERT_I64_S,
                 Opcodes.F64_CONVERT_I64_U, Opcodes.F64_REINTERPRET_I64, Opcodes.I64_EXTEND8_S, Opcodes.I64_EXTEND16_S,
                 Opcodes.I64_EXTEND32_S -> new JvmType[] {LONG};
            case Opcodes.I32_TRUNC_F32_S, Opcodes.I32_TRUNC_F32_U, Opcodes.I64_TRUNC_F32_S, Opcodes.I64_TRUNC_F32_U,
                 Opcodes.F64_PROMOTE_F32, Opcodes.I32_REINTERPRET_F32, Opcodes.I32_TRUNC_SAT_F32_S, Opcodes.I32_TRUNC_SAT_F32_U,
                 Opcodes.I64_TRUNC_SAT_F32_S, Opcodes.I64_TRUNC_SAT_F32_U -> new JvmType[] {FLOAT};
            case Opcodes.I32_TRUNC_F64_S, Opcodes.I32_TRUNC_F64_U, Opcodes.I64_TRUNC_F64_S, Opcodes.I64_TRUNC_F64_U,
                 Opcodes.F32_DEMOTE_F64, Opcodes.I64_REINTERPRET_F64, Opcodes.I32_TRUNC_SAT_F64_S, Opcodes.I32_TRUNC_SAT_F64_U,
                 Opcodes.I64_TRUNC_SAT_F64_S, Opcodes.I64_TRUNC_SAT_F64_U -> new JvmType[] {DOUBLE};
            case Opcodes.I64_EXTEND_I32_S, Opcodes.I64_EXTEND_I32_U, Opcodes.F32_CONVERT_I32_S, Opcodes.F32_CONVERT_I32_U,
                 Opcodes.F64_CONVERT_I32_S, Opcodes.F64_CONVERT_I32_U, Opcodes.F32_REINTERPRET_I32, Opcodes.I32_EXTEND8_S,
                 Opcodes.I32_EXTEND16_S -> new JvmType[] {INT};
            default -> null;
        };
    }

    /** The result type of numeric instruction {@code op}. */
    static JvmType result(int op) {
        if (op >= Opcodes.I32_EQZ && op <= Opcodes.F64_GE) return INT;
        if (op >= Opcodes.I32_CLZ && op <= Opcodes.I32_ROTR) return INT;
        if (op >= Opcodes.I64_CLZ && op <= Opcodes.I64_ROTR) return LONG;
        if (op >= Opcodes.F32_ABS && op <= Opcodes.F32_COPYSIGN) return FLOAT;
        if (op >= Opcodes.F64_ABS && op <= Opcodes.F64_COPYSIGN) return DOUBLE;
        return switch (op) {
            case Opcodes.I32_WRAP_I64, Opcodes.I32_TRUNC_F32_S, Opcodes.I32_TRUNC_F32_U, Opcodes.I32_TRUNC_F64_S,
                 Opcodes.I32_TRUNC_F64_U, Opcodes.I32_REINTERPRET_F32, Opcodes.I32_EXTEND8_S, Opcodes.I32_EXTEND16_S,
                 Opcodes.I32_TRUNC_SAT_F32_S, Opcodes.I32_TRUNC_SAT_F32_U, Opcodes.I32_TRUNC_SAT_F64_S,
                 Opcodes.I32_TRUNC_SAT_F64_U -> INT;
            case Opcodes.F32_CONVERT_I32_S, Opcodes.F32_CONVERT_I32_U, Opcodes.F32_CONVERT_I64_S, Opcodes.F32_CONVERT_I64_U,
                 Opcodes.F32_DEMOTE_F64, Opcodes.F32_REINTERPRET_I32 -> FLOAT;
            case Opcodes.F64_CONVERT_I32_S, Opcodes.F64_CONVERT_I32_U, Opcodes.F64_CONVERT_I64_S, Opcodes.F64_CONVERT_I64_U,
                 Opcodes.F64_PROMOTE_F32, Opcodes.F64_REINTERPRET_I64 -> DOUBLE;
            default -> LONG;
        };
    }

    static void emit(MethodVisitor mv, int op) {
        switch (op) {
            case Opcodes.I32_EQZ -> compareZero(mv, IFEQ);
            case Opcodes.I32_EQ -> compareZero(mv, IF_ICMPEQ);
            case Opcodes.I32_NE -> compareZero(mv, IF_ICMPNE);
            case Opcodes.I32_LT_S -> compareZero(mv, IF_ICMPLT);
            case Opcodes.I32_GT_S -> compareZero(mv, IF_ICMPGT);
            case Opcodes.I32_LE_S -> compareZero(mv, IF_ICMPLE);
            case Opcodes.I32_GE_S -> compareZero(mv, IF_ICMPGE);
            case Opcodes.I32_LT_U -> unsignedInts(mv, IFLT);
            case Opcodes.I32_GT_U -> unsignedInts(mv, IFGT);
            case Opcodes.I32_LE_U -> unsignedInts(mv, IFLE);
            case Opcodes.I32_GE_U -> unsignedInts(mv, IFGE);
            case Opcodes.I64_EQZ -> { mv.visitInsn(LCONST_0); mv.visitInsn(LCMP); compareZero(mv, IFEQ); }
            case Opcodes.I64_EQ -> { mv.visitInsn(LCMP); compareZero(mv, IFEQ); }
            case Opcodes.I64_NE -> { mv.visitInsn(LCMP); compareZero(mv, IFNE); }
            case Opcodes.I64_LT_S -> { mv.visitInsn(LCMP); compareZero(mv, IFLT); }
            case Opcodes.I64_GT_S -> { mv.visitInsn(LCMP); compareZero(mv, IFGT); }
            case Opcodes.I64_LE_S -> { mv.visitInsn(LCMP); compareZero(mv, IFLE); }
            case Opcodes.I64_GE_S -> { mv.visitInsn(LCMP); compareZero(mv, IFGE); }
            case Opcodes.I64_LT_U -> unsignedLongs(mv, IFLT);
            case Opcodes.I64_GT_U -> unsignedLongs(mv, IFGT);
            case Opcodes.I64_LE_U -> unsignedLongs(mv, IFLE);
            case Opcodes.I64_GE_U -> unsignedLongs(mv, IFGE);
            // A NaN operand must make every comparison but ne false: pick the cmp variant whose NaN result fails the test.
            case Opcodes.F32_EQ -> { mv.visitInsn(FCMPL); compareZero(mv, IFEQ); }
            case Opcodes.F32_NE -> { mv.visitInsn(FCMPL); compareZero(mv, IFNE); }
            case Opcodes.F32_LT -> { mv.visitInsn(FCMPG); compareZero(mv, IFLT); }
            case Opcodes.F32_GT -> { mv.visitInsn(FCMPL); compareZero(mv, IFGT); }
            case Opcodes.F32_LE -> { mv.visitInsn(FCMPG); compareZero(mv, IFLE); }
            case Opcodes.F32_GE -> { mv.visitInsn(FCMPL); compareZero(mv, IFGE); }
            case Opcodes.F64_EQ -> { mv.visitInsn(DCMPL); compareZero(mv, IFEQ); }
            case Opcodes.F64_NE -> { mv.visitInsn(DCMPL); compareZero(mv, IFNE); }
            case Opcodes.F64_LT -> { mv.visitInsn(DCMPG); compareZero(mv, IFLT); }
            case Opcodes.F64_GT -> { mv.visitInsn(DCMPL); compareZero(mv, IFGT); }
            case Opcodes.F64_LE -> { mv.visitInsn(DCMPG); compareZero(mv, IFLE); }
            case Opcodes.F64_GE -> { mv.visitInsn(DCMPL); compareZero(mv, IFGE); }

            case Opcodes.I32_CLZ -> call(mv, "java/lang/Integer", "numberOfLeadingZeros", "(I)I");
            case Opcodes.I32_CTZ -> call(mv, "java/lang/Integer", "numberOfTrailingZeros", "(I)I");
            case Opcodes.I32_POPCNT -> call(mv, "java/lang/Integer", "bitCount", "(I)I");
            case Opcodes.I32_ADD -> mv.visitInsn(IADD);
            case Opcodes.I32_SUB -> mv.visitInsn(ISUB);
            case Opcodes.I32_MUL -> mv.visitInsn(IMUL);
            case Opcodes.I32_DIV_S -> call(mv, NUM, "i32DivS", "(II)I");
            case Opcodes.I32_DIV_U -> call(mv, NUM, "i32DivU", "(II)I");
            case Opcodes.I32_REM_S -> call(mv, NUM, "i32RemS", "(II)I");
            case Opcodes.I32_REM_U -> call(mv, NUM, "i32RemU", "(II)I");
            case Opcodes.I32_AND -> mv.visitInsn(IAND);
            case Opcodes.I32_OR -> mv.visitInsn(IOR);
            case Opcodes.I32_XOR -> mv.visitInsn(IXOR);
            case Opcodes.I32_SHL -> mv.visitInsn(ISHL);
            case Opcodes.I32_SHR_S -> mv.visitInsn(ISHR);
            case Opcodes.I32_SHR_U -> mv.visitInsn(IUSHR);
            case Opcodes.I32_ROTL -> call(mv, "java/lang/Integer", "rotateLeft", "(II)I");
            case Opcodes.I32_ROTR -> call(mv, "java/lang/Integer", "rotateRight", "(II)I");
            case Opcodes.I64_CLZ -> { call(mv, "java/lang/Long", "numberOfLeadingZeros", "(J)I"); mv.visitInsn(I2L); }
            case Opcodes.I64_CTZ -> { call(mv, "java/lang/Long", "numberOfTrailingZeros", "(J)I"); mv.visitInsn(I2L); }
            case Opcodes.I64_POPCNT -> { call(mv, "java/lang/Long", "bitCount", "(J)I"); mv.visitInsn(I2L); }
            case Opcodes.I64_ADD -> mv.visitInsn(LADD);
            case Opcodes.I64_SUB -> mv.visitInsn(LSUB);
            case Opcodes.I64_MUL -> mv.visitInsn(LMUL);
            case Opcodes.I64_DIV_S -> call(mv, NUM, "i64DivS", "(JJ)J");
            case Opcodes.I64_DIV_U -> call(mv, NUM, "i64DivU", "(JJ)J");
            case Opcodes.I64_REM_S -> call(mv, NUM, "i64RemS", "(JJ)J");
            case Opcodes.I64_REM_U -> call(mv, NUM, "i64RemU", "(JJ)J");
            case Opcodes.I64_AND -> mv.visitInsn(LAND);
            case Opcodes.I64_OR -> mv.visitInsn(LOR);
            case Opcodes.I64_XOR -> mv.visitInsn(LXOR);
            case Opcodes.I64_SHL -> { mv.visitInsn(L2I); mv.visitInsn(LSHL); }
            case Opcodes.I64_SHR_S -> { mv.visitInsn(L2I); mv.visitInsn(LSHR); }
            case Opcodes.I64_SHR_U -> { mv.visitInsn(L2I); mv.visitInsn(LUSHR); }
            case Opcodes.I64_ROTL -> { mv.visitInsn(L2I); call(mv, "java/lang/Long", "rotateLeft", "(JI)J"); }
            case Opcodes.I64_ROTR -> { mv.visitInsn(L2I); call(mv, "java/lang/Long", "rotateRight", "(JI)J"); }

            case Opcodes.F32_ABS -> floatBits(mv, "f32Abs");
            case Opcodes.F32_NEG -> floatBits(mv, "f32Neg");
            case Opcodes.F32_CEIL -> call(mv, NUM, "f32Ceil", "(F)F");
            case Opcodes.F32_FLOOR -> call(mv, NUM, "f32Floor", "(F)F");
            case Opcodes.F32_TRUNC -> call(mv, NUM, "f32Trunc", "(F)F");
            case Opcodes.F32_NEAREST -> call(mv, NUM, "f32Nearest", "(F)F");
            case Opcodes.F32_SQRT -> call(mv, NUM, "f32Sqrt", "(F)F");
            case Opcodes.F32_ADD -> mv.visitInsn(FADD);
            case Opcodes.F32_SUB -> mv.visitInsn(FSUB);
            case Opcodes.F32_MUL -> mv.visitInsn(FMUL);
            case Opcodes.F32_DIV -> mv.visitInsn(FDIV);
            case Opcodes.F32_MIN -> call(mv, NUM, "f32Min", "(FF)F");
            case Opcodes.F32_MAX -> call(mv, NUM, "f32Max", "(FF)F");
            case Opcodes.F32_COPYSIGN -> call(mv, Gen.RT, "f32Copysign", "(FF)F");
            case Opcodes.F64_ABS -> doubleBits(mv, "f64Abs");
            case Opcodes.F64_NEG -> doubleBits(mv, "f64Neg");
            case Opcodes.F64_CEIL -> call(mv, NUM, "f64Ceil", "(D)D");
            case Opcodes.F64_FLOOR -> call(mv, NUM, "f64Floor", "(D)D");
            case Opcodes.F64_TRUNC -> call(mv, NUM, "f64Trunc", "(D)D");
            case Opcodes.F64_NEAREST -> call(mv, NUM, "f64Nearest", "(D)D");
            case Opcodes.F64_SQRT -> call(mv, NUM, "f64Sqrt", "(D)D");
            case Opcodes.F64_ADD -> mv.visitInsn(DADD);
            case Opcodes.F64_SUB -> mv.visitInsn(DSUB);
            case Opcodes.F64_MUL -> mv.visitInsn(DMUL);
            case Opcodes.F64_DIV -> mv.visitInsn(DDIV);
            case Opcodes.F64_MIN -> call(mv, NUM, "f64Min", "(DD)D");
            case Opcodes.F64_MAX -> call(mv, NUM, "f64Max", "(DD)D");
            case Opcodes.F64_COPYSIGN -> call(mv, Gen.RT, "f64Copysign", "(DD)D");

            case Opcodes.I32_WRAP_I64 -> mv.visitInsn(L2I);
            case Opcodes.I32_TRUNC_F32_S -> { mv.visitInsn(F2D); call(mv, NUM, "i32TruncS", "(D)I"); }
            case Opcodes.I32_TRUNC_F32_U -> { mv.visitInsn(F2D); call(mv, NUM, "i32TruncU", "(D)I"); }
            case Opcodes.I32_TRUNC_F64_S -> call(mv, NUM, "i32TruncS", "(D)I");
            case Opcodes.I32_TRUNC_F64_U -> call(mv, NUM, "i32TruncU", "(D)I");
            case Opcodes.I64_EXTEND_I32_S -> mv.visitInsn(I2L);
            case Opcodes.I64_EXTEND_I32_U -> { mv.visitInsn(I2L); mv.visitLdcInsn(0xFFFFFFFFL); mv.visitInsn(LAND); }
            case Opcodes.I64_TRUNC_F32_S -> { mv.visitInsn(F2D); call(mv, NUM, "i64TruncS", "(D)J"); }
            case Opcodes.I64_TRUNC_F32_U -> { mv.visitInsn(F2D); call(mv, NUM, "i64TruncU", "(D)J"); }
            case Opcodes.I64_TRUNC_F64_S -> call(mv, NUM, "i64TruncS", "(D)J");
            case Opcodes.I64_TRUNC_F64_U -> call(mv, NUM, "i64TruncU", "(D)J");
            case Opcodes.F32_CONVERT_I32_S -> mv.visitInsn(I2F);
            case Opcodes.F32_CONVERT_I32_U -> call(mv, NUM, "f32ConvertI32U", "(I)F");
            case Opcodes.F32_CONVERT_I64_S -> mv.visitInsn(L2F);
            case Opcodes.F32_CONVERT_I64_U -> call(mv, NUM, "f32ConvertI64U", "(J)F");
            case Opcodes.F32_DEMOTE_F64 -> call(mv, NUM, "f32DemoteF64", "(D)F");
            case Opcodes.F64_CONVERT_I32_S -> mv.visitInsn(I2D);
            case Opcodes.F64_CONVERT_I32_U -> call(mv, NUM, "f64ConvertI32U", "(I)D");
            case Opcodes.F64_CONVERT_I64_S -> mv.visitInsn(L2D);
            case Opcodes.F64_CONVERT_I64_U -> call(mv, NUM, "f64ConvertI64U", "(J)D");
            case Opcodes.F64_PROMOTE_F32 -> call(mv, NUM, "f64PromoteF32", "(F)D");
            case Opcodes.I32_REINTERPRET_F32 -> call(mv, "java/lang/Float", "floatToRawIntBits", "(F)I");
            case Opcodes.I64_REINTERPRET_F64 -> call(mv, "java/lang/Double", "doubleToRawLongBits", "(D)J");
            case Opcodes.F32_REINTERPRET_I32 -> call(mv, "java/lang/Float", "intBitsToFloat", "(I)F");
            case Opcodes.F64_REINTERPRET_I64 -> call(mv, "java/lang/Double", "longBitsToDouble", "(J)D");
            case Opcodes.I32_EXTEND8_S -> mv.visitInsn(I2B);
            case Opcodes.I32_EXTEND16_S -> mv.visitInsn(I2S);
            case Opcodes.I64_EXTEND8_S -> { mv.visitInsn(L2I); mv.visitInsn(I2B); mv.visitInsn(I2L); }
            case Opcodes.I64_EXTEND16_S -> { mv.visitInsn(L2I); mv.visitInsn(I2S); mv.visitInsn(I2L); }
            case Opcodes.I64_EXTEND32_S -> { mv.visitInsn(L2I); mv.visitInsn(I2L); }
            case Opcodes.I32_TRUNC_SAT_F32_S -> { mv.visitInsn(F2D); call(mv, NUM, "i32TruncSatS", "(D)I"); }
            case Opcodes.I32_TRUNC_SAT_F32_U -> { mv.visitInsn(F2D); call(mv, NUM, "i32TruncSatU", "(D)I"); }
            case Opcodes.I32_TRUNC_SAT_F64_S -> call(mv, NUM, "i32TruncSatS", "(D)I");
            case Opcodes.I32_TRUNC_SAT_F64_U -> call(mv, NUM, "i32TruncSatU", "(D)I");
            case Opcodes.I64_TRUNC_SAT_F32_S -> { mv.visitInsn(F2D); call(mv, NUM, "i64TruncSatS", "(D)J"); }
            case Opcodes.I64_TRUNC_SAT_F32_U -> { mv.visitInsn(F2D); call(mv, NUM, "i64TruncSatU", "(D)J"); }
            case Opcodes.I64_TRUNC_SAT_F64_S -> call(mv, NUM, "i64TruncSatS", "(D)J");
            case Opcodes.I64_TRUNC_SAT_F64_U -> call(mv, NUM, "i64TruncSatU", "(D)J");
            default -> throw new IllegalArgumentException("not a numeric instruction: " + Opcodes.name(op));
        }
    }

    private static void call(MethodVisitor mv, String owner, String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false);
    }

    private static void floatBits(MethodVisitor mv, String name) {
        call(mv, "java/lang/Float", "floatToRawIntBits", "(F)I");
        call(mv, NUM, name, "(I)I");
        call(mv, "java/lang/Float", "intBitsToFloat", "(I)F");
    }

    private static void doubleBits(MethodVisitor mv, String name) {
        call(mv, "java/lang/Double", "doubleToRawLongBits", "(D)J");
        call(mv, NUM, name, "(J)J");
        call(mv, "java/lang/Double", "longBitsToDouble", "(J)D");
    }

    /** Replaces the operands of conditional jump {@code jumpIfTrue} by 1 when it would jump, else 0. */
    private static void compareZero(MethodVisitor mv, int jumpIfTrue) {
        Label yes = new Label();
        Label done = new Label();
        mv.visitJumpInsn(jumpIfTrue, yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
    }

    private static void unsignedInts(MethodVisitor mv, int jumpIfTrue) {
        call(mv, "java/lang/Integer", "compareUnsigned", "(II)I");
        compareZero(mv, jumpIfTrue);
    }

    private static void unsignedLongs(MethodVisitor mv, int jumpIfTrue) {
        call(mv, "java/lang/Long", "compareUnsigned", "(JJ)I");
        compareZero(mv, jumpIfTrue);
    }
}
