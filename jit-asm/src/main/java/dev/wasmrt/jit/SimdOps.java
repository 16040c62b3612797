package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.interpreter.Global;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.simd.Lanes;
import dev.wasmrt.interpreter.simd.SimdBits;
import dev.wasmrt.interpreter.simd.SimdConvert;
import dev.wasmrt.interpreter.simd.SimdLanewise;
import dev.wasmrt.interpreter.simd.SimdMemory;
import dev.wasmrt.interpreter.simd.SimdShuffle;
import dev.wasmrt.interpreter.simd.SimdWiden;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The SIMD instructions for generated code, on {@link V128} values: each applies the semantic
 * helpers of {@code dev.wasmrt.interpreter.simd} (shared with the interpreter) to the halves.
 * Families of instructions share one entry point and take the opcode as a constant argument, so
 * the generated code stays one call per instruction. Public only because generated classes live
 * in another class loader; not an API.
 */
public final class SimdOps {
    private SimdOps() {}

    // ---- lane-wise: the same helper on each half ----

    public static V128 unary(V128 a, int op) {
        return new V128(SimdLanewise.unary(op, a.lo), SimdLanewise.unary(op, a.hi));
    }

    public static V128 binary(V128 a, V128 b, int op) {
        return new V128(SimdLanewise.binary(op, a.lo, b.lo), SimdLanewise.binary(op, a.hi, b.hi));
    }

    public static V128 ternary(V128 a, V128 b, V128 c, int op) {
        return new V128(SimdLanewise.ternary(op, a.lo, b.lo, c.lo), SimdLanewise.ternary(op, a.hi, b.hi, c.hi));
    }

    public static V128 shift(V128 a, int count, int op) {
        return new V128(SimdLanewise.shift(op, a.lo, count), SimdLanewise.shift(op, a.hi, count));
    }

    // ---- lanes and reductions ----

    public static V128 splat(long value, int bits) {
        long half = Lanes.splat(value, bits);
        return new V128(half, half);
    }

    /** Lane {@code lane} sign-extended (in raw bits for float lanes). */
    public static long extract(V128 v, int lane, int bits) { return Lanes.extract(v.lo, v.hi, lane, bits); }

    public static long extractU(V128 v, int lane, int bits) { return Lanes.extractU(v.lo, v.hi, lane, bits); }

    public static V128 replace(V128 v, long value, int lane, int bits) {
        return new V128(Lanes.replaceLo(v.lo, lane, bits, value), Lanes.replaceHi(v.hi, lane, bits, value));
    }

    public static int anyTrue(V128 v) { return SimdBits.anyTrue(v.lo, v.hi) ? 1 : 0; }

    public static int allTrue(V128 v, int bits) { return SimdBits.allTrue(v.lo, v.hi, bits) ? 1 : 0; }

    public static int bitmask(V128 v, int bits) { return SimdBits.bitmask(v.lo, v.hi, bits); }

    /** i8x16.shuffle with the sixteen lane indices packed eight to a long. */
    public static V128 shuffle(V128 a, V128 b, long indicesLo, long indicesHi) {
        return new V128(SimdShuffle.shuffle(a.lo, a.hi, b.lo, b.hi, indicesLo), SimdShuffle.shuffle(a.lo, a.hi, b.lo, b.hi, indicesHi));
    }

    // ---- instructions that move lanes between halves ----

    /** extmul_low/high_s/u of any shape. */
    public static V128 extmul(V128 a, V128 b, int op) {
        if (op >= I16X8_EXTMUL_LOW_I8X16_S && op <= I16X8_EXTMUL_HIGH_I8X16_U) return extmul(a, b, op - I16X8_EXTMUL_LOW_I8X16_S, 8);
        if (op >= I32X4_EXTMUL_LOW_I16X8_S && op <= I32X4_EXTMUL_HIGH_I16X8_U) return extmul(a, b, op - I32X4_EXTMUL_LOW_I16X8_S, 16);
        return extmul(a, b, op - I64X2_EXTMUL_LOW_I32X4_S, 32);
    }

    /** Narrowing or swizzle of two vectors. */
    public static V128 combine(V128 a, V128 b, int op) {
        return switch (op) {
            case I8X16_NARROW_I16X8_S -> new V128(SimdConvert.narrowS(a.lo, a.hi, 16), SimdConvert.narrowS(b.lo, b.hi, 16));
            case I8X16_NARROW_I16X8_U -> new V128(SimdConvert.narrowU(a.lo, a.hi, 16), SimdConvert.narrowU(b.lo, b.hi, 16));
            case I16X8_NARROW_I32X4_S -> new V128(SimdConvert.narrowS(a.lo, a.hi, 32), SimdConvert.narrowS(b.lo, b.hi, 32));
            case I16X8_NARROW_I32X4_U -> new V128(SimdConvert.narrowU(a.lo, a.hi, 32), SimdConvert.narrowU(b.lo, b.hi, 32));
            case I8X16_SWIZZLE, I8X16_RELAXED_SWIZZLE -> new V128(SimdShuffle.swizzle(a.lo, a.hi, b.lo), SimdShuffle.swizzle(a.lo, a.hi, b.hi));
            default -> throw new IllegalArgumentException(Opcodes.name(op));
        };
    }

