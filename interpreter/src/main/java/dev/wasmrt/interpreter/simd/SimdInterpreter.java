package dev.wasmrt.interpreter.simd;

import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Trap;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The interpreter's SIMD instructions (opcodes {@code 0x400} and up) on its operand stack: a
 * {@code long[]} of slots where a v128 takes two, low half first, and {@code sp} is the height.
 * Lane-wise instructions apply one method of this package to each half; the rest are spelled
 * out here.
 */
public final class SimdInterpreter {
    private SimdInterpreter() {}

    /** Executes {@code op} at {@code code[pc]}; returns the new stack height. */
    public static int exec(int op, int[] code, int pc, long[] s, int sp, Instance inst) {
        switch (op) {
            case V128_LOAD, V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U,
                 V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT, V128_LOAD32_ZERO, V128_LOAD64_ZERO:
                load(op, inst.memories[code[pc + 2]], address(s[sp - 1], code, pc, inst), s, sp - 1);
                return sp + 1;
            case V128_STORE: {
                Memory m = inst.memories[code[pc + 2]];
                SimdMemory.store(m, m.effectiveAddress(s[sp - 3], offset(code, pc)), s[sp - 2], s[sp - 1]);
                return sp - 3;
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE: {
                int bits = 8 << (op - V128_LOAD8_LANE);
                long value = loadScalar(inst.memories[code[pc + 2]], address(s[sp - 3], code, pc, inst), bits);
                int lane = code[pc + 5];
                s[sp - 3] = Lanes.replaceLo(s[sp - 2], lane, bits, value);
                s[sp - 2] = Lanes.replaceHi(s[sp - 1], lane, bits, value);
                return sp - 1;
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE: {
                int bits = 8 << (op - V128_STORE8_LANE);
                Memory m = inst.memories[code[pc + 2]];
                long value = Lanes.extract(s[sp - 2], s[sp - 1], code[pc + 5], bits);
                storeScalar(m, m.effectiveAddress(s[sp - 3], offset(code, pc)), bits, value);
                return sp - 3;
            }
            case V128_CONST:
                s[sp] = word(code[pc + 1], code[pc + 2]);
                s[sp + 1] = word(code[pc + 3], code[pc + 4]);
                return sp + 2;
            case I8X16_SHUFFLE: {
                int a = sp - 4, b = sp - 2;
                long lo = SimdShuffle.shuffle(s[a], s[a + 1], s[b], s[b + 1], word(code[pc + 1], code[pc + 2]));
                long hi = SimdShuffle.shuffle(s[a], s[a + 1], s[b], s[b + 1], word(code[pc + 3], code[pc + 4]));
                s[a] = lo;
                s[a + 1] = hi;
                return b;
            }
            case I8X16_SWIZZLE, I8X16_RELAXED_SWIZZLE: {
                int a = sp - 4, b = sp - 2;
                long lo = SimdShuffle.swizzle(s[a], s[a + 1], s[b]);
                long hi = SimdShuffle.swizzle(s[a], s[a + 1], s[b + 1]);
                s[a] = lo;
                s[a + 1] = hi;
                return b;
            }
            case I8X16_SPLAT, I16X8_SPLAT, I32X4_SPLAT, I64X2_SPLAT, F32X4_SPLAT, F64X2_SPLAT: {
                long v = Lanes.splat(s[sp - 1], splatBits(op));
                s[sp - 1] = v;
                s[sp] = v;
                return sp + 1;
            }
            case I8X16_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_S, I32X4_EXTRACT_LANE, I64X2_EXTRACT_LANE, F64X2_EXTRACT_LANE:
                s[sp - 2] = Lanes.extract(s[sp - 2], s[sp - 1], code[pc + 1], laneBits(op));
                return sp - 1;
            case I8X16_EXTRACT_LANE_U, I16X8_EXTRACT_LANE_U, F32X4_EXTRACT_LANE:
                s[sp - 2] = Lanes.extractU(s[sp - 2], s[sp - 1], code[pc + 1], laneBits(op));
                return sp - 1;
            case I8X16_REPLACE_LANE, I16X8_REPLACE_LANE, I32X4_REPLACE_LANE, I64X2_REPLACE_LANE, F32X4_REPLACE_LANE, F64X2_REPLACE_LANE: {
                int bits = laneBits(op);
                int lane = code[pc + 1];
                s[sp - 3] = Lanes.replaceLo(s[sp - 3], lane, bits, s[sp - 1]);
                s[sp - 2] = Lanes.replaceHi(s[sp - 2], lane, bits, s[sp - 1]);
                return sp - 1;
            }
            case V128_ANY_TRUE:
                s[sp - 2] = SimdBits.anyTrue(s[sp - 2], s[sp - 1]) ? 1 : 0;
                return sp - 1;
            case I8X16_ALL_TRUE, I16X8_ALL_TRUE, I32X4_ALL_TRUE, I64X2_ALL_TRUE:
                s[sp - 2] = SimdBits.allTrue(s[sp - 2], s[sp - 1], laneBits(op)) ? 1 : 0;
                return sp - 1;
            case I8X16_BITMASK, I16X8_BITMASK, I32X4_BITMASK, I64X2_BITMASK:
                s[sp - 2] = SimdBits.bitmask(s[sp - 2], s[sp - 1], laneBits(op));
                return sp - 1;
            case I8X16_SHL, I8X16_SHR_S, I8X16_SHR_U, I16X8_SHL, I16X8_SHR_S, I16X8_SHR_U,
                 I32X4_SHL, I32X4_SHR_S, I32X4_SHR_U, I64X2_SHL, I64X2_SHR_S, I64X2_SHR_U:
                shift(op, s, sp);
                return sp - 1;
            case I8X16_NARROW_I16X8_S, I8X16_NARROW_I16X8_U, I16X8_NARROW_I32X4_S, I16X8_NARROW_I32X4_U: {
                int a = sp - 4, b = sp - 2;
                int from = op <= I8X16_NARROW_I16X8_U ? 16 : 32;
                boolean signed = op == I8X16_NARROW_I16X8_S || op == I16X8_NARROW_I32X4_S;
                s[a] = signed ? SimdConvert.narrowS(s[a], s[a + 1], from) : SimdConvert.narrowU(s[a], s[a + 1], from);
                s[a + 1] = signed ? SimdConvert.narrowS(s[b], s[b + 1], from) : SimdConvert.narrowU(s[b], s[b + 1], from);
                return b;
            }
            case I16X8_EXTEND_LOW_I8X16_S, I16X8_EXTEND_HIGH_I8X16_S, I16X8_EXTEND_LOW_I8X16_U, I16X8_EXTEND_HIGH_I8X16_U:
                extend(op - I16X8_EXTEND_LOW_I8X16_S, 8, s, sp);
                return sp;
            case I32X4_EXTEND_LOW_I16X8_S, I32X4_EXTEND_HIGH_I16X8_S, I32X4_EXTEND_LOW_I16X8_U, I32X4_EXTEND_HIGH_I16X8_U:
                extend(op - I32X4_EXTEND_LOW_I16X8_S, 16, s, sp);
                return sp;
            case I64X2_EXTEND_LOW_I32X4_S, I64X2_EXTEND_HIGH_I32X4_S, I64X2_EXTEND_LOW_I32X4_U, I64X2_EXTEND_HIGH_I32X4_U:
                extend(op - I64X2_EXTEND_LOW_I32X4_S, 32, s, sp);
                return sp;
            case I16X8_EXTMUL_LOW_I8X16_S, I16X8_EXTMUL_HIGH_I8X16_S, I16X8_EXTMUL_LOW_I8X16_U, I16X8_EXTMUL_HIGH_I8X16_U:
                extmul(op - I16X8_EXTMUL_LOW_I8X16_S, 8, s, sp);
                return sp - 2;
            case I32X4_EXTMUL_LOW_I16X8_S, I32X4_EXTMUL_HIGH_I16X8_S, I32X4_EXTMUL_LOW_I16X8_U, I32X4_EXTMUL_HIGH_I16X8_U:
                extmul(op - I32X4_EXTMUL_LOW_I16X8_S, 16, s, sp);
                return sp - 2;
            case I64X2_EXTMUL_LOW_I32X4_S, I64X2_EXTMUL_HIGH_I32X4_S, I64X2_EXTMUL_LOW_I32X4_U, I64X2_EXTMUL_HIGH_I32X4_U:
                extmul(op - I64X2_EXTMUL_LOW_I32X4_S, 32, s, sp);
                return sp - 2;
            case I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_RELAXED_TRUNC_F64X2_S_ZERO:
                s[sp - 2] = SimdConvert.truncSatF64SZero(s[sp - 2], s[sp - 1]);
                s[sp - 1] = 0;
                return sp;
            case I32X4_TRUNC_SAT_F64X2_U_ZERO, I32X4_RELAXED_TRUNC_F64X2_U_ZERO:
                s[sp - 2] = SimdConvert.truncSatF64UZero(s[sp - 2], s[sp - 1]);
                s[sp - 1] = 0;
                return sp;
            case F32X4_DEMOTE_F64X2_ZERO:
                s[sp - 2] = SimdConvert.demoteZero(s[sp - 2], s[sp - 1]);
                s[sp - 1] = 0;
                return sp;
            case F64X2_CONVERT_LOW_I32X4_S: {
                long lo = s[sp - 2];
                s[sp - 2] = SimdConvert.f64ConvertI32S((int) lo);
                s[sp - 1] = SimdConvert.f64ConvertI32S((int) (lo >>> 32));
                return sp;
            }
            case F64X2_CONVERT_LOW_I32X4_U: {
                long lo = s[sp - 2];
                s[sp - 2] = SimdConvert.f64ConvertI32U((int) lo);
                s[sp - 1] = SimdConvert.f64ConvertI32U((int) (lo >>> 32));
                return sp;
            }
            case F64X2_PROMOTE_LOW_F32X4: {
                long lo = s[sp - 2];
                s[sp - 2] = SimdConvert.promote((int) lo);
                s[sp - 1] = SimdConvert.promote((int) (lo >>> 32));
                return sp;
            }
            case V128_NOT, I8X16_ABS, I8X16_NEG, I8X16_POPCNT, I16X8_ABS, I16X8_NEG, I32X4_ABS, I32X4_NEG, I64X2_ABS, I64X2_NEG,
                 I16X8_EXTADD_PAIRWISE_I8X16_S, I16X8_EXTADD_PAIRWISE_I8X16_U, I32X4_EXTADD_PAIRWISE_I16X8_S, I32X4_EXTADD_PAIRWISE_I16X8_U,
                 F32X4_ABS, F32X4_NEG, F32X4_SQRT, F32X4_CEIL, F32X4_FLOOR, F32X4_TRUNC, F32X4_NEAREST,
                 F64X2_ABS, F64X2_NEG, F64X2_SQRT, F64X2_CEIL, F64X2_FLOOR, F64X2_TRUNC, F64X2_NEAREST,
                 I32X4_TRUNC_SAT_F32X4_S, I32X4_TRUNC_SAT_F32X4_U, I32X4_RELAXED_TRUNC_F32X4_S, I32X4_RELAXED_TRUNC_F32X4_U,
                 F32X4_CONVERT_I32X4_S, F32X4_CONVERT_I32X4_U:
                s[sp - 2] = unary(op, s[sp - 2]);
                s[sp - 1] = unary(op, s[sp - 1]);
                return sp;
            case V128_BITSELECT, I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT, I64X2_RELAXED_LANESELECT,
                 F32X4_RELAXED_MADD, F32X4_RELAXED_NMADD, F64X2_RELAXED_MADD, F64X2_RELAXED_NMADD, I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S: {
                int a = sp - 6;
                s[a] = ternary(op, s[a], s[a + 2], s[a + 4]);
                s[a + 1] = ternary(op, s[a + 1], s[a + 3], s[a + 5]);
                return sp - 4;
            }
            default: {
                int a = sp - 4;
                s[a] = binary(op, s[a], s[a + 2]);
                s[a + 1] = binary(op, s[a + 1], s[a + 3]);
                return sp - 2;
            }
        }
    }

    private static long word(int low, int high) { return (low & 0xFFFF_FFFFL) | ((long) high << 32); }

    private static long offset(int[] code, int pc) { return word(code[pc + 3], code[pc + 4]); }

    private static long address(long base, int[] code, int pc, Instance inst) {
        return inst.memories[code[pc + 2]].effectiveAddress(base, offset(code, pc));
    }

    private static int splatBits(int op) {
        return switch (op) {
            case I8X16_SPLAT -> 8;
            case I16X8_SPLAT -> 16;
            case I32X4_SPLAT, F32X4_SPLAT -> 32;
            default -> 64;
        };
    }

    /** The lane width of a lane access, all_true or bitmask instruction. */
    private static int laneBits(int op) {
        return switch (op) {
            case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U, I8X16_REPLACE_LANE, I8X16_ALL_TRUE, I8X16_BITMASK -> 8;
            case I16X8_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_U, I16X8_REPLACE_LANE, I16X8_ALL_TRUE, I16X8_BITMASK -> 16;
            case I32X4_EXTRACT_LANE, I32X4_REPLACE_LANE, F32X4_EXTRACT_LANE, F32X4_REPLACE_LANE, I32X4_ALL_TRUE, I32X4_BITMASK -> 32;
            default -> 64;
        };
    }

    /** Loads into the two slots at {@code at} (the address slot and the one above it). */
    private static void load(int op, Memory m, long ea, long[] s, int at) {
        long lo, hi;
        switch (op) {
            case V128_LOAD -> { lo = SimdMemory.loadLo(m, ea); hi = SimdMemory.loadHi(m, ea); }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                long x = m.loadI64(ea);
                int from = 8 << ((op - V128_LOAD8X8_S) >> 1);
                boolean signed = ((op - V128_LOAD8X8_S) & 1) == 0;
                lo = signed ? SimdWiden.extendS((int) x, from) : SimdWiden.extendU((int) x, from);
                hi = signed ? SimdWiden.extendS((int) (x >>> 32), from) : SimdWiden.extendU((int) (x >>> 32), from);
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                int bits = 8 << (op - V128_LOAD8_SPLAT);
                lo = hi = Lanes.splat(loadScalar(m, ea, bits), bits);
            }
            case V128_LOAD32_ZERO -> { lo = m.loadI32(ea) & 0xFFFF_FFFFL; hi = 0; }
            case V128_LOAD64_ZERO -> { lo = m.loadI64(ea); hi = 0; }
            default -> throw unsupported(op);
        }
        s[at] = lo;
        s[at + 1] = hi;
    }

    private static long loadScalar(Memory m, long ea, int bits) {
        return switch (bits) {
            case 8 -> m.loadU8(ea);
            case 16 -> m.loadU16(ea);
            case 32 -> m.loadI32(ea);
            default -> m.loadI64(ea);
        };
    }

    private static void storeScalar(Memory m, long ea, int bits, long value) {
        switch (bits) {
            case 8 -> m.storeI8(ea, (int) value);
            case 16 -> m.storeI16(ea, (int) value);
            case 32 -> m.storeI32(ea, (int) value);
            default -> m.storeI64(ea, value);
        }
    }

    /** The vector at {@code sp-3, sp-2} shifted by the i32 at {@code sp-1}. */
    private static void shift(int op, long[] s, int sp) {
        int count = (int) s[sp - 1];
        int bits = switch (op) {
            case I8X16_SHL, I8X16_SHR_S, I8X16_SHR_U -> 8;
            case I16X8_SHL, I16X8_SHR_S, I16X8_SHR_U -> 16;
            case I32X4_SHL, I32X4_SHR_S, I32X4_SHR_U -> 32;
            default -> 64;
        };
        int kind = switch (op) {
            case I8X16_SHL, I16X8_SHL, I32X4_SHL, I64X2_SHL -> 0;
            case I8X16_SHR_S, I16X8_SHR_S, I32X4_SHR_S, I64X2_SHR_S -> 1;
            default -> 2;
        };
        for (int h = sp - 3; h < sp - 1; h++) {
            s[h] = switch (kind) {
                case 0 -> SimdInt.shl(s[h], count, bits);
                case 1 -> SimdInt.shrS(s[h], count, bits);
                default -> SimdInt.shrU(s[h], count, bits);
            };
        }
    }

    /**
     * extend_low/high_s/u of the vector on top; {@code variant} is the offset in the family's
     * opcode order: low_s, high_s, low_u, high_u.
     */
    private static void extend(int variant, int fromBits, long[] s, int sp) {
        long source = (variant & 1) == 0 ? s[sp - 2] : s[sp - 1];
        boolean signed = variant < 2;
        s[sp - 2] = signed ? SimdWiden.extendS((int) source, fromBits) : SimdWiden.extendU((int) source, fromBits);
        s[sp - 1] = signed ? SimdWiden.extendS((int) (source >>> 32), fromBits) : SimdWiden.extendU((int) (source >>> 32), fromBits);
    }

    /** extmul_low/high_s/u of the two vectors on top, with {@code variant} as in {@link #extend}. */
    private static void extmul(int variant, int fromBits, long[] s, int sp) {
        int a = sp - 4, b = sp - 2;
        int half = variant & 1;
        long x = s[a + half];
        long y = s[b + half];
        boolean signed = variant < 2;
        s[a] = signed ? SimdWiden.extmulS((int) x, (int) y, fromBits) : SimdWiden.extmulU((int) x, (int) y, fromBits);
        s[a + 1] = signed ? SimdWiden.extmulS((int) (x >>> 32), (int) (y >>> 32), fromBits)
                : SimdWiden.extmulU((int) (x >>> 32), (int) (y >>> 32), fromBits);
    }

    private static long unary(int op, long x) {
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
            case F32X4_ABS -> SimdFloat.f32Abs(x);
            case F32X4_NEG -> SimdFloat.f32Neg(x);
            case F32X4_SQRT -> SimdFloat.f32Sqrt(x);
            case F32X4_CEIL -> SimdFloat.f32Ceil(x);
            case F32X4_FLOOR -> SimdFloat.f32Floor(x);
            case F32X4_TRUNC -> SimdFloat.f32Trunc(x);
            case F32X4_NEAREST -> SimdFloat.f32Nearest(x);
            case F64X2_ABS -> SimdFloat.f64Abs(x);
            case F64X2_NEG -> SimdFloat.f64Neg(x);
            case F64X2_SQRT -> SimdFloat.f64Sqrt(x);
            case F64X2_CEIL -> SimdFloat.f64Ceil(x);
            case F64X2_FLOOR -> SimdFloat.f64Floor(x);
            case F64X2_TRUNC -> SimdFloat.f64Trunc(x);
            case F64X2_NEAREST -> SimdFloat.f64Nearest(x);
            case I32X4_TRUNC_SAT_F32X4_S, I32X4_RELAXED_TRUNC_F32X4_S -> SimdConvert.truncSatF32S(x);
            case I32X4_TRUNC_SAT_F32X4_U, I32X4_RELAXED_TRUNC_F32X4_U -> SimdConvert.truncSatF32U(x);
            case F32X4_CONVERT_I32X4_S -> SimdConvert.convertI32S(x);
            case F32X4_CONVERT_I32X4_U -> SimdConvert.convertI32U(x);
            default -> throw unsupported(op);
        };
    }

