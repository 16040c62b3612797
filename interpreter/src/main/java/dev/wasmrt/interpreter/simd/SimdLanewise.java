package dev.wasmrt.interpreter.simd;

import dev.wasmrt.decoder.model.Opcodes;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The lane-wise SIMD instructions: those whose result half depends only on the same half of
 * each operand, so an engine applies them once to {@code lo} and once to {@code hi}. This class
 * maps each of those opcodes to its semantic helper; the interpreter and the compiler both go
 * through it, so they cannot disagree on which helper (or which relaxed choice) an opcode means.
 */
public final class SimdLanewise {
    private SimdLanewise() {}

    /** The operand count (1, 2 or 3) of lane-wise instruction {@code op}, or 0 for any other instruction. */
    public static int arity(int op) {
        if (op >= I8X16_EQ && op <= F64X2_GE || op >= I64X2_EQ && op <= I64X2_GE_S) return 2;
        return switch (op) {
            case V128_NOT, I8X16_ABS, I8X16_NEG, I8X16_POPCNT, I16X8_ABS, I16X8_NEG, I32X4_ABS, I32X4_NEG, I64X2_ABS, I64X2_NEG,
                 I16X8_EXTADD_PAIRWISE_I8X16_S, I16X8_EXTADD_PAIRWISE_I8X16_U, I32X4_EXTADD_PAIRWISE_I16X8_S, I32X4_EXTADD_PAIRWISE_I16X8_U,
                 F32X4_ABS, F32X4_NEG, F32X4_SQRT, F32X4_CEIL, F32X4_FLOOR, F32X4_TRUNC, F32X4_NEAREST,
                 F64X2_ABS, F64X2_NEG, F64X2_SQRT, F64X2_CEIL, F64X2_FLOOR, F64X2_TRUNC, F64X2_NEAREST,
                 I32X4_TRUNC_SAT_F32X4_S, I32X4_TRUNC_SAT_F32X4_U, I32X4_RELAXED_TRUNC_F32X4_S, I32X4_RELAXED_TRUNC_F32X4_U,
                 F32X4_CONVERT_I32X4_S, F32X4_CONVERT_I32X4_U -> 1;
            case V128_BITSELECT, I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT, I64X2_RELAXED_LANESELECT,
                 F32X4_RELAXED_MADD, F32X4_RELAXED_NMADD, F64X2_RELAXED_MADD, F64X2_RELAXED_NMADD, I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> 3;
            case V128_AND, V128_ANDNOT, V128_OR, V128_XOR, I8X16_ADD, I16X8_ADD, I32X4_ADD, I64X2_ADD,
                 I8X16_SUB, I16X8_SUB, I32X4_SUB, I64X2_SUB, I16X8_MUL, I32X4_MUL, I64X2_MUL,
                 I8X16_ADD_SAT_S, I16X8_ADD_SAT_S, I8X16_ADD_SAT_U, I16X8_ADD_SAT_U,
                 I8X16_SUB_SAT_S, I16X8_SUB_SAT_S, I8X16_SUB_SAT_U, I16X8_SUB_SAT_U,
                 I8X16_MIN_S, I16X8_MIN_S, I32X4_MIN_S, I8X16_MIN_U, I16X8_MIN_U, I32X4_MIN_U,
                 I8X16_MAX_S, I16X8_MAX_S, I32X4_MAX_S, I8X16_MAX_U, I16X8_MAX_U, I32X4_MAX_U,
                 I8X16_AVGR_U, I16X8_AVGR_U, I16X8_Q15MULR_SAT_S, I16X8_RELAXED_Q15MULR_S,
                 I32X4_DOT_I16X8_S, I16X8_RELAXED_DOT_I8X16_I7X16_S,
                 F32X4_ADD, F32X4_SUB, F32X4_MUL, F32X4_DIV, F32X4_MIN, F32X4_RELAXED_MIN, F32X4_MAX, F32X4_RELAXED_MAX,
                 F32X4_PMIN, F32X4_PMAX, F64X2_ADD, F64X2_SUB, F64X2_MUL, F64X2_DIV, F64X2_MIN, F64X2_RELAXED_MIN,
                 F64X2_MAX, F64X2_RELAXED_MAX, F64X2_PMIN, F64X2_PMAX -> 2;
            default -> 0;
        };
    }

