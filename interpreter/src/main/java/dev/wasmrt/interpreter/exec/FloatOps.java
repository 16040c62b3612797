package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.Numerics;

import static dev.wasmrt.decoder.model.Opcodes.*;

/** f32 and f64 comparisons and arithmetic; values are raw bits in the slots. */
final class FloatOps {
    private FloatOps() {}

    static float f32(long bits) { return Float.intBitsToFloat((int) bits); }

    static long bits(float f) { return Float.floatToRawIntBits(f) & 0xFFFFFFFFL; }

    static double f64(long bits) { return Double.longBitsToDouble(bits); }

    static long bits(double d) { return Double.doubleToRawLongBits(d); }

    static int exec(int op, long[] s, int sp) {
        long a = s[sp - 1];
        switch (op) {
            case F32_ABS -> s[sp - 1] = Numerics.f32Abs((int) a) & 0xFFFFFFFFL;
            case F32_NEG -> s[sp - 1] = Numerics.f32Neg((int) a) & 0xFFFFFFFFL;
            case F32_CEIL -> s[sp - 1] = bits(Numerics.f32Ceil(f32(a)));
            case F32_FLOOR -> s[sp - 1] = bits(Numerics.f32Floor(f32(a)));
            case F32_TRUNC -> s[sp - 1] = bits(Numerics.f32Trunc(f32(a)));
            case F32_NEAREST -> s[sp - 1] = bits(Numerics.f32Nearest(f32(a)));
            case F32_SQRT -> s[sp - 1] = bits(Numerics.f32Sqrt(f32(a)));
            case F64_ABS -> s[sp - 1] = Numerics.f64Abs(a);
            case F64_NEG -> s[sp - 1] = Numerics.f64Neg(a);
            case F64_CEIL -> s[sp - 1] = bits(Numerics.f64Ceil(f64(a)));
            case F64_FLOOR -> s[sp - 1] = bits(Numerics.f64Floor(f64(a)));
            case F64_TRUNC -> s[sp - 1] = bits(Numerics.f64Trunc(f64(a)));
            case F64_NEAREST -> s[sp - 1] = bits(Numerics.f64Nearest(f64(a)));
            case F64_SQRT -> s[sp - 1] = bits(Numerics.f64Sqrt(f64(a)));
            default -> {
                sp--;
                long x = s[sp - 1];
                long y = a;
                s[sp - 1] = op >= F64_EQ && op <= F64_GE || op >= F64_ADD ? binary64(op, f64(x), f64(y), x, y) : binary32(op, f32(x), f32(y), x, y);
            }
        }
        return sp;
    }

    private static long binary32(int op, float x, float y, long xb, long yb) {
        return switch (op) {
            case F32_EQ -> x == y ? 1 : 0;
            case F32_NE -> x != y ? 1 : 0;
            case F32_LT -> x < y ? 1 : 0;
            case F32_GT -> x > y ? 1 : 0;
            case F32_LE -> x <= y ? 1 : 0;
            case F32_GE -> x >= y ? 1 : 0;
            case F32_ADD -> bits(x + y);
            case F32_SUB -> bits(x - y);
            case F32_MUL -> bits(x * y);
            case F32_DIV -> bits(x / y);
            case F32_MIN -> bits(Numerics.f32Min(x, y));
            case F32_MAX -> bits(Numerics.f32Max(x, y));
            case F32_COPYSIGN -> Numerics.f32Copysign((int) xb, (int) yb) & 0xFFFFFFFFL;
            default -> throw SlowOps.unsupported(op);
        };
    }

    private static long binary64(int op, double x, double y, long xb, long yb) {
        return switch (op) {
            case F64_EQ -> x == y ? 1 : 0;
            case F64_NE -> x != y ? 1 : 0;
            case F64_LT -> x < y ? 1 : 0;
            case F64_GT -> x > y ? 1 : 0;
            case F64_LE -> x <= y ? 1 : 0;
            case F64_GE -> x >= y ? 1 : 0;
            case F64_ADD -> bits(x + y);
            case F64_SUB -> bits(x - y);
            case F64_MUL -> bits(x * y);
            case F64_DIV -> bits(x / y);
            case F64_MIN -> bits(Numerics.f64Min(x, y));
            case F64_MAX -> bits(Numerics.f64Max(x, y));
            case F64_COPYSIGN -> Numerics.f64Copysign(xb, yb);
            default -> throw SlowOps.unsupported(op);
        };
    }
}
