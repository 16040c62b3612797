package dev.wasmrt.jit;

import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.objectweb.asm.Opcodes.*;

/**
 * Keeps generated methods under HotSpot's {@link CodeStats#HUGE_METHOD} limit, past which a
 * method is never JIT-compiled: a function whose whole translation is larger is translated again
 * as {@link Chunks}, cut where its operand stack is empty, behind a driver method that calls the
 * chunks in turn. Chunks are planned with a byte budget below the limit, leaving room for their
 * entry and exit code; if one still comes out too large the budget shrinks and it is tried again.
 */
final class MethodSplitter {
    private MethodSplitter() {}

    /** Planned chunk size as a share of the limit; after each miss the budget shrinks by this share again. */
    private static final double SHARE = 0.6;
    private static final int ATTEMPTS = 4;

    /** The methods for function {@code funcIndex}: the one named {@code name} first. */
    static List<MethodNode> translate(ModulePlan plan, int funcIndex, String name) {
        MethodNode whole = new MethodNode(ACC_STATIC, name, plan.functionDescriptor(funcIndex), null, null);
        FunctionTranslator t = new FunctionTranslator(plan, funcIndex, whole);
        t.translate();
        int total = t.size();
        int limit = plan.options.maxMethodSize();
        if (total <= limit) return List.of(whole);
        List<MethodNode> best = List.of(whole);
        int bestLargest = total;
        double budget = limit;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            budget *= SHARE;
            int[] splits = t.splitPoints().choose((int) budget, total);
            if (splits.length == 0) break;
            Chunks chunks = new FunctionTranslator(plan, funcIndex, name, splits).translateChunks();
            int largest = chunks.largestChunk();
            if (largest < bestLargest) {
                best = chunks.finish(driver(plan, funcIndex, name, chunks), groups(funcIndex, name, chunks));
                bestLargest = largest;
            }
            if (largest <= limit) break;
        }
        return best;
    }

    /**
     * The function's own method: checks the call budget, moves the parameters into a fresh frame, runs
     * chunk after chunk from entry 0 until one returns -1, then returns the results from the frame.
     */
    private static MethodNode driver(ModulePlan plan, int funcIndex, String name, Chunks chunks) {
        Signature sig = plan.functionSignature[funcIndex];
        MethodNode mv = new MethodNode(ACC_STATIC, name, plan.functionDescriptor(funcIndex), null, null);
        int self = JvmType.slots(sig.params), ctx = self + 1, budget = self + 2, frame = self + 3, refArray = self + 4, id = self + 5;
        int frameLength = Math.max(chunks.frameLength(), chunks.transferIndex(sig.results.length));
        boolean needsRefs = chunks.usesRefs() || Arrays.stream(sig.results).anyMatch(JvmType::isObject);
        Label start = new Label(), loop = new Label(), done = new Label(), end = new Label(), handler = new Label();
        mv.visitCode();
        mv.visitLabel(start);
        Gen.checkCallBudget(mv, budget);
        Gen.pushInt(mv, frameLength);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, frame);
        if (needsRefs) {
            Gen.pushInt(mv, frameLength);
            mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        } else {
            mv.visitInsn(ACONST_NULL);
        }
        mv.visitVarInsn(ASTORE, refArray);
        int slot = 0;
        for (int i = 0; i < sig.params.length; i++) {
            Chunks.storeFrame(mv, sig.params[i], i, slot, frame, refArray);
            slot += sig.params[i].size;
        }
        chunks.zeroVectorLocals(mv, sig.params.length, refArray);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, id);
        mv.visitLabel(loop);
        List<String> callees = new ArrayList<>();
        boolean grouped = chunks.chunkCount() > CHUNKS_PER_GROUP;
        for (int k = 0; k < chunks.chunkCount(); k += grouped ? CHUNKS_PER_GROUP : 1) {
            callees.add(grouped ? groupName(name, k / CHUNKS_PER_GROUP) : chunks.chunkName(k));
        }
        Label[] calls = new Label[callees.size()];
        for (int k = 0; k < calls.length; k++) calls[k] = new Label();
        mv.visitVarInsn(ILOAD, id);
        mv.visitIntInsn(BIPUSH, grouped ? 24 : 16);
        mv.visitInsn(IUSHR);
        mv.visitTableSwitchInsn(0, calls.length - 1, done, calls);
        for (int k = 0; k < calls.length; k++) {
            mv.visitLabel(calls[k]);
            mv.visitVarInsn(ALOAD, self);
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitVarInsn(ALOAD, frame);
            mv.visitVarInsn(ALOAD, refArray);
            mv.visitVarInsn(ILOAD, id);
            mv.visitVarInsn(ILOAD, budget);
            mv.visitMethodInsn(INVOKESTATIC, Gen.codeClass(funcIndex), callees.get(k), Chunks.CHUNK_DESC, false);
            mv.visitVarInsn(ISTORE, id);
            mv.visitJumpInsn(GOTO, loop);
        }
        mv.visitLabel(done);
        returnResults(mv, sig.results, chunks, ctx, frame, refArray, id + 1);
        mv.visitLabel(end);
        mv.visitLabel(handler);
        Gen.addTrapFrame(mv, self, funcIndex);
        mv.visitTryCatchBlock(start, end, handler, Gen.TRAP);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return mv;
    }

    /** Chunks one driver switch serves directly; more go through group methods, keeping the driver small. */
    private static final int CHUNKS_PER_GROUP = 256;

    private static String groupName(String name, int group) { return name + "_g" + group; }

    /** The methods that call the chunks {@code 256 g..} for the driver (chunk numbers in bits 16-23 of the id). */
    private static List<MethodNode> groups(int funcIndex, String name, Chunks chunks) {
        List<MethodNode> out = new ArrayList<>();
        if (chunks.chunkCount() <= CHUNKS_PER_GROUP) return out;
        for (int first = 0; first < chunks.chunkCount(); first += CHUNKS_PER_GROUP) {
            MethodNode mv = new MethodNode(ACC_STATIC, groupName(name, first / CHUNKS_PER_GROUP), Chunks.CHUNK_DESC, null, null);
            int n = Math.min(CHUNKS_PER_GROUP, chunks.chunkCount() - first);
            Label[] calls = new Label[n];
            for (int k = 0; k < n; k++) calls[k] = new Label();
            Label bad = new Label();
            mv.visitCode();
            mv.visitVarInsn(ILOAD, Chunks.ENTRY);
            mv.visitIntInsn(BIPUSH, 16);
            mv.visitInsn(IUSHR);
            mv.visitIntInsn(SIPUSH, 0xFF);
            mv.visitInsn(IAND);
            mv.visitTableSwitchInsn(0, n - 1, bad, calls);
            for (int k = 0; k < n; k++) {
                mv.visitLabel(calls[k]);
                for (int local = Chunks.SELF; local <= Chunks.REFS; local++) mv.visitVarInsn(ALOAD, local);
                mv.visitVarInsn(ILOAD, Chunks.ENTRY);
                mv.visitVarInsn(ILOAD, Chunks.BUDGET);
                mv.visitMethodInsn(INVOKESTATIC, Gen.codeClass(funcIndex), chunks.chunkName(first + k), Chunks.CHUNK_DESC, false);
                mv.visitInsn(IRETURN);
            }
            mv.visitLabel(bad);
            CodeClassWriter.throwNotCompiled(mv, Chunks.ENTRY);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            out.add(mv);
        }
        return out;
    }

    /** The results from the frame's transfer slots: results 1.. to the context's slots, the first returned. */
    private static void returnResults(MethodNode mv, JvmType[] results, Chunks chunks, int ctx, int frame, int refs, int firstTemp) {
        int[] temps = new int[results.length];
        int next = firstTemp;
        for (int k = 0; k < results.length; k++) {
            temps[k] = next;
            next += results[k].size;
            Chunks.loadFrame(mv, results[k], chunks.transferIndex(k), frame, refs);
            mv.visitVarInsn(results[k].store, temps[k]);
        }
        if (results.length > 1) {
            int top = next;
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
            Gen.pushInt(mv, JvmType.valueSlots(results));
            mv.visitInsn(IADD);
            mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "ensure", "(I)V", false);
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
            mv.visitVarInsn(ISTORE, top);
            for (int k = 1; k < results.length; k++) Gen.storeSlot(mv, results[k], temps[k], ctx, top, JvmType.valueSlotOffset(results, k));
        }
        if (results.length == 0) {
            mv.visitInsn(RETURN);
        } else {
            mv.visitVarInsn(results[0].load, temps[0]);
            mv.visitInsn(results[0].returnOp);
        }
    }
}