    /** A lane-wise shift ({@code shl}, {@code shr_s}, {@code shr_u} of any shape) of one half by {@code count}. */
    public static long shift(int op, long half, int count) {
        return switch (op) {
            case I8X16_SHL -> SimdInt.shl(half, count, 8);
            case I16X8_SHL -> SimdInt.shl(half, count, 16);
            case I32X4_SHL -> SimdInt.shl(half, count, 32);
            case I64X2_SHL -> SimdInt.shl(half, count, 64);
            case I8X16_SHR_S -> SimdInt.shrS(half, count, 8);
            case I16X8_SHR_S -> SimdInt.shrS(half, count, 16);
            case I32X4_SHR_S -> SimdInt.shrS(half, count, 32);
            case I64X2_SHR_S -> SimdInt.shrS(half, count, 64);
            case I8X16_SHR_U -> SimdInt.shrU(half, count, 8);
            case I16X8_SHR_U -> SimdInt.shrU(half, count, 16);
            case I32X4_SHR_U -> SimdInt.shrU(half, count, 32);
            case I64X2_SHR_U -> SimdInt.shrU(half, count, 64);
            default -> throw unsupported(op);
        };
    }

    /** A one-operand lane-wise instruction on one half; split like {@link #binary}. */
    public static long unary(int op, long x) {
        if (op >= F32X4_ABS) return floatUnary(op, x);
        return switch (op) {
            case F32X4_CEIL, F32X4_FLOOR, F32X4_TRUNC, F32X4_NEAREST, F64X2_CEIL, F64X2_FLOOR, F64X2_TRUNC, F64X2_NEAREST -> rounding(op, x);
            default -> integerUnary(op, x);
        };
    }

    private static long integerUnary(int op, long x) {
        return switch (op) {
            case V128_NOT -> ~x;
            case I8X16_ABS -> SimdInt.abs(x, 8);
            case I16X8_ABS -> SimdInt.abs(x, 16);
            case I32X4_ABS -> SimdInt.abs(x, 32);
            case I64X2_ABS -> SimdInt.abs(x, 64);
            case I8X16_NEG -> SimdInt.neg(x, 8);
            case I16X8_NEG -> SimdInt.neg(x, 16);
            case I32X4_NEG -> SimdInt.neg(x, 32);
            case I64X2_NEG -> SimdInt.neg(x, 64);
            case I8X16_POPCNT -> SimdInt.popcnt8(x);
            case I16X8_EXTADD_PAIRWISE_I8X16_S -> SimdWiden.extaddPairwiseS(x, 8);
            case I16X8_EXTADD_PAIRWISE_I8X16_U -> SimdWiden.extaddPairwiseU(x, 8);
            case I32X4_EXTADD_PAIRWISE_I16X8_S -> SimdWiden.extaddPairwiseS(x, 16);
            case I32X4_EXTADD_PAIRWISE_I16X8_U -> SimdWiden.extaddPairwiseU(x, 16);
            default -> throw unsupported(op);
        };
    }

    private static long rounding(int op, long x) {
        return switch (op) {
            case F32X4_CEIL -> SimdFloat.f32Ceil(x);
            case F32X4_FLOOR -> SimdFloat.f32Floor(x);
            case F32X4_TRUNC -> SimdFloat.f32Trunc(x);
            case F32X4_NEAREST -> SimdFloat.f32Nearest(x);
            case F64X2_CEIL -> SimdFloat.f64Ceil(x);
            case F64X2_FLOOR -> SimdFloat.f64Floor(x);
            case F64X2_TRUNC -> SimdFloat.f64Trunc(x);
            case F64X2_NEAREST -> SimdFloat.f64Nearest(x);
            default -> throw unsupported(op);
        };
    }

    private static long floatUnary(int op, long x) {
        return switch (op) {
            case F32X4_ABS -> SimdFloat.f32Abs(x);
            case F32X4_NEG -> SimdFloat.f32Neg(x);
            case F32X4_SQRT -> SimdFloat.f32Sqrt(x);
            case F64X2_ABS -> SimdFloat.f64Abs(x);
            case F64X2_NEG -> SimdFloat.f64Neg(x);
            case F64X2_SQRT -> SimdFloat.f64Sqrt(x);
            case I32X4_TRUNC_SAT_F32X4_S, I32X4_RELAXED_TRUNC_F32X4_S -> SimdConvert.truncSatF32S(x);
            case I32X4_TRUNC_SAT_F32X4_U, I32X4_RELAXED_TRUNC_F32X4_U -> SimdConvert.truncSatF32U(x);
            case F32X4_CONVERT_I32X4_S -> SimdConvert.convertI32S(x);
            case F32X4_CONVERT_I32X4_U -> SimdConvert.convertI32U(x);
            default -> throw unsupported(op);
        };
    }

