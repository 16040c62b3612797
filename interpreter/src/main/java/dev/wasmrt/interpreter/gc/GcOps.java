package dev.wasmrt.interpreter.gc;

import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Trap;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The GC instructions (the 0xFB range except the two branches) over an engine's operand stack:
 * raw bits in {@code s}, references in {@code r}, {@code sp} the first free slot, immediates as
 * {@link dev.wasmrt.decoder.model.Immediates} lays them out from {@code code[pc + 1]}. Each
 * returns the new stack height. A value takes one slot, a v128 two; an instruction grows the
 * stack by at most one slot. Used by the interpreter and by constant expressions; compiled code
 * calls the public helpers below directly, so both engines share their checks and trap order.
 */
public final class GcOps {
    private static final long U32 = 0xFFFF_FFFFL;

    private GcOps() {}

    /** @param inst the instance whose data and element segments array.new_data/_elem and array.init_* read */
    public static int exec(int op, int[] code, int pc, long[] s, Object[] r, int sp, GcTypes t, Instance inst) {
        switch (op) {
            case STRUCT_NEW: return structNew(t.struct(code[pc + 1]), s, r, sp);
            case STRUCT_NEW_DEFAULT:
                s[sp] = 0;
                r[sp] = t.struct(code[pc + 1]).allocate();
                return sp + 1;
            case STRUCT_GET: case STRUCT_GET_S: case STRUCT_GET_U: return structGet(op, code[pc + 2], s, r, sp);
            case STRUCT_SET: return structSet(t.struct(code[pc + 1]), code[pc + 2], s, r, sp);
            case ARRAY_NEW: return arrayNew(t, code[pc + 1], s, r, sp);
            case ARRAY_NEW_DEFAULT:
                r[sp - 1] = t.allocateArray(code[pc + 1], s[sp - 1] & U32);
                s[sp - 1] = 0;
                return sp;
            case ARRAY_NEW_FIXED: return arrayNewFixed(t, code[pc + 1], code[pc + 2], s, r, sp);
            case ARRAY_NEW_DATA:
                return pushRef(arrayNewData(t, code[pc + 1], inst.datas[code[pc + 2]], s[sp - 2] & U32, s[sp - 1] & U32), s, r, sp - 2);
            case ARRAY_NEW_ELEM:
                return pushRef(arrayNewElem(t, code[pc + 1], inst.elements[code[pc + 2]], s[sp - 2] & U32, s[sp - 1] & U32), s, r, sp - 2);
            case ARRAY_GET: case ARRAY_GET_S: case ARRAY_GET_U: return arrayGet(op, s, r, sp);
            case ARRAY_SET: return arraySet(t.element(code[pc + 1]), s, r, sp);
            case ARRAY_LEN:
                s[sp - 1] = array(r[sp - 1]).length();
                r[sp - 1] = null;
                return sp;
            case ARRAY_FILL: return arrayFill(t.element(code[pc + 1]), s, r, sp);
            case ARRAY_COPY: {
                sp -= 5;
                WasmArray dst = array(r[sp]), src = array(r[sp + 2]);
                dst.copyFrom(src, s[sp + 3] & U32, s[sp + 1] & U32, s[sp + 4] & U32);
                return sp;
            }
            case ARRAY_INIT_DATA:
                sp -= 4;
                array(r[sp]).loadData(s[sp + 1] & U32, inst.datas[code[pc + 2]], s[sp + 2] & U32, s[sp + 3] & U32);
                return sp;
            case ARRAY_INIT_ELEM:
                sp -= 4;
                array(r[sp]).loadRefs(s[sp + 1] & U32, inst.elements[code[pc + 2]], s[sp + 2] & U32, s[sp + 3] & U32);
                return sp;
            case REF_TEST: case REF_TEST_NULL:
                s[sp - 1] = Casts.test(r[sp - 1], code[pc + 1], op == REF_TEST_NULL, t) ? 1 : 0;
                r[sp - 1] = null;
                return sp;
            case REF_CAST: case REF_CAST_NULL:
                Casts.cast(r[sp - 1], code[pc + 1], op == REF_CAST_NULL, t);
                return sp;
            case ANY_CONVERT_EXTERN: r[sp - 1] = ExternConversions.internalize(r[sp - 1]); return sp;
            case EXTERN_CONVERT_ANY: r[sp - 1] = ExternConversions.externalize(r[sp - 1]); return sp;
            case REF_I31:
                r[sp - 1] = I31Ref.of((int) s[sp - 1]);
                s[sp - 1] = 0;
                return sp;
            case I31_GET_S: case I31_GET_U:
                s[sp - 1] = i31Get(r[sp - 1], op == I31_GET_S);
                r[sp - 1] = null;
                return sp;
            default: throw new Trap("unsupported instruction: " + name(op));
        }
    }

    /**
     * br_on_cast / br_on_cast_fail (immediates: flags, label, source heap type, target heap
     * type): whether the branch is taken for operand {@code value}.
     */
    public static boolean branchTaken(int op, int[] code, int pc, Object value, GcTypes t) {
        boolean targetNullable = (code[pc + 1] & 2) != 0;
        boolean matches = Casts.test(value, code[pc + 4], targetNullable, t);
        return op == BR_ON_CAST == matches;
    }

    /** array.new_data: {@code count} elements read from {@code data} at byte {@code offset} (unsigned i32 values). */
    public static WasmArray arrayNewData(GcTypes t, int typeIndex, byte[] data, long offset, long count) {
        if (offset + count * t.element(typeIndex).bytes > data.length) throw GcTraps.dataOutOfBounds();
        WasmArray a = t.allocateArray(typeIndex, count);
        a.loadData(0, data, offset, count);
        return a;
    }

