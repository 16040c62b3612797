package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Module;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.objectweb.asm.Opcodes.*;

/**
 * Writes the per-instance {@code State} class: a field per memory, global and table, the binding
 * of those fields, and the entry that routes {@code invoke(funcIndex, ...)} to the code classes.
 */
final class StateWriter {
    private StateWriter() {}

    static byte[] write(ModulePlan plan) {
        Module module = plan.module;
        ClassWriter cw = new FrameClassWriter();
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, Gen.STATE, null, Gen.JIT_INSTANCE, null);
        for (int i = 0; i < module.memoryCount(); i++) cw.visitField(ACC_PUBLIC, "m" + i, Gen.MEMORY_DESC, null, null).visitEnd();
        for (int i = 0; i < module.globalCount(); i++) cw.visitField(ACC_PUBLIC, "g" + i, Gen.GLOBAL_DESC, null, null).visitEnd();
        for (int i = 0; i < module.tableCount(); i++) cw.visitField(ACC_PUBLIC, "t" + i, Gen.TABLE_DESC, null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + Gen.INSTANCE_DESC + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitMethodInsn(INVOKESPECIAL, Gen.JIT_INSTANCE, "<init>", "(" + Gen.INSTANCE_DESC + ")V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        writeBind(cw, module);
        writeInvoke(cw, plan);
        writeInvokeBody(cw, plan);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void writeBind(ClassWriter cw, Module module) {
        MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, "bindFields", "()V", null, null);
        mv.visitCode();
        bindArray(mv, module.memoryCount(), "memories", Gen.MEMORY_DESC, "m");
        bindArray(mv, module.globalCount(), "globals", Gen.GLOBAL_DESC, "g");
        bindArray(mv, module.tableCount(), "tables", Gen.TABLE_DESC, "t");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void bindArray(MethodVisitor mv, int count, String array, String desc, String prefix) {
        for (int i = 0; i < count; i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "instance", Gen.INSTANCE_DESC);
            mv.visitFieldInsn(GETFIELD, Gen.INSTANCE, array, "[" + desc);
            Gen.pushInt(mv, i);
            mv.visitInsn(AALOAD);
            mv.visitFieldInsn(PUTFIELD, Gen.STATE, prefix + i, desc);
        }
    }

    /** {@code invoke}: routes function {@code index} to its code class's {@code invoke}. */
    private static void writeInvoke(ClassWriter cw, ModulePlan plan) {
        MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, "invoke", "(I" + Gen.CTX_DESC + "I)V", null, null);
        mv.visitCode();
        Label fail = new Label();
        routeToCodeClasses(mv, plan, i -> plan.compiled[i], "invoke", "(I" + Gen.STATE_DESC + Gen.CTX_DESC + "I)V", RETURN, fail);
        mv.visitLabel(fail);
        CodeClassWriter.throwNotCompiled(mv, 1);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code invokeBody}: routes to the code class's {@code invokeBody}; false for a function without a trampoline. */
    private static void writeInvokeBody(ClassWriter cw, ModulePlan plan) {
        MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, "invokeBody", "(I" + Gen.CTX_DESC + "I)Z", null, null);
        mv.visitCode();
        Label none = new Label();
        routeToCodeClasses(mv, plan, i -> plan.compiled[i] && plan.trampolined[i], "invokeBody",
                "(I" + Gen.STATE_DESC + Gen.CTX_DESC + "I)Z", IRETURN, none);
        mv.visitLabel(none);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Emits a switch on the code class of function index (local 1) that calls
     * {@code Code<k>.method(index, state, ctx, base)} for every class holding a function that
     * {@code routed} accepts, returning its result with {@code returnOpcode}; any other index
     * jumps to {@code otherwise}, which the caller places.
     */
    private static void routeToCodeClasses(MethodVisitor mv, ModulePlan plan, IntPredicate routed,
                                           String method, String descriptor, int returnOpcode, Label otherwise) {
        List<Integer> chunks = new ArrayList<>();
        for (int i = 0; i < plan.compiled.length; i++) {
            int chunk = i / Gen.FUNCTIONS_PER_CLASS;
            if (routed.test(i) && (chunks.isEmpty() || chunks.getLast() != chunk)) chunks.add(chunk);
        }
        if (chunks.isEmpty()) {
            mv.visitJumpInsn(GOTO, otherwise);
            return;
        }
        int[] keys = chunks.stream().mapToInt(Integer::intValue).toArray();
        Label[] labels = new Label[keys.length];
        for (int i = 0; i < labels.length; i++) labels[i] = new Label();
        mv.visitVarInsn(ILOAD, 1);
        Gen.pushInt(mv, Gen.FUNCTIONS_PER_CLASS);
        mv.visitInsn(IDIV);
        mv.visitLookupSwitchInsn(otherwise, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            mv.visitLabel(labels[i]);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitVarInsn(ILOAD, 3);
            mv.visitMethodInsn(INVOKESTATIC, Gen.PACKAGE + "Code" + keys[i], method, descriptor, false);
            mv.visitInsn(returnOpcode);
        }
    }
}
