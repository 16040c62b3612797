package dev.wasmrt.jit;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.List;

import static org.objectweb.asm.Opcodes.*;

/**
 * Writes the {@code Dispatch} class: per call signature, a generic call through
 * {@code FunctionInstance.invoke} ({@code gen}), a dispatcher that calls same-instance compiled
 * functions directly by index and everything else generically ({@code dd}), the
 * call_indirect entry ({@code ci}) and the exception constructor ({@code th}). Operands come
 * first in every descriptor, so a call site pushes only the extras after the Wasm operands.
 */
final class DispatchWriter {
    /** Bytecode per direct-dispatch method: well under HotSpot's 8000-byte JIT limit. */
    private static final int DISPATCH_BUDGET = 6_000;

    /**
     * Cases per direct-dispatch switch: each case reloads every parameter, so wide signatures
     * get fewer cases per method (at most 256, at least one).
     */
    private static int casesPerMethod(Signature sig) {
        int loads = 0;
        int slot = 0;
        for (JvmType p : sig.params) {
            loads += slot < 4 ? 1 : slot < 256 ? 2 : 4;
            slot += p.size;
        }
        int perCase = 8 + loads + 2 + 3 + 1; // switch entry, parameters, state and context, call, return
        return Math.max(1, Math.min(256, DISPATCH_BUDGET / perCase));
    }

    private final ModulePlan plan;
    private final ClassWriter cw = new FrameClassWriter();

    private DispatchWriter(ModulePlan plan) { this.plan = plan; }

    static byte[] write(ModulePlan plan) { return new DispatchWriter(plan).write(); }