    /** array.new_elem: {@code count} references from a segment's items at {@code offset} (unsigned i32 values). */
    public static WasmArray arrayNewElem(GcTypes t, int typeIndex, Object[] items, long offset, long count) {
        if (offset + count > items.length) throw GcTraps.elementsOutOfBounds();
        WasmArray a = t.allocateArray(typeIndex, count);
        a.loadRefs(0, items, offset, count);
        return a;
    }

    /** i31.get_s / i31.get_u, trapping on null. */
    public static int i31Get(Object ref, boolean signed) {
        if (!(ref instanceof I31Ref i)) throw GcTraps.nullI31();
        return signed ? i.signed() : i.unsigned();
    }

    private static int structNew(StructLayout layout, long[] s, Object[] r, int sp) {
        int at = sp - layout.operandSlots();
        int base = at;
        WasmStruct obj = layout.allocate();
        for (int f = 0; f < layout.fieldCount(); f++) {
            switch (layout.kind(f)) {
                case REF -> obj.setRef(f, r[at++]);
                case V128 -> {
                    obj.setV128(f, s[at], s[at + 1]);
                    at += 2;
                }
                default -> obj.setBits(f, s[at++]);
            }
        }
        return pushRef(obj, s, r, base);
    }

    private static int structGet(int op, int field, long[] s, Object[] r, int sp) {
        WasmStruct obj = struct(r[sp - 1]);
        switch (obj.layout.kind(field)) {
            case REF -> r[sp - 1] = obj.getRef(field);
            case V128 -> {
                s[sp - 1] = obj.getBits(field, false);
                s[sp] = obj.getHigh(field);
                r[sp - 1] = null;
                r[sp] = null;
                return sp + 1;
            }
            default -> {
                s[sp - 1] = obj.getBits(field, op == STRUCT_GET_U);
                r[sp - 1] = null;
            }
        }
        return sp;
    }

    private static int structSet(StructLayout layout, int field, long[] s, Object[] r, int sp) {
        StorageKind kind = layout.kind(field);
        int at = sp - kind.slots();
        WasmStruct obj = struct(r[at - 1]);
        switch (kind) {
            case REF -> obj.setRef(field, r[at]);
            case V128 -> obj.setV128(field, s[at], s[at + 1]);
            default -> obj.setBits(field, s[at]);
        }
        return at - 1;
    }

    private static int arrayNew(GcTypes t, int typeIndex, long[] s, Object[] r, int sp) {
        StorageKind kind = t.element(typeIndex);
        long count = s[sp - 1] & U32;
        int at = sp - 1 - kind.slots();
        WasmArray a = t.allocateArray(typeIndex, count);
        switch (kind) {
            case REF -> a.fillRef(0, count, r[at]);
            case V128 -> a.fill(0, count, s[at], s[at + 1]);
            default -> a.fill(0, count, s[at], 0);
        }
        return pushRef(a, s, r, at);
    }

    private static int arrayNewFixed(GcTypes t, int typeIndex, int count, long[] s, Object[] r, int sp) {
        StorageKind kind = t.element(typeIndex);
        int at = sp - count * kind.slots();
        int base = at;
        WasmArray a = t.allocateArray(typeIndex, count);
        for (int i = 0; i < count; i++) {
            switch (kind) {
                case REF -> a.setRef(i, r[at++]);
                case V128 -> {
                    a.setV128(i, s[at], s[at + 1]);
                    at += 2;
                }
                default -> a.setBits(i, s[at++]);
            }
        }
        return pushRef(a, s, r, base);
    }

    private static int arrayGet(int op, long[] s, Object[] r, int sp) {
        long index = s[--sp] & U32;
        WasmArray a = array(r[sp - 1]);
        switch (a.kind()) {
            case REF -> r[sp - 1] = a.getRef(index);
            case V128 -> {
                s[sp - 1] = a.getBits(index, false);
                s[sp] = a.getHigh(index);
                r[sp - 1] = null;
                r[sp] = null;
                return sp + 1;
            }
            default -> {
                s[sp - 1] = a.getBits(index, op == ARRAY_GET_U);
                r[sp - 1] = null;
            }
        }
        return sp;
    }

    private static int arraySet(StorageKind kind, long[] s, Object[] r, int sp) {
        int at = sp - kind.slots();
        long index = s[at - 1] & U32;
        WasmArray a = array(r[at - 2]);
        switch (kind) {
            case REF -> a.setRef(index, r[at]);
            case V128 -> a.setV128(index, s[at], s[at + 1]);
            default -> a.setBits(index, s[at]);
        }
        return at - 2;
    }

    private static int arrayFill(StorageKind kind, long[] s, Object[] r, int sp) {
        long count = s[sp - 1] & U32;
        int at = sp - 1 - kind.slots();
        long offset = s[at - 1] & U32;
        WasmArray a = array(r[at - 2]);
        switch (kind) {
            case REF -> a.fillRef(offset, count, r[at]);
            case V128 -> a.fill(offset, count, s[at], s[at + 1]);
            default -> a.fill(offset, count, s[at], 0);
        }
        return at - 2;
    }

    /** The struct a struct reference operand names, or the null-structure trap. */
    public static WasmStruct struct(Object ref) {
        if (!(ref instanceof WasmStruct s)) throw GcTraps.nullStructure();
        return s;
    }

    /** The array an array reference operand names, or the null-array trap. */
    public static WasmArray array(Object ref) {
        if (ref == null) throw GcTraps.nullArray();
        return (WasmArray) ref;
    }

    private static int pushRef(Object value, long[] s, Object[] r, int at) {
        s[at] = 0;
        r[at] = value;
        return at + 1;
    }
}
