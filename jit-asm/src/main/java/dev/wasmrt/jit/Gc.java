package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.gc.GcOps;
import dev.wasmrt.interpreter.gc.GcTypes;
import dev.wasmrt.interpreter.gc.WasmArray;
import dev.wasmrt.interpreter.gc.WasmStruct;

/**
 * GC instructions for generated code, operands in stack order (numbers as raw bits in a
 * {@code long}, a v128 as its {@link V128} whose halves the objects store as two longs, i32
 * indices and lengths read as unsigned), then the immediates. The checks and
 * traps are {@link GcOps}' and the objects' own, as in the interpreter. Public only because
 * generated classes live in another class loader.
 */
public final class Gc {
    private Gc() {}

    private static final long U32 = 0xFFFF_FFFFL;

    public static WasmStruct structNew(GcTypes t, int typeIndex) { return t.struct(typeIndex).allocate(); }

    public static long structGet(Object ref, int field, boolean unsigned) { return GcOps.struct(ref).getBits(field, unsigned); }

    public static Object structGetRef(Object ref, int field) { return GcOps.struct(ref).getRef(field); }

    public static void structSet(Object ref, long value, int field) { GcOps.struct(ref).setBits(field, value); }

    public static void structSetRef(Object ref, Object value, int field) { GcOps.struct(ref).setRef(field, value); }

    public static V128 structGetV128(Object ref, int field) {
        WasmStruct s = GcOps.struct(ref);
        return V128.of(s.getBits(field, false), s.getHigh(field));
    }

    public static void structSetV128(Object ref, V128 value, int field) { GcOps.struct(ref).setV128(field, value.lo, value.hi); }

    public static WasmArray arrayNew(long value, int count, GcTypes t, int typeIndex) {
        WasmArray a = t.allocateArray(typeIndex, count & U32);
        a.fill(0, count & U32, value, 0);
        return a;
    }

    public static WasmArray arrayNewRef(Object value, int count, GcTypes t, int typeIndex) {
        WasmArray a = t.allocateArray(typeIndex, count & U32);
        a.fillRef(0, count & U32, value);
        return a;
    }

    public static WasmArray arrayNewV128(V128 value, int count, GcTypes t, int typeIndex) {
        WasmArray a = t.allocateArray(typeIndex, count & U32);
        a.fill(0, count & U32, value.lo, value.hi);
        return a;
    }

    public static WasmArray arrayNewDefault(int count, GcTypes t, int typeIndex) { return t.allocateArray(typeIndex, count & U32); }

    public static WasmArray arrayNewFixed(GcTypes t, int typeIndex, int count) { return t.allocateArray(typeIndex, count); }

    public static WasmArray arrayNewData(int offset, int count, GcTypes t, int typeIndex, Instance inst, int data) {
        return GcOps.arrayNewData(t, typeIndex, inst.datas[data], offset & U32, count & U32);
    }

    public static WasmArray arrayNewElem(int offset, int count, GcTypes t, int typeIndex, Instance inst, int segment) {
        return GcOps.arrayNewElem(t, typeIndex, inst.elements[segment], offset & U32, count & U32);
    }

    public static long arrayGet(Object ref, int index, boolean unsigned) { return GcOps.array(ref).getBits(index & U32, unsigned); }

    public static Object arrayGetRef(Object ref, int index) { return GcOps.array(ref).getRef(index & U32); }

    public static void arraySet(Object ref, int index, long value) { GcOps.array(ref).setBits(index & U32, value); }

    public static void arraySetRef(Object ref, int index, Object value) { GcOps.array(ref).setRef(index & U32, value); }

    public static V128 arrayGetV128(Object ref, int index) {
        WasmArray a = GcOps.array(ref);
        return V128.of(a.getBits(index & U32, false), a.getHigh(index & U32));
    }

    public static void arraySetV128(Object ref, int index, V128 value) { GcOps.array(ref).setV128(index & U32, value.lo, value.hi); }

    public static int arrayLen(Object ref) { return GcOps.array(ref).length(); }

    public static void arrayFill(Object ref, int offset, long value, int count) {
        GcOps.array(ref).fill(offset & U32, count & U32, value, 0);
    }

    public static void arrayFillRef(Object ref, int offset, Object value, int count) {
        GcOps.array(ref).fillRef(offset & U32, count & U32, value);
    }

    public static void arrayFillV128(Object ref, int offset, V128 value, int count) {
        GcOps.array(ref).fill(offset & U32, count & U32, value.lo, value.hi);
    }

    public static void arrayCopy(Object dst, int dstOffset, Object src, int srcOffset, int count) {
        WasmArray d = GcOps.array(dst);
        d.copyFrom(GcOps.array(src), srcOffset & U32, dstOffset & U32, count & U32);
    }

    public static void arrayInitData(Object ref, int dstOffset, int offset, int count, Instance inst, int data) {
        GcOps.array(ref).loadData(dstOffset & U32, inst.datas[data], offset & U32, count & U32);
    }

    public static void arrayInitElem(Object ref, int dstOffset, int offset, int count, Instance inst, int segment) {
        GcOps.array(ref).loadRefs(dstOffset & U32, inst.elements[segment], offset & U32, count & U32);
    }
}
