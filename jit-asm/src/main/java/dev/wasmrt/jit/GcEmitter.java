package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import org.objectweb.asm.MethodVisitor;

import static dev.wasmrt.jit.JvmType.INT;
import static dev.wasmrt.jit.JvmType.REF;
import static org.objectweb.asm.Opcodes.*;

/**
 * The GC instructions: static calls to {@link Gc} (or to the interpreter's {@code Casts},
 * {@code ExternConversions}, {@code I31Ref} and {@code GcOps}) with numbers as raw bits, then
 * the immediates and the instance's {@code GcTypes} where a type must be resolved. An access
 * that moves a value calls the {@code Gc} method for the value's form: bits, {@code Ref} or
 * {@code V128}. struct.new and array.new_fixed allocate and then store each operand, so nothing
 * is boxed.
 */
final class GcEmitter {
    private GcEmitter() {}

    private static final String GC = "dev/wasmrt/jit/Gc";
    private static final String GC_TYPES_DESC = "Ldev/wasmrt/interpreter/gc/GcTypes;";
    private static final String STRUCT = "dev/wasmrt/interpreter/gc/WasmStruct";
    private static final String ARRAY = "dev/wasmrt/interpreter/gc/WasmArray";
    private static final String ARRAY_DESC = "L" + ARRAY + ";";
    private static final String OBJECT = "Ljava/lang/Object;";

