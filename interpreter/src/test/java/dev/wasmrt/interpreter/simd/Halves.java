package dev.wasmrt.interpreter.simd;

/** Test helper: builds a 64-bit half from its lanes, lane 0 first. */
final class Halves {
    private Halves() {}

    static long i8(int... lanes) { return pack(8, lanes); }

    static long i16(int... lanes) { return pack(16, lanes); }

    static long i32(int lo, int hi) { return (lo & 0xFFFF_FFFFL) | ((long) hi << 32); }

    static long f32(float lo, float hi) { return i32(Float.floatToRawIntBits(lo), Float.floatToRawIntBits(hi)); }

    static long f64(double d) { return Double.doubleToRawLongBits(d); }

    private static long pack(int bits, int[] lanes) {
        if (lanes.length != 64 / bits) throw new IllegalArgumentException("need " + 64 / bits + " lanes");
        long mask = (1L << bits) - 1;
        long r = 0;
        for (int i = 0; i < lanes.length; i++) r |= (lanes[i] & mask) << (i * bits);
        return r;
    }
}
