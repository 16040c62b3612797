package dev.wasmrt.interpreter.simd;

import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Trap;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The interpreter's SIMD instructions (opcodes {@code 0x400} and up) on its operand stack: a
 * {@code long[]} of slots where a v128 takes two, low half first, and {@code sp} is the height.
 * Lane-wise instructions go through {@link SimdLanewise}; the rest are spelled out here.
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
                long value = SimdMemory.loadScalar(inst.memories[code[pc + 2]], address(s[sp - 3], code, pc, inst), bits);
                int lane = code[pc + 5];
                s[sp - 3] = Lanes.replaceLo(s[sp - 2], lane, bits, value);
                s[sp - 2] = Lanes.replaceHi(s[sp - 1], lane, bits, value);
                return sp - 1;
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE: {
                int bits = 8 << (op - V128_STORE8_LANE);
                Memory m = inst.memories[code[pc + 2]];
                long value = Lanes.extract(s[sp - 2], s[sp - 1], code[pc + 5], bits);
                SimdMemory.storeScalar(m, m.effectiveAddress(s[sp - 3], offset(code, pc)), bits, value);
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
            default:
                return lanewise(op, s, sp);
        }
    }

    /** A {@link SimdLanewise} instruction: its helper applied to each half of the operands on top. */
    private static int lanewise(int op, long[] s, int sp) {
        switch (SimdLanewise.arity(op)) {
            case 1:
                s[sp - 2] = SimdLanewise.unary(op, s[sp - 2]);
                s[sp - 1] = SimdLanewise.unary(op, s[sp - 1]);
                return sp;
            case 2: {
                int a = sp - 4;
                s[a] = SimdLanewise.binary(op, s[a], s[a + 2]);
                s[a + 1] = SimdLanewise.binary(op, s[a + 1], s[a + 3]);
                return sp - 2;
            }
            case 3: {
                int a = sp - 6;
                s[a] = SimdLanewise.ternary(op, s[a], s[a + 2], s[a + 4]);
                s[a + 1] = SimdLanewise.ternary(op, s[a + 1], s[a + 3], s[a + 5]);
                return sp - 4;
            }
            default:
                throw unsupported(op);
        }
    }

    private static long word(int low, int high) { return (low & 0xFFFF_FFFFL) | ((long) high << 32); }

    private static long offset(int[] code, int pc) { return word(code[pc + 3], code[pc + 4]); }

    private static long address(long base, int[] code, int pc, Instance inst) {
        return inst.memories[code[pc + 2]].effectiveAddress(base, offset(code, pc));
    }

    /** The lane width of a splat instruction. */
    public static int splatBits(int op) {
        return switch (op) {
            case I8X16_SPLAT -> 8;
            case I16X8_SPLAT -> 16;
            case I32X4_SPLAT, F32X4_SPLAT -> 32;
            default -> 64;
        };
    }

    /** The lane width of a lane access, all_true or bitmask instruction. */
    public static int laneBits(int op) {
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
                lo = SimdWiden.loadExtend(op, x, 0);
                hi = SimdWiden.loadExtend(op, x, 1);
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                int bits = 8 << (op - V128_LOAD8_SPLAT);
                lo = hi = Lanes.splat(SimdMemory.loadScalar(m, ea, bits), bits);
            }
            case V128_LOAD32_ZERO -> { lo = m.loadI32(ea) & 0xFFFF_FFFFL; hi = 0; }
            case V128_LOAD64_ZERO -> { lo = m.loadI64(ea); hi = 0; }
            default -> throw unsupported(op);
        }
        s[at] = lo;
        s[at + 1] = hi;
    }

    /** The vector at {@code sp-3, sp-2} shifted by the i32 at {@code sp-1}. */
    private static void shift(int op, long[] s, int sp) {
        int count = (int) s[sp - 1];
        s[sp - 3] = SimdLanewise.shift(op, s[sp - 3], count);
        s[sp - 2] = SimdLanewise.shift(op, s[sp - 2], count);
    }

    /** extend_low/high_s/u of the vector on top, {@code variant} as in {@link SimdWiden#extend(int, int, long, long, int)}. */
    private static void extend(int variant, int fromBits, long[] s, int sp) {
        long lo = s[sp - 2], hi = s[sp - 1];
        s[sp - 2] = SimdWiden.extend(variant, fromBits, lo, hi, 0);
        s[sp - 1] = SimdWiden.extend(variant, fromBits, lo, hi, 1);
    }

    /** extmul_low/high_s/u of the two vectors on top. */
    private static void extmul(int variant, int fromBits, long[] s, int sp) {
        int a = sp - 4, b = sp - 2;
        long aLo = s[a], aHi = s[a + 1];
        s[a] = SimdWiden.extmul(variant, fromBits, aLo, aHi, s[b], s[b + 1], 0);
        s[a + 1] = SimdWiden.extmul(variant, fromBits, aLo, aHi, s[b], s[b + 1], 1);
    }

    private static Trap unsupported(int op) {
        return new Trap("unsupported instruction: " + Opcodes.name(op));
    }
}