    /** Emits {@code op}; false when it is not a GC instruction. */
    static boolean emit(FunctionTranslator t, int op, int pc) {
        if (op < Opcodes.PREFIX_FB || op >= Opcodes.PREFIX_FE) return false;
        int[] ops = t.ops();
        MethodVisitor mv = t.visitor();
        int type = ops[pc + 1];
        switch (op) {
            case Opcodes.STRUCT_NEW -> structNew(t, type);
            case Opcodes.STRUCT_NEW_DEFAULT -> {
                t.loadGcTypes();
                Gen.pushInt(mv, type);
                mv.visitMethodInsn(INVOKESTATIC, GC, "structNew", "(" + GC_TYPES_DESC + "I)L" + STRUCT + ";", false);
                t.pushType(REF);
            }
            case Opcodes.STRUCT_GET, Opcodes.STRUCT_GET_S, Opcodes.STRUCT_GET_U -> {
                JvmType v = JvmType.of(field(t.module(), type, ops[pc + 2]).type());
                Gen.pushInt(mv, ops[pc + 2]);
                get(mv, v, "structGet", op == Opcodes.STRUCT_GET_U);
                t.popTypes(1);
                t.pushType(v);
            }
            case Opcodes.STRUCT_SET -> {
                structSet(mv, t.types(1)[0], ops[pc + 2]);
                t.popTypes(2);
            }
            case Opcodes.ARRAY_NEW -> {
                JvmType v = t.types(2)[0];
                valueToBitsBelowCount(t, v);
                withType(t, type);
                call(mv, v, "arrayNew", "(%I" + GC_TYPES_DESC + "I)" + ARRAY_DESC);
                t.popTypes(2);
                t.pushType(REF);
            }
            case Opcodes.ARRAY_NEW_DEFAULT -> {
                withType(t, type);
                mv.visitMethodInsn(INVOKESTATIC, GC, "arrayNewDefault", "(I" + GC_TYPES_DESC + "I)" + ARRAY_DESC, false);
                t.popTypes(1);
                t.pushType(REF);
            }
            case Opcodes.ARRAY_NEW_FIXED -> arrayNewFixed(t, type, ops[pc + 2]);
            case Opcodes.ARRAY_NEW_DATA, Opcodes.ARRAY_NEW_ELEM -> {
                withType(t, type);
                t.loadInstance();
                Gen.pushInt(mv, ops[pc + 2]);
                String name = op == Opcodes.ARRAY_NEW_DATA ? "arrayNewData" : "arrayNewElem";
                mv.visitMethodInsn(INVOKESTATIC, GC, name, "(II" + GC_TYPES_DESC + "I" + Gen.INSTANCE_DESC + "I)" + ARRAY_DESC, false);
                t.popTypes(2);
                t.pushType(REF);
            }
            case Opcodes.ARRAY_GET, Opcodes.ARRAY_GET_S, Opcodes.ARRAY_GET_U -> {
                JvmType v = JvmType.of(element(t.module(), type).type());
                get(mv, v, "arrayGet", op == Opcodes.ARRAY_GET_U);
                t.popTypes(2);
                t.pushType(v);
            }
            case Opcodes.ARRAY_SET -> {
                arraySet(mv, t.types(1)[0]);
                t.popTypes(3);
            }
            case Opcodes.ARRAY_LEN -> {
                mv.visitMethodInsn(INVOKESTATIC, GC, "arrayLen", "(" + OBJECT + ")I", false);
                t.popTypes(1);
                t.pushType(INT);
            }
            case Opcodes.ARRAY_FILL -> {
                JvmType v = t.types(2)[0];
                valueToBitsBelowCount(t, v);
                call(mv, v, "arrayFill", "(" + OBJECT + "I%I)V");
                t.popTypes(4);
            }
            case Opcodes.ARRAY_COPY -> {
                mv.visitMethodInsn(INVOKESTATIC, GC, "arrayCopy", "(" + OBJECT + "I" + OBJECT + "II)V", false);
                t.popTypes(5);
            }
            case Opcodes.ARRAY_INIT_DATA, Opcodes.ARRAY_INIT_ELEM -> {
                t.loadInstance();
                Gen.pushInt(mv, ops[pc + 2]);
                String name = op == Opcodes.ARRAY_INIT_DATA ? "arrayInitData" : "arrayInitElem";
                mv.visitMethodInsn(INVOKESTATIC, GC, name, "(" + OBJECT + "III" + Gen.INSTANCE_DESC + "I)V", false);
                t.popTypes(4);
            }
            case Opcodes.REF_TEST, Opcodes.REF_TEST_NULL -> {
                castOperands(t, type, op == Opcodes.REF_TEST_NULL);
                mv.visitMethodInsn(INVOKESTATIC, "dev/wasmrt/interpreter/gc/Casts", "test", "(" + OBJECT + "IZ" + GC_TYPES_DESC + ")Z", false);
                t.popTypes(1);
                t.pushType(INT);
            }
            case Opcodes.REF_CAST, Opcodes.REF_CAST_NULL -> {
                castOperands(t, type, op == Opcodes.REF_CAST_NULL);
                mv.visitMethodInsn(INVOKESTATIC, "dev/wasmrt/interpreter/gc/Casts", "cast", "(" + OBJECT + "IZ" + GC_TYPES_DESC + ")" + OBJECT, false);
            }
            case Opcodes.BR_ON_CAST, Opcodes.BR_ON_CAST_FAIL -> {
                mv.visitInsn(DUP);
                castOperands(t, ops[pc + 4], (ops[pc + 1] & 2) != 0);
                mv.visitMethodInsn(INVOKESTATIC, "dev/wasmrt/interpreter/gc/Casts", "test", "(" + OBJECT + "IZ" + GC_TYPES_DESC + ")Z", false);
                if (op == Opcodes.BR_ON_CAST_FAIL) {
                    mv.visitInsn(ICONST_1);
                    mv.visitInsn(IXOR);
                }
                t.pushType(INT);
                t.branchIf(ops[pc + 2]);
            }
            case Opcodes.ANY_CONVERT_EXTERN, Opcodes.EXTERN_CONVERT_ANY -> mv.visitMethodInsn(INVOKESTATIC,
                    "dev/wasmrt/interpreter/gc/ExternConversions", op == Opcodes.ANY_CONVERT_EXTERN ? "internalize" : "externalize",
                    "(" + OBJECT + ")" + OBJECT, false);
            case Opcodes.REF_I31 -> {
                mv.visitMethodInsn(INVOKESTATIC, "dev/wasmrt/interpreter/gc/I31Ref", "of", "(I)Ldev/wasmrt/interpreter/gc/I31Ref;", false);
                t.popTypes(1);
                t.pushType(REF);
            }
            case Opcodes.I31_GET_S, Opcodes.I31_GET_U -> {
                pushBoolean(mv, op == Opcodes.I31_GET_S);
                mv.visitMethodInsn(INVOKESTATIC, "dev/wasmrt/interpreter/gc/GcOps", "i31Get", "(" + OBJECT + "Z)I", false);
                t.popTypes(1);
                t.pushType(INT);
            }
            default -> throw new IllegalStateException("compiler has no translation for " + Opcodes.name(op));
        }
        return true;
    }

