package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import org.objectweb.asm.MethodVisitor;

import static dev.wasmrt.jit.JvmType.INT;
import static dev.wasmrt.jit.JvmType.REF;
import static org.objectweb.asm.Opcodes.*;

/**
 * The GC instructions: static calls to {@link Gc} (or to the interpreter's {@code Casts},
 * {@code ExternConversions}, {@code I31Ref} and {@code GcOps}) with numbers as raw bits, then
 * the immediates and the instance's {@code GcTypes} where a type must be resolved. struct.new
 * and array.new_fixed allocate and then store each operand, so nothing is boxed.
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
                if (v == REF) {
                    mv.visitMethodInsn(INVOKESTATIC, GC, "structGetRef", "(" + OBJECT + "I)" + OBJECT, false);
                } else {
                    pushBoolean(mv, op == Opcodes.STRUCT_GET_U);
                    mv.visitMethodInsn(INVOKESTATIC, GC, "structGet", "(" + OBJECT + "IZ)J", false);
                    Gen.fromBits(mv, v);
                }
                t.popTypes(1);
                t.pushType(v);
            }
            case Opcodes.STRUCT_SET -> {
                JvmType v = t.types(1)[0];
                if (v != REF) Gen.toBits(mv, v);
                Gen.pushInt(mv, ops[pc + 2]);
                call(t, v, "structSet", "(" + OBJECT + "JI)V", "(" + OBJECT + OBJECT + "I)V");
                t.popTypes(2);
            }
            case Opcodes.ARRAY_NEW -> {
                JvmType v = t.types(2)[0];
                if (v != REF) {
                    int count = t.spill(1)[0];
                    Gen.toBits(mv, v);
                    mv.visitVarInsn(ILOAD, count);
                    t.pushType(INT);
                }
                withType(t, type);
                call(t, v, "arrayNew", "(JI" + GC_TYPES_DESC + "I)" + ARRAY_DESC, "(" + OBJECT + "I" + GC_TYPES_DESC + "I)" + ARRAY_DESC);
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
                if (v == REF) {
                    mv.visitMethodInsn(INVOKESTATIC, GC, "arrayGetRef", "(" + OBJECT + "I)" + OBJECT, false);
                } else {
                    pushBoolean(mv, op == Opcodes.ARRAY_GET_U);
                    mv.visitMethodInsn(INVOKESTATIC, GC, "arrayGet", "(" + OBJECT + "IZ)J", false);
                    Gen.fromBits(mv, v);
                }
                t.popTypes(2);
                t.pushType(v);
            }
            case Opcodes.ARRAY_SET -> {
                JvmType v = t.types(1)[0];
                if (v != REF) Gen.toBits(mv, v);
                call(t, v, "arraySet", "(" + OBJECT + "IJ)V", "(" + OBJECT + "I" + OBJECT + ")V");
                t.popTypes(3);
            }
            case Opcodes.ARRAY_LEN -> {
                mv.visitMethodInsn(INVOKESTATIC, GC, "arrayLen", "(" + OBJECT + ")I", false);
                t.popTypes(1);
                t.pushType(INT);
            }
            case Opcodes.ARRAY_FILL -> {
                JvmType v = t.types(2)[0];
                if (v != REF) {
                    int count = t.spill(1)[0];
                    Gen.toBits(mv, v);
                    mv.visitVarInsn(ILOAD, count);
                    t.pushType(INT);
                }
                call(t, v, "arrayFill", "(" + OBJECT + "IJI)V", "(" + OBJECT + "I" + OBJECT + "I)V");
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

    /** True when the GC instruction takes or leaves a v128 operand, which compiled code cannot hold. */
    static boolean movesV128(Module module, int op, int[] ops, int pc) {
        return switch (op) {
            case Opcodes.STRUCT_NEW -> {
                for (FieldType f : ((CompositeType.Struct) module.types().get(ops[pc + 1]).composite()).fields()) {
                    if (isV128(f)) yield true;
                }
                yield false;
            }
            case Opcodes.STRUCT_GET, Opcodes.STRUCT_GET_S, Opcodes.STRUCT_GET_U, Opcodes.STRUCT_SET -> isV128(field(module, ops[pc + 1], ops[pc + 2]));
            case Opcodes.ARRAY_NEW, Opcodes.ARRAY_NEW_FIXED, Opcodes.ARRAY_GET, Opcodes.ARRAY_GET_S, Opcodes.ARRAY_GET_U,
                 Opcodes.ARRAY_SET, Opcodes.ARRAY_FILL -> isV128(element(module, ops[pc + 1]));
            default -> false;
        };
    }

    private static boolean isV128(FieldType f) { return f.type().kind() == ValType.Kind.V128; }

    private static FieldType field(Module module, int type, int field) {
        return ((CompositeType.Struct) module.types().get(type).composite()).fields().get(field);
    }

    private static FieldType element(Module module, int type) {
        return ((CompositeType.Array) module.types().get(type).composite()).element();
    }

    /** Calls {@code Gc.<name>} in its number form (value converted to bits) or its {@code Ref} form, by the value's type. */
    private static void call(FunctionTranslator t, JvmType value, String name, String bitsDesc, String refDesc) {
        MethodVisitor mv = t.visitor();
        if (value == REF) {
            mv.visitMethodInsn(INVOKESTATIC, GC, name + "Ref", refDesc, false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, GC, name, bitsDesc, false);
        }
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
            Gen.pushInt(mv, f);
            mv.visitVarInsn(types[f].load, values[f]);
            if (types[f] == REF) {
                mv.visitMethodInsn(INVOKEVIRTUAL, STRUCT, "setRef", "(I" + OBJECT + ")V", false);
            } else {
                Gen.toBits(mv, types[f]);
                mv.visitMethodInsn(INVOKEVIRTUAL, STRUCT, "setBits", "(IJ)V", false);
            }
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
            Gen.pushLong(mv, i);
            mv.visitVarInsn(types[i].load, values[i]);
            if (types[i] == REF) {
                mv.visitMethodInsn(INVOKEVIRTUAL, ARRAY, "setRef", "(J" + OBJECT + ")V", false);
            } else {
                Gen.toBits(mv, types[i]);
                mv.visitMethodInsn(INVOKEVIRTUAL, ARRAY, "setBits", "(JJ)V", false);
            }
        }
        t.pushType(REF);
    }
}