    /** A three-operand lane-wise instruction on one half of each operand. */
    public static long ternary(int op, long x, long y, long z) {
        return switch (op) {
            case V128_BITSELECT, I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT,
                 I64X2_RELAXED_LANESELECT -> SimdBits.bitselect(x, y, z);
            case F32X4_RELAXED_MADD -> SimdFloat.f32Madd(x, y, z);
            case F32X4_RELAXED_NMADD -> SimdFloat.f32Nmadd(x, y, z);
            case F64X2_RELAXED_MADD -> SimdFloat.f64Madd(x, y, z);
            case F64X2_RELAXED_NMADD -> SimdFloat.f64Nmadd(x, y, z);
            case I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> SimdWiden.relaxedDotI8AddS(x, y, z);
            default -> throw unsupported(op);
        };
    }

    /**
     * A two-operand lane-wise instruction on one half of each operand. The switch is split by
     * opcode range into methods small enough for HotSpot to inline, so that compiled code, which
     * passes {@code op} as a constant, reaches the helper without a dispatch.
     */
    public static long binary(int op, long x, long y) {
        if (op < I8X16_ABS) return compareOrBitwise(op, x, y);
        if (op < I16X8_ABS) return i8x16(op, x, y);
        if (op < I32X4_ABS) return i16x8(op, x, y);
        if (op < F32X4_ABS) return i32x4OrI64x2(op, x, y);
        if (op < I8X16_RELAXED_SWIZZLE) return floats(op, x, y);
        return relaxed(op, x, y);
    }

    private static long compareOrBitwise(int op, long x, long y) {
        if (op >= I8X16_EQ && op <= I8X16_GE_U) return SimdCompare.ints(x, y, 8, op - I8X16_EQ);
        if (op >= I16X8_EQ && op <= I16X8_GE_U) return SimdCompare.ints(x, y, 16, op - I16X8_EQ);
        if (op >= I32X4_EQ && op <= I32X4_GE_U) return SimdCompare.ints(x, y, 32, op - I32X4_EQ);
        if (op >= F32X4_EQ && op <= F32X4_GE) return SimdCompare.f32(x, y, SimdCompare.ofSix(op - F32X4_EQ));
        if (op >= F64X2_EQ && op <= F64X2_GE) return SimdCompare.f64(x, y, SimdCompare.ofSix(op - F64X2_EQ));
        return switch (op) {
            case V128_AND -> x & y;
            case V128_ANDNOT -> x & ~y;
            case V128_OR -> x | y;
            case V128_XOR -> x ^ y;
            default -> throw unsupported(op);
        };
    }

    private static long i8x16(int op, long x, long y) {
        return switch (op) {
            case I8X16_ADD -> SimdInt.add(x, y, 8);
            case I8X16_SUB -> SimdInt.sub(x, y, 8);
            case I8X16_ADD_SAT_S -> SimdInt.addSatS(x, y, 8);
            case I8X16_ADD_SAT_U -> SimdInt.addSatU(x, y, 8);
            case I8X16_SUB_SAT_S -> SimdInt.subSatS(x, y, 8);
            case I8X16_SUB_SAT_U -> SimdInt.subSatU(x, y, 8);
            case I8X16_MIN_S -> SimdInt.minS(x, y, 8);
            case I8X16_MIN_U -> SimdInt.minU(x, y, 8);
            case I8X16_MAX_S -> SimdInt.maxS(x, y, 8);
            case I8X16_MAX_U -> SimdInt.maxU(x, y, 8);
            case I8X16_AVGR_U -> SimdInt.avgrU(x, y, 8);
            default -> throw unsupported(op);
        };
    }

