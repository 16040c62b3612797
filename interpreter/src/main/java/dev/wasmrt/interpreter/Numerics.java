package dev.wasmrt.interpreter;

/**
 * Wasm numeric semantics that Java does not give directly: trapping division, trapping and
 * saturating truncation, unsigned conversion, NaN-quieting min/max/rounding, and wide
 * arithmetic. Both engines call these (the compiler emits calls), so they cannot drift apart.
 *
 * <p>Floats travel as Java {@code float}/{@code double} where the bit pattern survives (it does
 * for loads, stores and arithmetic on HotSpot x64/aarch64); sign operations work on bits.
 * Where Java would hand back a signalling NaN input unchanged, the result is quieted, because
 * Wasm requires an arithmetic NaN from every arithmetic operation.
 */
public final class Numerics {
    private Numerics() {}

    private static final int F32_QUIET = 0x0040_0000;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;

    // ---- integer division ----

    public static int i32DivS(int a, int b) {
        if (b == 0) throw Trap.divideByZero();
        if (a == Integer.MIN_VALUE && b == -1) throw Trap.integerOverflow();
        return a / b;
    }

    public static int i32DivU(int a, int b) {
        if (b == 0) throw Trap.divideByZero();
        return Integer.divideUnsigned(a, b);
    }

    public static int i32RemS(int a, int b) {
        if (b == 0) throw Trap.divideByZero();
        return b == -1 ? 0 : a % b;
    }

    public static int i32RemU(int a, int b) {
        if (b == 0) throw Trap.divideByZero();
        return Integer.remainderUnsigned(a, b);
    }

    public static long i64DivS(long a, long b) {
        if (b == 0) throw Trap.divideByZero();
        if (a == Long.MIN_VALUE && b == -1) throw Trap.integerOverflow();
        return a / b;
    }

    public static long i64DivU(long a, long b) {
        if (b == 0) throw Trap.divideByZero();
        return Long.divideUnsigned(a, b);
    }

    public static long i64RemS(long a, long b) {
        if (b == 0) throw Trap.divideByZero();
        return b == -1 ? 0 : a % b;
    }

    public static long i64RemU(long a, long b) {
        if (b == 0) throw Trap.divideByZero();
        return Long.remainderUnsigned(a, b);
    }

    // ---- float operations ----

