package dev.wasmrt.jit;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.objectweb.asm.Opcodes.*;

/**
 * Writes one code class: the static method {@code f<i>} of each function in its range (the
 * translated body, or for imports and interpreted functions a stub that calls through
 * {@code FunctionInstance.invoke}), an invoker {@code i<i>} per compiled function for the
 * engine-neutral convention, and a switch routing to the invokers.
 */
final class CodeClassWriter {
    private final ModulePlan plan;
    private final int chunk;
    /** Per compiled function: its translated method, then the chunks when it was split. */
    private final Map<Integer, List<MethodNode>> bodies = new TreeMap<>();

    CodeClassWriter(ModulePlan plan, int chunk) {
        this.plan = plan;
        this.chunk = chunk;
    }

    private int first() { return chunk * Gen.FUNCTIONS_PER_CLASS; }

    private int end() { return Math.min(plan.compiled.length, first() + Gen.FUNCTIONS_PER_CLASS); }

    /**
     * Translates the compiled functions, then writes the class. A function the translator or the
     * JVM's method size limit refuses becomes interpreted (a stub) and the class is written again.
     */
    byte[] write() {
        for (int i = first(); i < end(); i++) {
            if (!plan.compiled[i]) continue;
            String name = plan.trampolined[i] ? Gen.bodyMethod(i) : Gen.functionMethod(i);
            try {
                bodies.put(i, MethodSplitter.translate(plan, i, name));
            } catch (RuntimeException e) {
                plan.fallBack(i, "translation failed: " + e);
            }
        }
        while (true) {
            try {
                return assemble();
            } catch (MethodTooLargeException e) {
                String method = e.getMethodName();
                int chunkMark = method.indexOf('_');
                int index = Integer.parseInt(method.substring(1, chunkMark < 0 ? method.length() : chunkMark));
                bodies.remove(index);
                plan.fallBack(index, "method over the JVM's 64 KiB limit (" + e.getCodeSize() + " bytes)");
            }
        }
    }