    private static long i16x8(int op, long x, long y) {
        return switch (op) {
            case I16X8_ADD -> SimdInt.add(x, y, 16);
            case I16X8_SUB -> SimdInt.sub(x, y, 16);
            case I16X8_MUL -> SimdInt.mul(x, y, 16);
            case I16X8_ADD_SAT_S -> SimdInt.addSatS(x, y, 16);
            case I16X8_ADD_SAT_U -> SimdInt.addSatU(x, y, 16);
            case I16X8_SUB_SAT_S -> SimdInt.subSatS(x, y, 16);
            case I16X8_SUB_SAT_U -> SimdInt.subSatU(x, y, 16);
            case I16X8_MIN_S -> SimdInt.minS(x, y, 16);
            case I16X8_MIN_U -> SimdInt.minU(x, y, 16);
            case I16X8_MAX_S -> SimdInt.maxS(x, y, 16);
            case I16X8_MAX_U -> SimdInt.maxU(x, y, 16);
            case I16X8_AVGR_U -> SimdInt.avgrU(x, y, 16);
            case I16X8_Q15MULR_SAT_S -> SimdInt.q15mulrSatS(x, y);
            default -> throw unsupported(op);
        };
    }

    private static long i32x4OrI64x2(int op, long x, long y) {
        if (op >= I64X2_EQ && op <= I64X2_GE_S) return SimdCompare.ints(x, y, 64, SimdCompare.ofSix(op - I64X2_EQ));
        return switch (op) {
            case I32X4_ADD -> SimdInt.add(x, y, 32);
            case I32X4_SUB -> SimdInt.sub(x, y, 32);
            case I32X4_MUL -> SimdInt.mul(x, y, 32);
            case I32X4_MIN_S -> SimdInt.minS(x, y, 32);
            case I32X4_MIN_U -> SimdInt.minU(x, y, 32);
            case I32X4_MAX_S -> SimdInt.maxS(x, y, 32);
            case I32X4_MAX_U -> SimdInt.maxU(x, y, 32);
            case I32X4_DOT_I16X8_S -> SimdWiden.dotI16S(x, y);
            case I64X2_ADD -> x + y;
            case I64X2_SUB -> x - y;
            case I64X2_MUL -> x * y;
            default -> throw unsupported(op);
        };
    }

    private static long floats(int op, long x, long y) {
        return switch (op) {
            case F32X4_ADD -> SimdFloat.f32Add(x, y);
            case F32X4_SUB -> SimdFloat.f32Sub(x, y);
            case F32X4_MUL -> SimdFloat.f32Mul(x, y);
            case F32X4_DIV -> SimdFloat.f32Div(x, y);
            case F32X4_MIN -> SimdFloat.f32Min(x, y);
            case F32X4_MAX -> SimdFloat.f32Max(x, y);
            case F32X4_PMIN -> SimdFloat.f32Pmin(x, y);
            case F32X4_PMAX -> SimdFloat.f32Pmax(x, y);
            case F64X2_ADD -> SimdFloat.f64Add(x, y);
            case F64X2_SUB -> SimdFloat.f64Sub(x, y);
            case F64X2_MUL -> SimdFloat.f64Mul(x, y);
            case F64X2_DIV -> SimdFloat.f64Div(x, y);
            case F64X2_MIN -> SimdFloat.f64Min(x, y);
            case F64X2_MAX -> SimdFloat.f64Max(x, y);
            case F64X2_PMIN -> SimdFloat.f64Pmin(x, y);
            case F64X2_PMAX -> SimdFloat.f64Pmax(x, y);
            default -> throw unsupported(op);
        };
    }

    /** Relaxed SIMD's two-operand instructions, each as its deterministic strict counterpart (see the package documentation). */
    private static long relaxed(int op, long x, long y) {
        return switch (op) {
            case F32X4_RELAXED_MIN -> SimdFloat.f32Min(x, y);
            case F32X4_RELAXED_MAX -> SimdFloat.f32Max(x, y);
            case F64X2_RELAXED_MIN -> SimdFloat.f64Min(x, y);
            case F64X2_RELAXED_MAX -> SimdFloat.f64Max(x, y);
            case I16X8_RELAXED_Q15MULR_S -> SimdInt.q15mulrSatS(x, y);
            case I16X8_RELAXED_DOT_I8X16_I7X16_S -> SimdWiden.relaxedDotI8S(x, y);
            default -> throw unsupported(op);
        };
    }

    static IllegalArgumentException unsupported(int op) {
        return new IllegalArgumentException("not a lane-wise SIMD instruction: " + Opcodes.name(op));
    }
}