    private byte[] write() {
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, Gen.DISPATCH, null, "java/lang/Object", null);
        for (Signature sig : plan.signatures()) {
            writeGeneric(sig);
            writeDirect(sig);
            if (sig.indirect32) writeIndirect(sig, false);
            if (sig.indirect64) writeIndirect(sig, true);
            if (sig.thrown) writeThrower(sig);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Loads the Wasm parameters (locals from 0) and returns the next free local. */
    private static int loadParams(MethodVisitor mv, Signature sig) {
        int slot = 0;
        for (JvmType p : sig.params) {
            mv.visitVarInsn(p.load, slot);
            slot += p.size;
        }
        return slot;
    }

    private static void returnFirst(MethodVisitor mv, Signature sig) {
        mv.visitInsn(sig.results.length == 0 ? RETURN : sig.results[0].returnOp);
    }

    private void writeGeneric(Signature sig) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, sig.generic(), sig.descriptor(Gen.FUNCTION_DESC, Gen.CALL_EXTRAS), null, null);
        mv.visitCode();
        int p = JvmType.slots(sig.params);
        int fn = p, self = p + 1, ctx = p + 2, budget = p + 3, base = p + 4, saved = p + 5, savedDepth = p + 6;
        Label start = new Label(), end = new Label(), handler = new Label();
        Gen.spillArguments(mv, sig, ctx, base);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitFieldInsn(GETFIELD, Gen.CTX, "currentInstance", Gen.INSTANCE_DESC);
        mv.visitVarInsn(ASTORE, saved);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ALOAD, self);
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "instance", Gen.INSTANCE_DESC);
        mv.visitFieldInsn(PUTFIELD, Gen.CTX, "currentInstance", Gen.INSTANCE_DESC);
        Gen.descend(mv, ctx, budget, savedDepth);
        mv.visitLabel(start);
        mv.visitVarInsn(ALOAD, fn);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, base);
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.FUNCTION, "invoke", "(" + Gen.CTX_DESC + "I)V", false);
        mv.visitLabel(end);
        restore(mv, ctx, base, saved, savedDepth);
        if (sig.results.length > 0) Gen.loadSlot(mv, sig.results[0], ctx, base, 0);
        returnFirst(mv, sig);
        mv.visitLabel(handler);
        restore(mv, ctx, base, saved, savedDepth);
        mv.visitInsn(ATHROW);
        mv.visitTryCatchBlock(start, end, handler, null);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void restore(MethodVisitor mv, int ctx, int base, int saved, int savedDepth) {
        Gen.restoreDepth(mv, ctx, savedDepth);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ALOAD, saved);
        mv.visitFieldInsn(PUTFIELD, Gen.CTX, "currentInstance", Gen.INSTANCE_DESC);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, base);
        mv.visitFieldInsn(PUTFIELD, Gen.CTX, "top", "I");
    }

    private List<Integer> directTargets(Signature sig) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < plan.compiled.length; i++) if (plan.compiled[i] && plan.functionSignature[i] == sig) out.add(i);
        return out;
    }

    /** {@code dd}: same-instance compiled callees by a switch on their index, the rest generically. */
    private void writeDirect(Signature sig) {
        String desc = sig.descriptor(Gen.FUNCTION_DESC, Gen.CALL_EXTRAS);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, sig.direct(), desc, null, null);
        mv.visitCode();
        int p = JvmType.slots(sig.params);
        int fn = p, self = p + 1, ctx = p + 2, budget = p + 3, index = p + 4;
        List<Integer> targets = directTargets(sig);
        Label generic = new Label();
        if (!targets.isEmpty()) {
            mv.visitVarInsn(ALOAD, fn);
            mv.visitTypeInsn(INSTANCEOF, Gen.COMPILED_FUNCTION);
            mv.visitJumpInsn(IFEQ, generic);
            mv.visitVarInsn(ALOAD, fn);
            mv.visitTypeInsn(CHECKCAST, Gen.COMPILED_FUNCTION);
            mv.visitFieldInsn(GETFIELD, Gen.COMPILED_FUNCTION, "state", "L" + Gen.JIT_INSTANCE + ";");
            mv.visitVarInsn(ALOAD, self);
            mv.visitJumpInsn(IF_ACMPNE, generic);
            mv.visitVarInsn(ALOAD, fn);
            mv.visitTypeInsn(CHECKCAST, Gen.COMPILED_FUNCTION);
            mv.visitFieldInsn(GETFIELD, Gen.COMPILED_FUNCTION, "index", "I");
            mv.visitVarInsn(ISTORE, index);
            String chunkDesc = sig.descriptor(Gen.FUNCTION_DESC, "I", Gen.CALL_EXTRAS);
            int cases = casesPerMethod(sig);
            for (int c = 0; c * cases < targets.size(); c++) {
                List<Integer> part = targets.subList(c * cases, Math.min(targets.size(), (c + 1) * cases));
                Label next = new Label();
                mv.visitVarInsn(ILOAD, index);
                Gen.pushInt(mv, part.getLast());
                mv.visitJumpInsn(IF_ICMPGT, next);
                loadParams(mv, sig);
                mv.visitVarInsn(ALOAD, fn);
                mv.visitVarInsn(ILOAD, index);
                mv.visitVarInsn(ALOAD, self);
                mv.visitVarInsn(ALOAD, ctx);
                mv.visitVarInsn(ILOAD, budget);
                mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.direct() + "_" + c, chunkDesc, false);
                returnFirst(mv, sig);
                mv.visitLabel(next);
                writeDirectChunk(sig, c, part, chunkDesc);
            }
        }
        mv.visitLabel(generic);
        loadParams(mv, sig);
        mv.visitVarInsn(ALOAD, fn);
        mv.visitVarInsn(ALOAD, self);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, budget);
        mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.generic(), desc, false);
        returnFirst(mv, sig);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void writeDirectChunk(Signature sig, int c, List<Integer> targets, String desc) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, sig.direct() + "_" + c, desc, null, null);
        mv.visitCode();
        int p = JvmType.slots(sig.params);
        int fn = p, index = p + 1, self = p + 2, ctx = p + 3, budget = p + 4;
        int[] keys = targets.stream().mapToInt(Integer::intValue).toArray();
        Label[] labels = new Label[keys.length];
        for (int i = 0; i < labels.length; i++) labels[i] = new Label();
        Label generic = new Label();
        mv.visitVarInsn(ILOAD, index);
        mv.visitLookupSwitchInsn(generic, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            mv.visitLabel(labels[i]);
            loadParams(mv, sig);
            mv.visitVarInsn(ALOAD, self);
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitVarInsn(ILOAD, budget);
            mv.visitMethodInsn(INVOKESTATIC, Gen.codeClass(keys[i]), Gen.functionMethod(keys[i]), plan.functionDescriptor(keys[i]), false);
            returnFirst(mv, sig);
        }
        mv.visitLabel(generic);
        loadParams(mv, sig);
        mv.visitVarInsn(ALOAD, fn);
        mv.visitVarInsn(ALOAD, self);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, budget);
        mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.generic(), sig.descriptor(Gen.FUNCTION_DESC, Gen.CALL_EXTRAS), false);
        returnFirst(mv, sig);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code ci}: the table lookup and type check of call_indirect, then {@code dd}. */
    private void writeIndirect(Signature sig, boolean is64) {
        String funcType = "Ldev/wasmrt/interpreter/FuncType;";
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, sig.indirect(is64),
                sig.descriptor(is64 ? "J" : "I", Gen.TABLE_DESC, funcType, Gen.CALL_EXTRAS), null, null);
        mv.visitCode();
        int p = JvmType.slots(sig.params);
        int index = p;
        int table = p + (is64 ? 2 : 1);
        int expected = table + 1, self = table + 2, ctx = table + 3, budget = table + 4;
        loadParams(mv, sig);
        mv.visitVarInsn(ALOAD, table);
        if (is64) {
            mv.visitVarInsn(LLOAD, index);
        } else {
            mv.visitVarInsn(ILOAD, index);
            mv.visitInsn(I2L);
            mv.visitLdcInsn(0xFFFFFFFFL);
            mv.visitInsn(LAND);
        }
        mv.visitVarInsn(ALOAD, expected);
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "indirect", "(" + Gen.TABLE_DESC + "J" + funcType + ")" + Gen.FUNCTION_DESC, false);
        mv.visitVarInsn(ALOAD, self);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, budget);
        mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.direct(), sig.descriptor(Gen.FUNCTION_DESC, Gen.CALL_EXTRAS), false);
        returnFirst(mv, sig);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code th}: packs the payload in the slot convention into a WasmException for the tag. */
    private void writeThrower(Signature sig) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, sig.thrower(), "(" + paramDescriptors(sig) + Gen.TAG_DESC + ")L" + Gen.WASM_EXCEPTION + ";", null, null);
        mv.visitCode();
        int p = JvmType.slots(sig.params);
        int tag = p, bits = p + 1, refs = p + 2;
        int n = JvmType.valueSlots(sig.params);
        Gen.pushInt(mv, n);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, bits);
        Gen.pushInt(mv, n);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        mv.visitVarInsn(ASTORE, refs);
        int local = 0;
        for (int k = 0; k < sig.params.length; k++) {
            JvmType t = sig.params[k];
            mv.visitVarInsn(ALOAD, t == JvmType.REF ? refs : bits);
            Gen.pushInt(mv, JvmType.valueSlotOffset(sig.params, k));
            mv.visitVarInsn(t.load, local);
            Gen.storeBits(mv, t);
            local += t.size;
        }
        mv.visitVarInsn(ALOAD, tag);
        mv.visitVarInsn(ALOAD, bits);
        mv.visitVarInsn(ALOAD, refs);
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "exception", "(" + Gen.TAG_DESC + "[J[Ljava/lang/Object;)L" + Gen.WASM_EXCEPTION + ";", false);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static String paramDescriptors(Signature sig) {
        StringBuilder sb = new StringBuilder();
        for (JvmType t : sig.params) sb.append(t.descriptor);
        return sb.toString();
    }
}