    private byte[] assemble() {
        ClassWriter cw = new FrameClassWriter();
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, Gen.PACKAGE + "Code" + chunk, null, "java/lang/Object", null);
        List<Integer> compiled = new ArrayList<>();
        List<Integer> trampolined = new ArrayList<>();
        for (int i = first(); i < end(); i++) {
            List<MethodNode> body = bodies.get(i);
            if (body != null) {
                for (MethodNode m : body) m.accept(cw);
                writeInvoker(cw, i, Gen.invokerMethod(i), Gen.functionMethod(i));
                compiled.add(i);
                if (plan.trampolined[i]) {
                    writeTrampoline(cw, i);
                    writeInvoker(cw, i, Gen.bodyInvokerMethod(i), Gen.bodyMethod(i));
                    trampolined.add(i);
                }
            } else if (plan.functionSignature[i] != null) {
                writeStub(cw, i);
            }
        }
        writeSwitch(cw, compiled);
        writeBodySwitch(cw, trampolined);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code f<i>} for a function not compiled here: marshals through the generic call helper. */
    private void writeStub(ClassWriter cw, int index) {
        Signature sig = plan.functionSignature[index];
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, Gen.functionMethod(index), plan.functionDescriptor(index), null, null);
        mv.visitCode();
        int slot = 0;
        for (JvmType p : sig.params) {
            mv.visitVarInsn(p.load, slot);
            slot += p.size;
        }
        mv.visitVarInsn(ALOAD, slot);
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "functions", "[" + Gen.FUNCTION_DESC);
        Gen.pushInt(mv, index);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ALOAD, slot);
        mv.visitVarInsn(ALOAD, slot + 1);
        mv.visitVarInsn(ILOAD, slot + 2);
        mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.generic(), sig.descriptor(Gen.FUNCTION_DESC, Gen.CALL_EXTRAS), false);
        mv.visitInsn(sig.results.length == 0 ? RETURN : sig.results[0].returnOp);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code f<i>} of a function with tail calls: moves the arguments to the context's slots and
     * lets {@link TailCalls#run} call the body {@code t<i>} and whatever it tail-calls. Those
     * calls go through invokers, which take their budget from the context's depth, so the depth
     * is raised to this call's for the while.
     */
    private void writeTrampoline(ClassWriter cw, int index) {
        Signature sig = plan.functionSignature[index];
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, Gen.functionMethod(index), plan.functionDescriptor(index), null, null);
        mv.visitCode();
        int self = JvmType.slots(sig.params), ctx = self + 1, budget = self + 2, base = self + 3, saved = self + 4;
        Gen.spillArguments(mv, sig, ctx, base);
        Gen.descend(mv, ctx, budget, saved);
        mv.visitVarInsn(ALOAD, self);
        mv.visitVarInsn(ALOAD, ctx);
        Gen.pushInt(mv, index);
        mv.visitVarInsn(ILOAD, base);
        Gen.pushInt(mv, JvmType.valueSlots(sig.results));
        mv.visitMethodInsn(INVOKESTATIC, "dev/wasmrt/jit/TailCalls", "run", "(L" + Gen.JIT_INSTANCE + ";" + Gen.CTX_DESC + "III)V", false);
        Gen.restoreDepth(mv, ctx, saved);
        if (sig.results.length > 0) Gen.loadSlot(mv, sig.results[0], ctx, base, 0);
        mv.visitInsn(sig.results.length == 0 ? RETURN : sig.results[0].returnOp);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code invoker(State, ExecContext, base)} calling {@code target}: arguments from the context's slots, results back there. */
    private void writeInvoker(ClassWriter cw, int index, String invoker, String target) {
        Signature sig = plan.functionSignature[index];
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, invoker, "(" + Gen.STATE_DESC + Gen.CTX_DESC + "I)V", null, null);
        mv.visitCode();
        for (int k = 0; k < sig.params.length; k++) Gen.loadSlot(mv, sig.params[k], 1, 2, JvmType.valueSlotOffset(sig.params, k));
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "callBudget", "()I", false);
        mv.visitMethodInsn(INVOKESTATIC, Gen.codeClass(index), target, plan.functionDescriptor(index), false);
        if (sig.results.length > 0) {
            JvmType r = sig.results[0];
            int resultLocal = 3;
            mv.visitVarInsn(r.store, resultLocal);
            Gen.storeSlot(mv, r, resultLocal, 1, 2, 0);
        }
        if (sig.results.length > 1) {
            // Results 1.. sit at ctx.top + their slot offset; the convention wants them at base + that offset.
            int first = sig.results[0].valueSlots();
            for (String array : new String[] {"slots", "refs"}) {
                String desc = array.equals("slots") ? "[J" : "[Ljava/lang/Object;";
                mv.visitVarInsn(ALOAD, 1);
                mv.visitFieldInsn(GETFIELD, Gen.CTX, array, desc);
                mv.visitVarInsn(ALOAD, 1);
                mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
                Gen.pushInt(mv, first);
                mv.visitInsn(IADD);
                mv.visitVarInsn(ALOAD, 1);
                mv.visitFieldInsn(GETFIELD, Gen.CTX, array, desc);
                mv.visitVarInsn(ILOAD, 2);
                Gen.pushInt(mv, first);
                mv.visitInsn(IADD);
                Gen.pushInt(mv, JvmType.valueSlots(sig.results) - first);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
            }
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void writeSwitch(ClassWriter cw, List<Integer> compiled) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "invoke", "(I" + Gen.STATE_DESC + Gen.CTX_DESC + "I)V", null, null);
        mv.visitCode();
        Label fail = new Label();
        if (!compiled.isEmpty()) {
            int[] keys = compiled.stream().mapToInt(Integer::intValue).toArray();
            Label[] labels = new Label[keys.length];
            for (int i = 0; i < labels.length; i++) labels[i] = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitLookupSwitchInsn(fail, keys, labels);
            for (int i = 0; i < keys.length; i++) {
                mv.visitLabel(labels[i]);
                mv.visitVarInsn(ALOAD, 1);
                mv.visitVarInsn(ALOAD, 2);
                mv.visitVarInsn(ILOAD, 3);
                mv.visitMethodInsn(INVOKESTATIC, Gen.codeClass(keys[i]), Gen.invokerMethod(keys[i]), "(" + Gen.STATE_DESC + Gen.CTX_DESC + "I)V", false);
                mv.visitInsn(RETURN);
            }
        }
        mv.visitLabel(fail);
        throwNotCompiled(mv, 0);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code invokeBody(index, State, ExecContext, base)}: the body invokers by index; false for any other index. */
    private void writeBodySwitch(ClassWriter cw, List<Integer> trampolined) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "invokeBody", "(I" + Gen.STATE_DESC + Gen.CTX_DESC + "I)Z", null, null);
        mv.visitCode();
        Label none = new Label();
        if (!trampolined.isEmpty()) {
            int[] keys = trampolined.stream().mapToInt(Integer::intValue).toArray();
            Label[] labels = new Label[keys.length];
            for (int i = 0; i < labels.length; i++) labels[i] = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitLookupSwitchInsn(none, keys, labels);
            for (int i = 0; i < keys.length; i++) {
                mv.visitLabel(labels[i]);
                mv.visitVarInsn(ALOAD, 1);
                mv.visitVarInsn(ALOAD, 2);
                mv.visitVarInsn(ILOAD, 3);
                mv.visitMethodInsn(INVOKESTATIC, Gen.codeClass(keys[i]), Gen.bodyInvokerMethod(keys[i]), "(" + Gen.STATE_DESC + Gen.CTX_DESC + "I)V", false);
                mv.visitInsn(ICONST_1);
                mv.visitInsn(IRETURN);
            }
        }
        mv.visitLabel(none);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Throws IllegalStateException naming the int in local {@code indexLocal}: a routing bug, never a guest fault. */
    static void throwNotCompiled(MethodVisitor mv, int indexLocal) {
        mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        mv.visitInsn(DUP);
        mv.visitVarInsn(ILOAD, indexLocal);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;", false);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
        mv.visitInsn(ATHROW);
    }
}