    public static float quiet(float f) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(f) | F32_QUIET);
    }

    public static double quiet(double d) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(d) | F64_QUIET);
    }

    public static float f32Min(float a, float b) {
        if (a != a || b != b) return quiet(a != a ? a : b);
        return Math.min(a, b);
    }

    public static float f32Max(float a, float b) {
        if (a != a || b != b) return quiet(a != a ? a : b);
        return Math.max(a, b);
    }

    public static double f64Min(double a, double b) {
        if (a != a || b != b) return quiet(a != a ? a : b);
        return Math.min(a, b);
    }

    public static double f64Max(double a, double b) {
        if (a != a || b != b) return quiet(a != a ? a : b);
        return Math.max(a, b);
    }

    public static float f32Ceil(float a) { return a != a ? quiet(a) : (float) Math.ceil(a); }

    public static float f32Floor(float a) { return a != a ? quiet(a) : (float) Math.floor(a); }

    public static float f32Trunc(float a) { return a != a ? quiet(a) : (float) (a < 0 ? Math.ceil(a) : Math.floor(a)); }

    /** Round to nearest, ties to even. */
    public static float f32Nearest(float a) { return a != a ? quiet(a) : (float) Math.rint(a); }

    public static float f32Sqrt(float a) { return a != a ? quiet(a) : (float) Math.sqrt(a); }

    public static double f64Ceil(double a) { return a != a ? quiet(a) : Math.ceil(a); }

    public static double f64Floor(double a) { return a != a ? quiet(a) : Math.floor(a); }

    public static double f64Trunc(double a) { return a != a ? quiet(a) : a < 0 ? Math.ceil(a) : Math.floor(a); }

    public static double f64Nearest(double a) { return a != a ? quiet(a) : Math.rint(a); }

    public static double f64Sqrt(double a) { return a != a ? quiet(a) : Math.sqrt(a); }

    // Sign operations are bit operations and never touch the NaN payload.

    public static int f32Abs(int bits) { return bits & 0x7FFF_FFFF; }

    public static int f32Neg(int bits) { return bits ^ 0x8000_0000; }

    public static int f32Copysign(int a, int b) { return (a & 0x7FFF_FFFF) | (b & 0x8000_0000); }

    public static long f64Abs(long bits) { return bits & Long.MAX_VALUE; }

    public static long f64Neg(long bits) { return bits ^ Long.MIN_VALUE; }

    public static long f64Copysign(long a, long b) { return (a & Long.MAX_VALUE) | (b & Long.MIN_VALUE); }

    public static float f32DemoteF64(double d) { return d != d ? quiet((float) d) : (float) d; }

    public static double f64PromoteF32(float f) { return f != f ? quiet((double) f) : f; }

    // ---- trapping truncation: NaN is an invalid conversion, out-of-range an overflow ----

    public static int i32TruncS(double d) {
        if (d != d) throw Trap.invalidConversion();
        if (!(d > -2147483649.0 && d < 2147483648.0)) throw Trap.integerOverflow();
        return (int) d;
    }

    public static int i32TruncU(double d) {
        if (d != d) throw Trap.invalidConversion();
        if (!(d > -1.0 && d < 4294967296.0)) throw Trap.integerOverflow();
        return (int) (long) d;
    }

    public static long i64TruncS(double d) {
        if (d != d) throw Trap.invalidConversion();
        if (!(d >= -9.223372036854775808E18 && d < 9.223372036854775808E18)) throw Trap.integerOverflow();
        return (long) d;
    }

    public static long i64TruncU(double d) {
        if (d != d) throw Trap.invalidConversion();
        if (!(d > -1.0 && d < 1.8446744073709551616E19)) throw Trap.integerOverflow();
        return toUnsignedLong(d);
    }

    private static long toUnsignedLong(double d) {
        if (d < 9.223372036854775808E18) return (long) d;
        return (long) (d - 9.223372036854775808E18) + Long.MIN_VALUE;
    }

    // ---- saturating truncation: NaN gives 0, out-of-range the nearest bound ----

    public static int i32TruncSatS(double d) { return (int) d; }

    public static int i32TruncSatU(double d) {
        if (d != d || d <= 0) return 0;
        if (d >= 4294967295.0) return -1;
        return (int) (long) d;
    }

    public static long i64TruncSatS(double d) { return (long) d; }

    public static long i64TruncSatU(double d) {
        if (d != d || d <= 0) return 0;
        if (d >= 1.8446744073709551616E19) return -1L;
        return toUnsignedLong(d);
    }

    // ---- unsigned conversion to float ----

    public static float f32ConvertI32U(int a) { return (float) (a & 0xFFFFFFFFL); }

    public static double f64ConvertI32U(int a) { return (double) (a & 0xFFFFFFFFL); }

    public static float f32ConvertI64U(long a) {
        if (a >= 0) return (float) a;
        // Halve keeping a sticky bit, so the one rounding step still sees every dropped bit.
        return (float) ((a >>> 1) | (a & 1)) * 2f;
    }

    public static double f64ConvertI64U(long a) {
        if (a >= 0) return (double) a;
        return (double) ((a >>> 1) | (a & 1)) * 2.0;
    }

    // ---- wide arithmetic: 128-bit results as (low, high) ----

    /** The high word of the 128-bit sum of (aLo, aHi) and (bLo, bHi); the low word is aLo + bLo. */
    public static long add128High(long aLo, long aHi, long bLo, long bHi) {
        long lo = aLo + bLo;
        long carry = Long.compareUnsigned(lo, aLo) < 0 ? 1 : 0;
        return aHi + bHi + carry;
    }

    /** The high word of (aLo, aHi) - (bLo, bHi); the low word is aLo - bLo. */
    public static long sub128High(long aLo, long aHi, long bLo, long bHi) {
        long borrow = Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0;
        return aHi - bHi - borrow;
    }

    public static long mulWideHighS(long a, long b) { return Math.multiplyHigh(a, b); }

    public static long mulWideHighU(long a, long b) { return Math.unsignedMultiplyHigh(a, b); }
}