    private static V128 extend(V128 a, int variant, int fromBits) {
        return new V128(SimdWiden.extend(variant, fromBits, a.lo, a.hi, 0), SimdWiden.extend(variant, fromBits, a.lo, a.hi, 1));
    }

    private static V128 extmul(V128 a, V128 b, int variant, int fromBits) {
        return new V128(SimdWiden.extmul(variant, fromBits, a.lo, a.hi, b.lo, b.hi, 0),
                SimdWiden.extmul(variant, fromBits, a.lo, a.hi, b.lo, b.hi, 1));
    }

    /**
     * Extension and the conversions between f64x2 and 32-bit lanes: "zero" forms fill the high
     * half with zeros, "low" forms read the low half.
     */
    public static V128 convert(V128 a, int op) {
        if (op >= I16X8_EXTEND_LOW_I8X16_S && op <= I16X8_EXTEND_HIGH_I8X16_U) return extend(a, op - I16X8_EXTEND_LOW_I8X16_S, 8);
        if (op >= I32X4_EXTEND_LOW_I16X8_S && op <= I32X4_EXTEND_HIGH_I16X8_U) return extend(a, op - I32X4_EXTEND_LOW_I16X8_S, 16);
        if (op >= I64X2_EXTEND_LOW_I32X4_S && op <= I64X2_EXTEND_HIGH_I32X4_U) return extend(a, op - I64X2_EXTEND_LOW_I32X4_S, 32);
        return switch (op) {
            case I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_RELAXED_TRUNC_F64X2_S_ZERO -> new V128(SimdConvert.truncSatF64SZero(a.lo, a.hi), 0);
            case I32X4_TRUNC_SAT_F64X2_U_ZERO, I32X4_RELAXED_TRUNC_F64X2_U_ZERO -> new V128(SimdConvert.truncSatF64UZero(a.lo, a.hi), 0);
            case F32X4_DEMOTE_F64X2_ZERO -> new V128(SimdConvert.demoteZero(a.lo, a.hi), 0);
            case F64X2_CONVERT_LOW_I32X4_S -> new V128(SimdConvert.f64ConvertI32S((int) a.lo), SimdConvert.f64ConvertI32S((int) (a.lo >>> 32)));
            case F64X2_CONVERT_LOW_I32X4_U -> new V128(SimdConvert.f64ConvertI32U((int) a.lo), SimdConvert.f64ConvertI32U((int) (a.lo >>> 32)));
            case F64X2_PROMOTE_LOW_F32X4 -> new V128(SimdConvert.promote((int) a.lo), SimdConvert.promote((int) (a.lo >>> 32)));
            default -> throw new IllegalArgumentException(Opcodes.name(op));
        };
    }

    // ---- memory: the address widened to long; Memory.effectiveAddress masks a 32-bit memory's ----

    public static V128 load(long address, long offset, Memory m, int op) {
        long ea = m.effectiveAddress(address, offset);
        switch (op) {
            case V128_LOAD -> {
                long lo = SimdMemory.loadLo(m, ea);
                return new V128(lo, SimdMemory.loadHi(m, ea));
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                long x = m.loadI64(ea);
                return new V128(SimdWiden.loadExtend(op, x, 0), SimdWiden.loadExtend(op, x, 1));
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                int bits = 8 << (op - V128_LOAD8_SPLAT);
                return splat(SimdMemory.loadScalar(m, ea, bits), bits);
            }
            case V128_LOAD32_ZERO -> { return new V128(m.loadI32(ea) & 0xFFFF_FFFFL, 0); }
            case V128_LOAD64_ZERO -> { return new V128(m.loadI64(ea), 0); }
            default -> throw new IllegalArgumentException(Opcodes.name(op));
        }
    }

    public static void store(long address, V128 v, long offset, Memory m) {
        SimdMemory.store(m, m.effectiveAddress(address, offset), v.lo, v.hi);
    }

    public static V128 loadLane(long address, V128 v, long offset, Memory m, int bits, int lane) {
        return replace(v, SimdMemory.loadScalar(m, m.effectiveAddress(address, offset), bits), lane, bits);
    }

    public static void storeLane(long address, V128 v, long offset, Memory m, int bits, int lane) {
        SimdMemory.storeScalar(m, m.effectiveAddress(address, offset), bits, extract(v, lane, bits));
    }

    // ---- the slot convention (calls, exception payloads): a v128 in two consecutive slots, low half first ----

    public static V128 read(long[] slots, int at) { return new V128(slots[at], slots[at + 1]); }

    public static void write(long[] slots, int at, V128 v) {
        slots[at] = v.lo;
        slots[at + 1] = v.hi;
    }

    // ---- globals: a v128 global keeps its halves in bits and high ----

    public static V128 global(Global g) { return new V128(g.bits, g.high); }

    public static void setGlobal(V128 v, Global g) {
        g.bits = v.lo;
        g.high = v.hi;
    }
}
