package dev.wasmrt.jit;

import dev.wasmrt.interpreter.ExceptionRef;
import dev.wasmrt.interpreter.ExecContext;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Numerics;
import dev.wasmrt.interpreter.Table;
import dev.wasmrt.interpreter.Tag;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.WasmException;
import dev.wasmrt.interpreter.gc.I31Ref;

/**
 * Static helpers that generated code calls for the rarer or bulkier instructions (traps,
 * exceptions, tables, indirect calls). Public only because generated classes live in another
 * class loader; not an API.
 */
public final class Rt {
    private Rt() {}

    /** Restores the call depth after an exception skipped where the frames it unwound would have (a trampoline's restore). */
    public static void unwindDepth(ExecContext ctx, int depth) {
        while (ctx.depth() > depth) ctx.leave();
    }

    /** Records the frame of compiled function {@code funcIndex} on a trap passing through it. */
    public static Trap trapFrame(Trap t, JitInstance state, int funcIndex) {
        t.addFrame(state.instance.functionName(funcIndex));
        return t;
    }

    /** The Wasm exception caught by a try_table handler, with the call depth repaired. */
    public static ExceptionRef caught(WasmException e, ExecContext ctx, int depth) {
        unwindDepth(ctx, depth);
        return e.exception();
    }

    public static WasmException exception(Tag tag, long[] bits, Object[] refs) {
        return new WasmException(new ExceptionRef(tag, bits, refs));
    }

    /** throw_ref: the exception to throw, or the null-reference trap. */
    public static RuntimeException throwRef(Object exn) {
        if (exn == null) return Trap.nullReference();
        return new WasmException((ExceptionRef) exn);
    }

    /** call_indirect's checks in the spec's order; returns the callee. */
    public static FunctionInstance indirect(Table table, long index, FuncType expected) {
        Object[] e = table.elements;
        if (index < 0 || index >= e.length) throw Trap.undefinedElement();
        if (!(e[(int) index] instanceof FunctionInstance f)) throw Trap.uninitializedElement(index);
        FuncType actual = f.type();
        if (actual != expected && !actual.isSubtypeOf(expected)) throw Trap.indirectCallTypeMismatch();
        return f;
    }

    public static FunctionInstance functionRef(Object ref) {
        if (ref == null) throw Trap.nullFunctionReference();
        return (FunctionInstance) ref;
    }

    public static Object nonNull(Object ref) {
        if (ref == null) throw Trap.nullReference();
        return ref;
    }

    public static float f32Copysign(float a, float b) {
        return Float.intBitsToFloat(Numerics.f32Copysign(Float.floatToRawIntBits(a), Float.floatToRawIntBits(b)));
    }

    public static double f64Copysign(double a, double b) {
        return Double.longBitsToDouble(Numerics.f64Copysign(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b)));
    }

    public static int refEq(Object a, Object b) { return I31Ref.refEq(a, b) ? 1 : 0; }

    public static int isNull(Object a) { return a == null ? 1 : 0; }

    // ---- tables: indices are unsigned i32 or i64 ----

    public static Object tableGet(int index, Table t) { return t.get(index & 0xFFFFFFFFL); }

    public static Object tableGet64(long index, Table t) { return t.get(index); }

    public static void tableSet(int index, Object value, Table t) { t.set(index & 0xFFFFFFFFL, value); }

    public static void tableSet64(long index, Object value, Table t) { t.set(index, value); }

    public static int tableGrow(Object init, int delta, Table t) { return (int) t.grow(delta & 0xFFFFFFFFL, init); }

    public static long tableGrow64(Object init, long delta, Table t) { return t.grow(delta, init); }

    public static void tableFill(int index, Object value, int length, Table t) {
        t.fill(index & 0xFFFFFFFFL, value, length & 0xFFFFFFFFL);
    }

    public static void tableFill64(long index, Object value, long length, Table t) { t.fill(index, value, length); }

    /** table.copy with each operand widened as its table's index type requires (the length by both). */
    public static void tableCopy(long dst, long src, long length, Table dstTable, Table srcTable) {
        dstTable.copyFrom(srcTable, srcTable.is64() ? src : src & 0xFFFFFFFFL, dstTable.is64() ? dst : dst & 0xFFFFFFFFL,
                dstTable.is64() && srcTable.is64() ? length : length & 0xFFFFFFFFL);
    }

    public static void tableInit(long dst, int src, int length, Table t, Instance instance, int segment) {
        t.init(t.is64() ? dst : dst & 0xFFFFFFFFL, instance.elements[segment], src & 0xFFFFFFFFL, length & 0xFFFFFFFFL);
    }
}
