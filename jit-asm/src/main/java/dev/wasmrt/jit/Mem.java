package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;

/**
 * Memory access for generated code, operands in stack order so a load or store costs one static
 * call. The {@code 64} forms serve 64-bit memories; the others read the address as unsigned
 * 32-bit and the offset (an unsigned 32-bit immediate) likewise. Each is small enough for
 * HotSpot to inline, and the {@link Memory} methods raise the spec's trap.
 */
public final class Mem {
    private Mem() {}

    private static long ea(int address, int offset) { return (address & 0xFFFFFFFFL) + (offset & 0xFFFFFFFFL); }

    public static int i32(int a, int off, Memory m) { return m.loadI32(ea(a, off)); }
    public static long i64(int a, int off, Memory m) { return m.loadI64(ea(a, off)); }
    public static float f32(int a, int off, Memory m) { return Float.intBitsToFloat(m.loadI32(ea(a, off))); }
    public static double f64(int a, int off, Memory m) { return Double.longBitsToDouble(m.loadI64(ea(a, off))); }
    public static int s8(int a, int off, Memory m) { return m.loadI8(ea(a, off)); }
    public static int u8(int a, int off, Memory m) { return m.loadU8(ea(a, off)); }
    public static int s16(int a, int off, Memory m) { return m.loadI16(ea(a, off)); }
    public static int u16(int a, int off, Memory m) { return m.loadU16(ea(a, off)); }
    public static long u32(int a, int off, Memory m) { return m.loadI32(ea(a, off)) & 0xFFFFFFFFL; }

    public static void st32(int a, int v, int off, Memory m) { m.storeI32(ea(a, off), v); }
    public static void st64(int a, long v, int off, Memory m) { m.storeI64(ea(a, off), v); }
    public static void stf32(int a, float v, int off, Memory m) { m.storeI32(ea(a, off), Float.floatToRawIntBits(v)); }
    public static void stf64(int a, double v, int off, Memory m) { m.storeI64(ea(a, off), Double.doubleToRawLongBits(v)); }
    public static void st8(int a, int v, int off, Memory m) { m.storeI8(ea(a, off), v); }
    public static void st16(int a, int v, int off, Memory m) { m.storeI16(ea(a, off), v); }

    public static int i32(long a, long off, Memory m) { return m.loadI32(m.effectiveAddress(a, off)); }
    public static long i64(long a, long off, Memory m) { return m.loadI64(m.effectiveAddress(a, off)); }
    public static float f32(long a, long off, Memory m) { return Float.intBitsToFloat(m.loadI32(m.effectiveAddress(a, off))); }
    public static double f64(long a, long off, Memory m) { return Double.longBitsToDouble(m.loadI64(m.effectiveAddress(a, off))); }
    public static int s8(long a, long off, Memory m) { return m.loadI8(m.effectiveAddress(a, off)); }
    public static int u8(long a, long off, Memory m) { return m.loadU8(m.effectiveAddress(a, off)); }
    public static int s16(long a, long off, Memory m) { return m.loadI16(m.effectiveAddress(a, off)); }
    public static int u16(long a, long off, Memory m) { return m.loadU16(m.effectiveAddress(a, off)); }
    public static long u32(long a, long off, Memory m) { return m.loadI32(m.effectiveAddress(a, off)) & 0xFFFFFFFFL; }

    public static void st32(long a, int v, long off, Memory m) { m.storeI32(m.effectiveAddress(a, off), v); }
    public static void st64(long a, long v, long off, Memory m) { m.storeI64(m.effectiveAddress(a, off), v); }
    public static void stf32(long a, float v, long off, Memory m) { m.storeI32(m.effectiveAddress(a, off), Float.floatToRawIntBits(v)); }
    public static void stf64(long a, double v, long off, Memory m) { m.storeI64(m.effectiveAddress(a, off), Double.doubleToRawLongBits(v)); }
    public static void st8(long a, int v, long off, Memory m) { m.storeI8(m.effectiveAddress(a, off), v); }
    public static void st16(long a, int v, long off, Memory m) { m.storeI16(m.effectiveAddress(a, off), v); }

    public static int size(Memory m) { return (int) m.pages(); }
    public static long size64(Memory m) { return m.pages(); }
    public static int grow(int delta, Memory m) { return (int) m.grow(delta & 0xFFFFFFFFL); }
    public static long grow64(long delta, Memory m) { return m.grow(delta); }

    public static void fill(int a, int value, int length, Memory m) { m.fill(a & 0xFFFFFFFFL, value, length & 0xFFFFFFFFL); }
    public static void fill64(long a, int value, long length, Memory m) { m.fill(a, value, length); }

    /** memory.copy with operands widened as in the interpreter: the length is 64-bit only when both memories are. */
    public static void copy(long dst, long src, long length, Memory dstMem, Memory srcMem) {
        dstMem.copyFrom(srcMem, srcMem.is64() ? src : src & 0xFFFFFFFFL, dstMem.is64() ? dst : dst & 0xFFFFFFFFL,
                dstMem.is64() && srcMem.is64() ? length : length & 0xFFFFFFFFL);
    }

    public static void init(long dst, int src, int length, Memory m, Instance instance, int segment) {
        m.init(m.is64() ? dst : dst & 0xFFFFFFFFL, instance.datas[segment], src & 0xFFFFFFFFL, length & 0xFFFFFFFFL);
    }
}