    /** With a value below an i32 count on the stack: converts the value to raw bits unless it is an object. */
    private static void valueToBitsBelowCount(FunctionTranslator t, JvmType v) {
        if (v.isObject()) return;
        MethodVisitor mv = t.visitor();
        int count = t.spill(1)[0];
        Gen.toBits(mv, v);
        mv.visitVarInsn(ILOAD, count);
        t.pushType(INT);
    }

    private static FieldType field(Module module, int type, int field) {
        return ((CompositeType.Struct) module.types().get(type).composite()).fields().get(field);
    }

    private static FieldType element(Module module, int type) {
        return ((CompositeType.Array) module.types().get(type).composite()).element();
    }

    /**
     * Calls {@code Gc.<name>} in the form for the value's type: {@code <name>Ref} taking an
     * Object, {@code <name>V128} taking a V128, else {@code <name>} taking raw bits as a long.
     * {@code desc} has {@code %} where the value's descriptor goes.
     */
    private static void call(MethodVisitor mv, JvmType value, String name, String desc) {
        String form = switch (value) {
            case REF -> "Ref";
            case V128 -> "V128";
            default -> "";
        };
        String valueDesc = value.isObject() ? value.descriptor : "J";
        mv.visitMethodInsn(INVOKESTATIC, GC, name + form, desc.replace("%", valueDesc), false);
    }

    /** Reads a field or element (reference and index on the stack); a number comes back as bits, widened by {@code unsigned}. */
    private static void get(MethodVisitor mv, JvmType value, String name, boolean unsigned) {
        if (value.isObject()) {
            call(mv, value, name, "(" + OBJECT + "I)%");
        } else {
            pushBoolean(mv, unsigned);
            call(mv, value, name, "(" + OBJECT + "IZ)%");
            Gen.fromBits(mv, value);
        }
    }

    /** Stores into {@code field} with the struct and the value on the stack. */
    private static void structSet(MethodVisitor mv, JvmType value, int field) {
        if (!value.isObject()) Gen.toBits(mv, value);
        Gen.pushInt(mv, field);
        call(mv, value, "structSet", "(" + OBJECT + "%I)V");
    }

    /** Stores with the array, the index and the value on the stack. */
    private static void arraySet(MethodVisitor mv, JvmType value) {
        if (!value.isObject()) Gen.toBits(mv, value);
        call(mv, value, "arraySet", "(" + OBJECT + "I%)V");
    }

    private static void withType(FunctionTranslator t, int type) {
        t.loadGcTypes();
        Gen.pushInt(t.visitor(), type);
    }

    private static void castOperands(FunctionTranslator t, int heapType, boolean nullable) {
        MethodVisitor mv = t.visitor();
        Gen.pushInt(mv, heapType);
        pushBoolean(mv, nullable);
        t.loadGcTypes();
    }

    private static void pushBoolean(MethodVisitor mv, boolean b) { mv.visitInsn(b ? ICONST_1 : ICONST_0); }

    /** struct.new: allocates the default struct, then stores each operand into its field. */
    private static void structNew(FunctionTranslator t, int type) {
        MethodVisitor mv = t.visitor();
        int n = ((CompositeType.Struct) t.module().types().get(type).composite()).fields().size();
        JvmType[] types = t.types(n);
        int[] values = t.spill(n);
        t.loadGcTypes();
        Gen.pushInt(mv, type);
        mv.visitMethodInsn(INVOKESTATIC, GC, "structNew", "(" + GC_TYPES_DESC + "I)L" + STRUCT + ";", false);
        for (int f = 0; f < n; f++) {
            mv.visitInsn(DUP);
            mv.visitVarInsn(types[f].load, values[f]);
            structSet(mv, types[f], f);
        }
        t.pushType(REF);
    }

    /** array.new_fixed: allocates the array, then stores each operand at its index. */
    private static void arrayNewFixed(FunctionTranslator t, int type, int n) {
        MethodVisitor mv = t.visitor();
        JvmType[] types = t.types(n);
        int[] values = t.spill(n);
        withType(t, type);
        Gen.pushInt(mv, n);
        mv.visitMethodInsn(INVOKESTATIC, GC, "arrayNewFixed", "(" + GC_TYPES_DESC + "II)" + ARRAY_DESC, false);
        for (int i = 0; i < n; i++) {
            mv.visitInsn(DUP);
            Gen.pushInt(mv, i);
            mv.visitVarInsn(types[i].load, values[i]);
            arraySet(mv, types[i]);
        }
        t.pushType(REF);
    }
}
