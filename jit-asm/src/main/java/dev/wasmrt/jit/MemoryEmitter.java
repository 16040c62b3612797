package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Opcodes;
import org.objectweb.asm.MethodVisitor;

import static dev.wasmrt.jit.JvmType.DOUBLE;
import static dev.wasmrt.jit.JvmType.FLOAT;
import static dev.wasmrt.jit.JvmType.INT;
import static dev.wasmrt.jit.JvmType.LONG;
import static dev.wasmrt.jit.JvmType.REF;
import static org.objectweb.asm.Opcodes.*;

/**
 * Loads, stores, memory and table management, and segment instructions: each becomes one static
 * call to {@link Mem} or {@link Rt} with the memory or table appended to the operands.
 */
final class MemoryEmitter {
    private MemoryEmitter() {}

    private static final String MEM = "dev/wasmrt/jit/Mem";

    /** Emits {@code op}; false when it is not a memory or table instruction. */
    static boolean emit(FunctionTranslator t, int op, int pc) {
        int[] ops = t.ops();
        MethodVisitor mv = t.visitor();
        switch (op) {
            case Opcodes.I32_LOAD -> load(t, pc, "i32", INT, false);
            case Opcodes.I64_LOAD -> load(t, pc, "i64", LONG, false);
            case Opcodes.F32_LOAD -> load(t, pc, "f32", FLOAT, false);
            case Opcodes.F64_LOAD -> load(t, pc, "f64", DOUBLE, false);
            case Opcodes.I32_LOAD8_S -> load(t, pc, "s8", INT, false);
            case Opcodes.I32_LOAD8_U -> load(t, pc, "u8", INT, false);
            case Opcodes.I32_LOAD16_S -> load(t, pc, "s16", INT, false);
            case Opcodes.I32_LOAD16_U -> load(t, pc, "u16", INT, false);
            case Opcodes.I64_LOAD8_S -> load(t, pc, "s8", INT, true);
            case Opcodes.I64_LOAD8_U -> load(t, pc, "u8", INT, true);
            case Opcodes.I64_LOAD16_S -> load(t, pc, "s16", INT, true);
            case Opcodes.I64_LOAD16_U -> load(t, pc, "u16", INT, true);
            case Opcodes.I64_LOAD32_S -> load(t, pc, "i32", INT, true);
            case Opcodes.I64_LOAD32_U -> load(t, pc, "u32", LONG, false);
            case Opcodes.I32_STORE -> store(t, pc, "st32", INT, false);
            case Opcodes.I64_STORE -> store(t, pc, "st64", LONG, false);
            case Opcodes.F32_STORE -> store(t, pc, "stf32", FLOAT, false);
            case Opcodes.F64_STORE -> store(t, pc, "stf64", DOUBLE, false);
            case Opcodes.I32_STORE8 -> store(t, pc, "st8", INT, false);
            case Opcodes.I32_STORE16 -> store(t, pc, "st16", INT, false);
            case Opcodes.I64_STORE8 -> store(t, pc, "st8", INT, true);
            case Opcodes.I64_STORE16 -> store(t, pc, "st16", INT, true);
            case Opcodes.I64_STORE32 -> store(t, pc, "st32", INT, true);
            case Opcodes.MEMORY_SIZE -> {
                boolean is64 = memory64(t, ops[pc + 1]);
                loadMemory(t, ops[pc + 1]);
                mv.visitMethodInsn(INVOKESTATIC, MEM, is64 ? "size64" : "size", "(" + Gen.MEMORY_DESC + ")" + (is64 ? "J" : "I"), false);
                t.pushType(is64 ? LONG : INT);
            }
            case Opcodes.MEMORY_GROW -> {
                boolean is64 = memory64(t, ops[pc + 1]);
                loadMemory(t, ops[pc + 1]);
                String a = is64 ? "J" : "I";
                mv.visitMethodInsn(INVOKESTATIC, MEM, is64 ? "grow64" : "grow", "(" + a + Gen.MEMORY_DESC + ")" + a, false);
            }
            case Opcodes.MEMORY_FILL -> {
                boolean is64 = memory64(t, ops[pc + 1]);
                loadMemory(t, ops[pc + 1]);
                String a = is64 ? "J" : "I";
                mv.visitMethodInsn(INVOKESTATIC, MEM, is64 ? "fill64" : "fill", "(" + a + "I" + a + Gen.MEMORY_DESC + ")V", false);
                t.popTypes(3);
            }
            case Opcodes.MEMORY_COPY -> {
                widenThree(t);
                loadMemory(t, ops[pc + 1]);
                loadMemory(t, ops[pc + 2]);
                mv.visitMethodInsn(INVOKESTATIC, MEM, "copy", "(JJJ" + Gen.MEMORY_DESC + Gen.MEMORY_DESC + ")V", false);
            }
            case Opcodes.MEMORY_INIT -> {
                widenDestination(t);
                loadMemory(t, ops[pc + 2]);
                t.loadInstance();
                Gen.pushInt(mv, ops[pc + 1]);
                mv.visitMethodInsn(INVOKESTATIC, MEM, "init", "(JII" + Gen.MEMORY_DESC + Gen.INSTANCE_DESC + "I)V", false);
            }
            case Opcodes.DATA_DROP -> {
                t.loadInstance();
                Gen.pushInt(mv, ops[pc + 1]);
                mv.visitMethodInsn(INVOKEVIRTUAL, Gen.INSTANCE, "dropData", "(I)V", false);
            }
            case Opcodes.TABLE_GET -> {
                boolean is64 = table64(t, ops[pc + 1]);
                loadTable(t, ops[pc + 1]);
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, is64 ? "tableGet64" : "tableGet", "(" + (is64 ? "J" : "I") + Gen.TABLE_DESC + ")Ljava/lang/Object;", false);
                t.popTypes(1);
                t.pushType(REF);
            }
            case Opcodes.TABLE_SET -> {
                boolean is64 = table64(t, ops[pc + 1]);
                loadTable(t, ops[pc + 1]);
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, is64 ? "tableSet64" : "tableSet", "(" + (is64 ? "J" : "I") + "Ljava/lang/Object;" + Gen.TABLE_DESC + ")V", false);
                t.popTypes(2);
            }
            case Opcodes.TABLE_SIZE -> {
                boolean is64 = table64(t, ops[pc + 1]);
                loadTable(t, ops[pc + 1]);
                mv.visitMethodInsn(INVOKEVIRTUAL, Gen.TABLE, "size", "()J", false);
                if (!is64) mv.visitInsn(L2I);
                t.pushType(is64 ? LONG : INT);
            }
            case Opcodes.TABLE_GROW -> {
                boolean is64 = table64(t, ops[pc + 1]);
                loadTable(t, ops[pc + 1]);
                String a = is64 ? "J" : "I";
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, is64 ? "tableGrow64" : "tableGrow", "(Ljava/lang/Object;" + a + Gen.TABLE_DESC + ")" + a, false);
                t.popTypes(2);
                t.pushType(is64 ? LONG : INT);
            }
            case Opcodes.TABLE_FILL -> {
                boolean is64 = table64(t, ops[pc + 1]);
                loadTable(t, ops[pc + 1]);
                String a = is64 ? "J" : "I";
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, is64 ? "tableFill64" : "tableFill", "(" + a + "Ljava/lang/Object;" + a + Gen.TABLE_DESC + ")V", false);
                t.popTypes(3);
            }
            case Opcodes.TABLE_COPY -> {
                widenThree(t);
                loadTable(t, ops[pc + 1]);
                loadTable(t, ops[pc + 2]);
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "tableCopy", "(JJJ" + Gen.TABLE_DESC + Gen.TABLE_DESC + ")V", false);
            }
            case Opcodes.TABLE_INIT -> {
                widenDestination(t);
                loadTable(t, ops[pc + 2]);
                t.loadInstance();
                Gen.pushInt(mv, ops[pc + 1]);
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "tableInit", "(JII" + Gen.TABLE_DESC + Gen.INSTANCE_DESC + "I)V", false);
            }
            case Opcodes.ELEM_DROP -> {
                t.loadInstance();
                Gen.pushInt(mv, ops[pc + 1]);
                mv.visitMethodInsn(INVOKEVIRTUAL, Gen.INSTANCE, "dropElement", "(I)V", false);
            }
            default -> { return false; }
        }
        return true;
    }

    private static boolean memory64(FunctionTranslator t, int index) { return t.module().memoryType(index).is64(); }

    private static boolean table64(FunctionTranslator t, int index) { return t.module().tableType(index).is64(); }

    private static void loadMemory(FunctionTranslator t, int index) { t.loadSelfField("m" + index, Gen.MEMORY_DESC); }

    private static void loadTable(FunctionTranslator t, int index) { t.loadSelfField("t" + index, Gen.TABLE_DESC); }

    /** Three operands of mixed i32/i64 types, reloaded as longs (sign-extended: the helpers mask by index type). */
    /** For memory.init and table.init: the destination (i32 or i64) as a long, the i32 source and length as they are. */
    private static void widenDestination(FunctionTranslator t) {
        JvmType first = t.types(3)[0];
        int[] l = t.spill(3);
        t.visitor().visitVarInsn(first.load, l[0]);
        if (first == INT) t.visitor().visitInsn(I2L);
        t.visitor().visitVarInsn(ILOAD, l[1]);
        t.visitor().visitVarInsn(ILOAD, l[2]);
    }

    private static void widenThree(FunctionTranslator t) {
        JvmType[] types = t.types(3);
        int[] l = t.spill(3);
        for (int i = 0; i < 3; i++) {
            t.visitor().visitVarInsn(types[i].load, l[i]);
            if (types[i] == INT) t.visitor().visitInsn(I2L);
        }
    }

    private static void load(FunctionTranslator t, int pc, String name, JvmType helperResult, boolean widen) {
        int[] ops = t.ops();
        MethodVisitor mv = t.visitor();
        boolean is64 = memory64(t, ops[pc + 2]);
        pushOffset(mv, ops, pc, is64);
        loadMemory(t, ops[pc + 2]);
        String a = is64 ? "J" : "I";
        mv.visitMethodInsn(INVOKESTATIC, MEM, name, "(" + a + a + Gen.MEMORY_DESC + ")" + helperResult.descriptor, false);
        if (widen) mv.visitInsn(I2L);
        t.popTypes(1);
        t.pushType(widen ? LONG : helperResult);
    }

    private static void store(FunctionTranslator t, int pc, String name, JvmType helperValue, boolean narrow) {
        int[] ops = t.ops();
        MethodVisitor mv = t.visitor();
        boolean is64 = memory64(t, ops[pc + 2]);
        if (narrow) mv.visitInsn(L2I);
        pushOffset(mv, ops, pc, is64);
        loadMemory(t, ops[pc + 2]);
        String a = is64 ? "J" : "I";
        mv.visitMethodInsn(INVOKESTATIC, MEM, name, "(" + a + helperValue.descriptor + a + Gen.MEMORY_DESC + ")V", false);
        t.popTypes(2);
    }

    private static void pushOffset(MethodVisitor mv, int[] ops, int pc, boolean is64) {
        if (is64) Gen.pushLong(mv, (ops[pc + 3] & 0xFFFFFFFFL) | ((long) ops[pc + 4] << 32));
        else Gen.pushInt(mv, ops[pc + 3]);
    }
}