    private static long ternary(int op, long x, long y, long z) {
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

    private static long binary(int op, long x, long y) {
        if (op >= I8X16_EQ && op <= I8X16_GE_U) return SimdCompare.ints(x, y, 8, op - I8X16_EQ);
        if (op >= I16X8_EQ && op <= I16X8_GE_U) return SimdCompare.ints(x, y, 16, op - I16X8_EQ);
        if (op >= I32X4_EQ && op <= I32X4_GE_U) return SimdCompare.ints(x, y, 32, op - I32X4_EQ);
        if (op >= I64X2_EQ && op <= I64X2_GE_S) return SimdCompare.ints(x, y, 64, SimdCompare.ofSix(op - I64X2_EQ));
        if (op >= F32X4_EQ && op <= F32X4_GE) return SimdCompare.f32(x, y, SimdCompare.ofSix(op - F32X4_EQ));
        if (op >= F64X2_EQ && op <= F64X2_GE) return SimdCompare.f64(x, y, SimdCompare.ofSix(op - F64X2_EQ));
        return switch (op) {
            case V128_AND -> x & y;
            case V128_ANDNOT -> x & ~y;
            case V128_OR -> x | y;
            case V128_XOR -> x ^ y;
            case I8X16_ADD -> SimdInt.add(x, y, 8);
            case I16X8_ADD -> SimdInt.add(x, y, 16);
            case I32X4_ADD -> SimdInt.add(x, y, 32);
            case I64X2_ADD -> x + y;
            case I8X16_SUB -> SimdInt.sub(x, y, 8);
            case I16X8_SUB -> SimdInt.sub(x, y, 16);
            case I32X4_SUB -> SimdInt.sub(x, y, 32);
            case I64X2_SUB -> x - y;
            case I16X8_MUL -> SimdInt.mul(x, y, 16);
            case I32X4_MUL -> SimdInt.mul(x, y, 32);
            case I64X2_MUL -> x * y;
            case I8X16_ADD_SAT_S -> SimdInt.addSatS(x, y, 8);
            case I16X8_ADD_SAT_S -> SimdInt.addSatS(x, y, 16);
            case I8X16_ADD_SAT_U -> SimdInt.addSatU(x, y, 8);
            case I16X8_ADD_SAT_U -> SimdInt.addSatU(x, y, 16);
            case I8X16_SUB_SAT_S -> SimdInt.subSatS(x, y, 8);
            case I16X8_SUB_SAT_S -> SimdInt.subSatS(x, y, 16);
            case I8X16_SUB_SAT_U -> SimdInt.subSatU(x, y, 8);
            case I16X8_SUB_SAT_U -> SimdInt.subSatU(x, y, 16);
            case I8X16_MIN_S -> SimdInt.minS(x, y, 8);
            case I16X8_MIN_S -> SimdInt.minS(x, y, 16);
            case I32X4_MIN_S -> SimdInt.minS(x, y, 32);
            case I8X16_MIN_U -> SimdInt.minU(x, y, 8);
            case I16X8_MIN_U -> SimdInt.minU(x, y, 16);
            case I32X4_MIN_U -> SimdInt.minU(x, y, 32);
            case I8X16_MAX_S -> SimdInt.maxS(x, y, 8);
            case I16X8_MAX_S -> SimdInt.maxS(x, y, 16);
            case I32X4_MAX_S -> SimdInt.maxS(x, y, 32);
            case I8X16_MAX_U -> SimdInt.maxU(x, y, 8);
            case I16X8_MAX_U -> SimdInt.maxU(x, y, 16);
            case I32X4_MAX_U -> SimdInt.maxU(x, y, 32);
            case I8X16_AVGR_U -> SimdInt.avgrU(x, y, 8);
            case I16X8_AVGR_U -> SimdInt.avgrU(x, y, 16);
            case I16X8_Q15MULR_SAT_S, I16X8_RELAXED_Q15MULR_S -> SimdInt.q15mulrSatS(x, y);
            case I32X4_DOT_I16X8_S -> SimdWiden.dotI16S(x, y);
            case I16X8_RELAXED_DOT_I8X16_I7X16_S -> SimdWiden.relaxedDotI8S(x, y);
            case F32X4_ADD -> SimdFloat.f32Add(x, y);
            case F32X4_SUB -> SimdFloat.f32Sub(x, y);
            case F32X4_MUL -> SimdFloat.f32Mul(x, y);
            case F32X4_DIV -> SimdFloat.f32Div(x, y);
            case F32X4_MIN, F32X4_RELAXED_MIN -> SimdFloat.f32Min(x, y);
            case F32X4_MAX, F32X4_RELAXED_MAX -> SimdFloat.f32Max(x, y);
            case F32X4_PMIN -> SimdFloat.f32Pmin(x, y);
            case F32X4_PMAX -> SimdFloat.f32Pmax(x, y);
            case F64X2_ADD -> SimdFloat.f64Add(x, y);
            case F64X2_SUB -> SimdFloat.f64Sub(x, y);
            case F64X2_MUL -> SimdFloat.f64Mul(x, y);
            case F64X2_DIV -> SimdFloat.f64Div(x, y);
            case F64X2_MIN, F64X2_RELAXED_MIN -> SimdFloat.f64Min(x, y);
            case F64X2_MAX, F64X2_RELAXED_MAX -> SimdFloat.f64Max(x, y);
            case F64X2_PMIN -> SimdFloat.f64Pmin(x, y);
            case F64X2_PMAX -> SimdFloat.f64Pmax(x, y);
            default -> throw unsupported(op);
        };
    }

    private static Trap unsupported(int op) {
        return new Trap("unsupported instruction: " + Opcodes.name(op));
    }
}
