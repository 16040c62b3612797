package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.objectweb.asm.Opcodes.*;

/**
 * Translates one Wasm function into the static method {@code f<index>(params..., State, ExecContext, int budget)}.
 * Wasm locals are JVM locals and the operand stack is the JVM stack, tracked by a typed abstract
 * stack; unreachable code is skipped. The first result is returned, further results go to the
 * context's slots from {@code ctx.top + 1} (no allocation per call).
 *
 * <p>Translated whole, it records where the function could be split ({@link #splitPoints()});
 * given chosen split points it writes the chunk methods of {@link Chunks} instead.
 */
final class FunctionTranslator {
    private final ModulePlan plan;
    private final Module module;
    private final int funcIndex;
    private final int[] ops;
    private MethodNode mv;
    private final JvmType[] localTypes;
    private final int[] localSlot;
    private final int selfLocal;
    private final int ctxLocal;
    private final int budgetLocal;
    private int depthLocal = -1;
    private int nextLocal;
    private final Label restart = new Label();
    private final List<Object[]> handlers = new ArrayList<>();
    /** Open try_tables and trys: no split point lies inside one, so a handler covers one method. */
    private int protectedDepth;

    /** Whole translation: where it could be split, and the size so far. */
    private final SplitPoints splitPoints;
    private final BytecodeSize size;
    /** Split translation: the chunk methods, and the blocks the current chunk has labels for. */
    private final Chunks chunks;
    private final List<Block> chunkBlocks = new ArrayList<>();
    /** Split translation: the control flow and local accesses of the current chunk. */
    private ChunkLocals flow;
    /** The instruction being translated. */
    private int pcNow;
    /** Where a delegate to the caller sends the exception, outside every handler; null until needed. */
    private Label throwToCaller;

    private JvmType[] stack = new JvmType[16];
    private int sp;
    private final List<Block> blocks = new ArrayList<>();
    private boolean reachable = true;

    /** Translates into the single method {@code mv}. */
    FunctionTranslator(ModulePlan plan, int funcIndex, MethodNode mv) {
        this(plan, funcIndex, mv, null, null);
    }

    /** Translates into chunks starting at {@code splitPcs}, methods named {@code name_<k>}. */
    FunctionTranslator(ModulePlan plan, int funcIndex, String name, int[] splitPcs) {
        this(plan, funcIndex, null, name, splitPcs);
    }

    private FunctionTranslator(ModulePlan plan, int funcIndex, MethodNode mv, String name, int[] splitPcs) {
        this.plan = plan;
        this.module = plan.module;
        this.funcIndex = funcIndex;
        this.mv = mv;
        Function fn = module.functions().get(funcIndex - module.importedFunctionCount());
        this.ops = fn.body().ops();
        CompositeType.Func type = module.types().get(fn.typeIndex()).func();
        List<ValType> all = new ArrayList<>(type.params());
        all.addAll(fn.locals());
        localTypes = JvmType.of(all);
        localSlot = new int[all.size()];
        int params = type.params().size();
        if (splitPcs == null) {
            int slot = 0;
            for (int i = 0; i < params; i++) {
                localSlot[i] = slot;
                slot += localTypes[i].size;
            }
            selfLocal = slot;
            ctxLocal = slot + 1;
            budgetLocal = slot + 2;
            slot += 3;
            for (int i = params; i < all.size(); i++) {
                localSlot[i] = slot;
                slot += localTypes[i].size;
            }
            nextLocal = slot;
            splitPoints = new SplitPoints();
            size = new BytecodeSize(mv.instructions);
            chunks = null;
        } else {
            selfLocal = Chunks.SELF;
            ctxLocal = Chunks.CTX;
            budgetLocal = Chunks.BUDGET;
            int slot = Chunks.FIRST_LOCAL;
            for (int i = 0; i < all.size(); i++) {
                localSlot[i] = slot;
                slot += localTypes[i].size;
            }
            nextLocal = slot;
            splitPoints = null;
            size = null;
            chunks = new Chunks(name, splitPcs, localTypes, localSlot);
        }
    }

    /** Emits the whole method into the node given at construction. */
    void translate() {
        Signature sig = plan.functionSignature[funcIndex];
        Label start = new Label();
        Label end = new Label();
        Label trapHandler = new Label();
        mv.visitCode();
        mv.visitLabel(start);
        Gen.checkCallBudget(mv, budgetLocal);
        if (catchesExceptions()) {
            depthLocal = newLocal(JvmType.INT);
            loadCtx();
            mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "depth", "()I", false);
            mv.visitVarInsn(ISTORE, depthLocal);
        }
        mv.visitLabel(restart);
        for (int i = sig.params.length; i < localTypes.length; i++) {
            Gen.pushZero(mv, localTypes[i]);
            mv.visitVarInsn(localTypes[i].store, localSlot[i]);
        }
        translateBody(sig);
        placeThrowToCaller();
        mv.visitLabel(end);
        mv.visitLabel(trapHandler);
        Gen.addTrapFrame(mv, selfLocal, funcIndex);
        for (Object[] h : handlers) mv.visitTryCatchBlock((Label) h[0], (Label) h[1], (Label) h[2], (String) h[3]);
        mv.visitTryCatchBlock(start, end, trapHandler, Gen.TRAP);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** After a whole translation: the bytecode size and where it could be split. */
    int size() { return size.sofar(); }

    SplitPoints splitPoints() { return splitPoints; }

    /** Emits the chunk methods; the driver must be added by the caller (see {@link MethodSplitter}). */
    Chunks translateChunks() {
        Signature sig = plan.functionSignature[funcIndex];
        if (catchesExceptions()) depthLocal = newLocal(JvmType.INT);
        openChunk(0);
        Label bodyStart = new Label();
        chunks.entry(Chunks.START, 0, () -> mv.visitJumpInsn(GOTO, bodyStart));
        mv.visitLabel(bodyStart);
        translateBody(sig);
        closeChunk();
        return chunks;
    }

    /** The entry poll, then every instruction of the body. */
    private void translateBody(Signature sig) {
        tick();
        Block body = new Block(-1, new JvmType[0], sig.results, 0);
        body.localBase = nextLocal;
        blocks.add(body);
        int pc = 0;
        while (pc < ops.length) pc = step(pc);
    }

    /** Where a delegate to the caller throws, outside every handler of the method, if one did. */
    private void placeThrowToCaller() {
        if (throwToCaller == null) return;
        mv.visitLabel(throwToCaller);
        mv.visitInsn(ATHROW);
        throwToCaller = null;
    }

    private void openChunk(int startPc) {
        mv = chunks.open();
        flow = new ChunkLocals(ops, startPc, Math.min(ops.length, chunks.chunkEnd()), localTypes.length);
    }

    /** Ends the current chunk at a split point (empty stack) and opens the next. */
    private void split(int pc) {
        int next = chunks.current() + 1;
        Chunks.Key start = new Chunks.Key(next, Chunks.Key.CHUNK);
        chunks.exitTo(start);
        closeChunk();
        openChunk(pc);
        Label here = new Label();
        chunks.entry(start, pc, () -> mv.visitJumpInsn(GOTO, here));
        mv.visitLabel(here);
        for (int d = blocks.size() - 1; d >= 1; d--) {
            Block b = blocks.get(d);
            b.target = new Label();
            if (b.opcode == Opcodes.IF && !b.hasElse) b.elseLabel = new Label();
            b.usedHere = false;
            chunkBlocks.add(b);
        }
    }

    /**
     * Writes the current chunk's exits (labels whose head, end or else-arm lies in another chunk),
     * its entries for loops that go on in later chunks, then its dispatch.
     */
    private void closeChunk() {
        int savedNext = nextLocal;
        int current = chunks.current();
        for (Block b : chunkBlocks) {
            if (b.opcode == Opcodes.LOOP) {
                Chunks.Key head = new Chunks.Key(b, Chunks.Key.LOOP);
                if (b.openChunk != current) {
                    if (b.usedHere) exitStub(b.target, head, b.params, b.branchLocals);
                } else if (!b.ended || chunks.hasExit(head)) {
                    Label target = b.target;
                    chunks.entry(head, b.openPc, () -> enterWith(b.params, b.branchLocals, target));
                }
            } else if (!b.ended) {
                if (b.usedHere) exitStub(b.target, new Chunks.Key(b, Chunks.Key.END), b.results, b.branchLocals);
                if (b.opcode == Opcodes.IF && !b.hasElse && b.openChunk == current) {
                    // The if's jump to the else-arm arrives with the block's parameters on the stack.
                    mv.visitLabel(b.elseLabel);
                    sp = 0;
                    for (JvmType t : b.params) push(t);
                    int[] params = spillTop(b.params);
                    for (int k = 0; k < params.length; k++) chunks.storeTransfer(k, b.params[k], params[k]);
                    chunks.exitTo(new Chunks.Key(b, Chunks.Key.ELSE));
                }
            }
        }
        chunkBlocks.clear();
        placeThrowToCaller();
        chunks.close(flow, () -> {
            if (depthLocal < 0) return;
            loadCtx();
            mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "depth", "()I", false);
            mv.visitVarInsn(ISTORE, depthLocal);
        });
        for (Object[] h : handlers) mv.visitTryCatchBlock((Label) h[0], (Label) h[1], (Label) h[2], (String) h[3]);
        handlers.clear();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        nextLocal = savedNext;
    }

    /** At a label leading out of the chunk: moves the carried values to the transfer slots and leaves. */
    private void exitStub(Label label, Chunks.Key key, JvmType[] carried, int[] locals) {
        mv.visitLabel(label);
        for (int k = 0; k < carried.length; k++) chunks.storeTransfer(k, carried[k], locals[k]);
        chunks.exitTo(key);
    }

    /** An entry's code: the carried values from the transfer slots into {@code locals}, then on to {@code target}. */
    private void enterWith(JvmType[] carried, int[] locals, Label target) {
        for (int k = 0; k < carried.length; k++) {
            chunks.loadTransfer(k, carried[k]);
            mv.visitVarInsn(carried[k].store, locals[k]);
        }
        mv.visitJumpInsn(GOTO, target);
    }

    /** Records that the label's target is jumped to, and returns it. */
    private Label jumpTarget(Block b) {
        b.branched = true;
        b.usedHere = true;
        if (flow != null) flow.edge(pcNow, targetPc(b));
        return b.target;
    }

    /** Where a branch to the label goes on: the loop instruction for a loop, else the end. */
    private static int targetPc(Block b) { return b.opcode == Opcodes.LOOP ? b.openPc : b.endPc; }

    /** Records a local access for the chunk's entry loads and write-back. */
    private void touchLocal(int local, boolean write) {
        if (chunks == null) return;
        chunks.touch(local, write);
        flow.touch(pcNow, local);
    }

    private boolean catchesExceptions() {
        for (int pc = 0; pc < ops.length; pc += Opcodes.length(ops, pc)) if (ops[pc] == Opcodes.TRY_TABLE || ops[pc] == Opcodes.TRY) return true;
        return false;
    }

    // ---- abstract stack and locals ----

    private void push(JvmType t) {
        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
        stack[sp++] = t;
    }

    private JvmType pop() { return stack[--sp]; }

    private void pop(int n) { sp -= n; }

    private int newLocal(JvmType t) {
        int l = nextLocal;
        nextLocal += t.size;
        return l;
    }

    private void loadCtx() { mv.visitVarInsn(ALOAD, ctxLocal); }

    private void loadSelf() { mv.visitVarInsn(ALOAD, selfLocal); }

    /** Pushes what a call passes after its operands: state, context and the callee's budget. */
    private void loadCallExtras() {
        loadSelf();
        loadCtx();
        Gen.pushCalleeBudget(mv, budgetLocal);
    }

    private void tick() {
        if (!plan.options.interruptChecks()) return;
        loadCtx();
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "tick", "()V", false);
    }

    private Block block(int labelDepth) { return blocks.get(blocks.size() - 1 - labelDepth); }

    private JvmType[] blockParams(int pc) { return JvmType.of(FunctionSupport.blockParams(module, ops[pc + 1], ops[pc + 2])); }

    private JvmType[] blockResults(int pc) { return JvmType.of(FunctionSupport.blockResults(module, ops[pc + 1], ops[pc + 2])); }

    /** Stores the top {@code types.length} stack values into fresh locals (top last) and returns them. */
    private int[] spillTop(JvmType[] types) {
        int[] locals = new int[types.length];
        for (int i = 0; i < types.length; i++) locals[i] = newLocal(types[i]);
        for (int i = types.length - 1; i >= 0; i--) mv.visitVarInsn(types[i].store, locals[i]);
        pop(types.length);
        return locals;
    }

    private void reload(int[] locals, JvmType[] types) {
        for (int i = 0; i < types.length; i++) {
            mv.visitVarInsn(types[i].load, locals[i]);
            push(types[i]);
        }
    }

    private int[] allocate(JvmType[] types) {
        int[] locals = new int[types.length];
        for (int i = 0; i < types.length; i++) locals[i] = newLocal(types[i]);
        return locals;
    }

    // ---- instructions ----

    private int step(int pc) {
        pcNow = pc;
        int after = translateStep(pc);
        if (flow != null) flow.visited(pc, reachable && after == pc + Opcodes.length(ops, pc));
        return after;
    }

    private int translateStep(int pc) {
        int op = ops[pc];
        int next = pc + Opcodes.length(ops, pc);
        if (!reachable) return skipUnreachable(op, pc, next);
        if (chunks != null) {
            if (chunks.startsChunk(pc)) split(pc);
        } else if (sp == 0 && protectedDepth == 0 && pc > 0 && op != Opcodes.END && op != Opcodes.ELSE) {
            splitPoints.add(pc, size.sofar());
        }
        JvmType[] numeric = NumericEmitter.operands(op);
        if (numeric != null) {
            NumericEmitter.emit(mv, op);
            pop(numeric.length);
            push(NumericEmitter.result(op));
            return next;
        }
        switch (op) {
            case Opcodes.NOP -> { }
            case Opcodes.UNREACHABLE -> {
                mv.visitMethodInsn(INVOKESTATIC, Gen.TRAP, "unreachable", "()L" + Gen.TRAP + ";", false);
                mv.visitInsn(ATHROW);
                reachable = false;
            }
            case Opcodes.BLOCK -> enterBlock(op, pc);
            case Opcodes.LOOP -> enterLoop(pc);
            case Opcodes.IF -> enterIf(pc);
            case Opcodes.ELSE -> onElse();
            case Opcodes.TRY_TABLE -> enterTryTable(pc);
            case Opcodes.TRY -> enterTry(pc);
            case Opcodes.CATCH, Opcodes.CATCH_ALL -> onCatch(op, pc);
            case Opcodes.DELEGATE -> onDelegate(ops[pc + 1]);
            case Opcodes.RETHROW -> {
                mv.visitVarInsn(ALOAD, block(ops[pc + 1]).caughtLocal);
                mv.visitInsn(ATHROW);
                reachable = false;
            }
            case Opcodes.END -> onEnd();
            case Opcodes.BR -> {
                branch(ops[pc + 1]);
                reachable = false;
            }
            case Opcodes.BR_IF -> brIf(ops[pc + 1]);
            case Opcodes.BR_TABLE -> brTable(pc);
            case Opcodes.RETURN -> {
                emitReturn();
                reachable = false;
            }
            case Opcodes.BR_ON_NULL -> brOnNull(ops[pc + 1]);
            case Opcodes.BR_ON_NON_NULL -> brOnNonNull(ops[pc + 1]);
            case Opcodes.CALL -> call(ops[pc + 1]);
            case Opcodes.RETURN_CALL -> {
                if (ops[pc + 1] == funcIndex) selfTailCall();
                else tailCall(ops[pc + 1]);
            }
            case Opcodes.RETURN_CALL_INDIRECT -> tailCallIndirect(ops[pc + 1], ops[pc + 2]);
            case Opcodes.RETURN_CALL_REF -> tailCallRef(ops[pc + 1]);
            case Opcodes.CALL_INDIRECT -> callIndirect(ops[pc + 1], ops[pc + 2]);
            case Opcodes.CALL_REF -> callRef(ops[pc + 1]);
            case Opcodes.THROW -> throwTag(ops[pc + 1]);
            case Opcodes.THROW_REF -> {
                pop();
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "throwRef", "(Ljava/lang/Object;)Ljava/lang/RuntimeException;", false);
                mv.visitInsn(ATHROW);
                reachable = false;
            }
            case Opcodes.DROP -> Gen.pop(mv, pop());
            case Opcodes.SELECT, Opcodes.SELECT_T -> select();
            case Opcodes.LOCAL_GET -> {
                int i = ops[pc + 1];
                touchLocal(i, false);
                mv.visitVarInsn(localTypes[i].load, localSlot[i]);
                push(localTypes[i]);
            }
            case Opcodes.LOCAL_SET -> {
                int i = ops[pc + 1];
                touchLocal(i, true);
                mv.visitVarInsn(localTypes[i].store, localSlot[i]);
                pop();
            }
            case Opcodes.LOCAL_TEE -> {
                int i = ops[pc + 1];
                touchLocal(i, true);
                mv.visitInsn(localTypes[i].size == 2 ? DUP2 : DUP);
                mv.visitVarInsn(localTypes[i].store, localSlot[i]);
            }
            case Opcodes.GLOBAL_GET -> globalGet(ops[pc + 1]);
            case Opcodes.GLOBAL_SET -> globalSet(ops[pc + 1]);
            case Opcodes.I32_CONST -> {
                Gen.pushInt(mv, ops[pc + 1]);
                push(JvmType.INT);
            }
            case Opcodes.I64_CONST -> {
                Gen.pushLong(mv, (ops[pc + 1] & 0xFFFFFFFFL) | ((long) ops[pc + 2] << 32));
                push(JvmType.LONG);
            }
            case Opcodes.F32_CONST -> {
                Gen.pushInt(mv, ops[pc + 1]);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                push(JvmType.FLOAT);
            }
            case Opcodes.F64_CONST -> {
                Gen.pushLong(mv, (ops[pc + 1] & 0xFFFFFFFFL) | ((long) ops[pc + 2] << 32));
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                push(JvmType.DOUBLE);
            }
            case Opcodes.REF_NULL -> {
                mv.visitInsn(ACONST_NULL);
                push(JvmType.REF);
            }
            case Opcodes.REF_IS_NULL -> {
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "isNull", "(Ljava/lang/Object;)I", false);
                pop();
                push(JvmType.INT);
            }
            case Opcodes.REF_FUNC -> {
                loadSelf();
                mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "functions", "[" + Gen.FUNCTION_DESC);
                Gen.pushInt(mv, ops[pc + 1]);
                mv.visitInsn(AALOAD);
                push(JvmType.REF);
            }
            case Opcodes.REF_EQ -> {
                mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "refEq", "(Ljava/lang/Object;Ljava/lang/Object;)I", false);
                pop(2);
                push(JvmType.INT);
            }
            case Opcodes.REF_AS_NON_NULL ->
                    mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "nonNull", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            case Opcodes.I64_ADD128, Opcodes.I64_SUB128, Opcodes.I64_MUL_WIDE_S, Opcodes.I64_MUL_WIDE_U -> wide(op);
            default -> {
                if (!MemoryEmitter.emit(this, op, pc) && !AtomicEmitter.emit(this, op, pc) && !GcEmitter.emit(this, op, pc)
                        && !SimdEmitter.emit(this, op, pc)) {
                    throw new IllegalStateException("compiler has no translation for " + Opcodes.name(op));
                }
            }
        }
        return next;
    }

    /** In dead code, skips whole nested blocks and stops at the end or else of the current one. */
    private int skipUnreachable(int op, int pc, int next) {
        switch (op) {
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.TRY_TABLE -> { return ops[pc + 3] + 1; }
            case Opcodes.IF -> { return ops[pc + 4] + 1; }
            case Opcodes.TRY -> { return ops[pc + 3] + Opcodes.length(ops, ops[pc + 3]); }
            case Opcodes.ELSE -> onElse();
            case Opcodes.CATCH, Opcodes.CATCH_ALL -> onCatch(op, pc);
            case Opcodes.DELEGATE -> onDelegate(ops[pc + 1]);
            case Opcodes.END -> onEnd();
            default -> { }
        }
        return next;
    }

    // ---- blocks ----

    private Block open(int opcode, int pc) {
        JvmType[] params = blockParams(pc);
        Block b = new Block(opcode, params, blockResults(pc), sp - params.length);
        b.localBase = nextLocal;
        b.branchLocals = allocate(b.carried());
        b.endPc = ops[pc + (opcode == Opcodes.IF ? 4 : 3)];
        b.openPc = pc;
        blocks.add(b);
        if (chunks != null) {
            b.openChunk = chunks.current();
            chunkBlocks.add(b);
        }
        return b;
    }

    private void enterBlock(int opcode, int pc) { open(opcode, pc); }

    private void enterLoop(int pc) {
        Block b = open(Opcodes.LOOP, pc);
        JvmType[] params = b.params;
        for (int i = params.length - 1; i >= 0; i--) mv.visitVarInsn(params[i].store, b.branchLocals[i]);
        pop(params.length);
        mv.visitLabel(b.target);
        tick();
        reload(b.branchLocals, params);
    }

    private void enterIf(int pc) {
        pop();
        Block b = open(Opcodes.IF, pc);
        b.elseLabel = new Label();
        if (flow != null) flow.edge(pc, ops[pc + 3] >= 0 ? ops[pc + 3] : b.endPc);
        mv.visitJumpInsn(IFEQ, b.elseLabel);
    }

    private void onElse() {
        Block b = blocks.getLast();
        if (reachable) {
            storeCarried(b);
            mv.visitJumpInsn(GOTO, jumpTarget(b));
            b.thenFellThrough = true;
        }
        b.hasElse = true;
        placeElse(b);
        sp = b.height;
        for (JvmType t : b.params) push(t);
        reachable = true;
    }

    /** Places the else-arm's label; reached from another chunk, it is an entry too. */
    private void placeElse(Block b) {
        mv.visitLabel(b.elseLabel);
        Chunks.Key key = new Chunks.Key(b, Chunks.Key.ELSE);
        if (chunks == null || !chunks.hasExit(key)) return;
        Label elseLabel = b.elseLabel;
        chunks.entry(key, pcNow, () -> {
            for (int k = 0; k < b.params.length; k++) chunks.loadTransfer(k, b.params[k]);
            mv.visitJumpInsn(GOTO, elseLabel);
        });
    }

    /** Pops the block's carried values into its branch locals. */
    private void storeCarried(Block b) {
        JvmType[] carried = b.carried();
        for (int i = carried.length - 1; i >= 0; i--) mv.visitVarInsn(carried[i].store, b.branchLocals[i]);
        pop(carried.length);
    }

    private void onEnd() {
        Block b = blocks.removeLast();
        b.ended = true;
        if (b.opcode == -1) {
            if (reachable) emitReturn();
            return;
        }
        if (b.opcode == Opcodes.TRY_TABLE) {
            endTryTable(b);
            return;
        }
        if (b.opcode == Opcodes.TRY) {
            endTry(b);
            return;
        }
        boolean viaLocals = b.opcode == Opcodes.IF || b.branched && b.opcode != Opcodes.LOOP;
        if (!viaLocals) {
            nextLocal = b.localBase;
            return;
        }
        boolean endReachable = reachable || b.branched || b.thenFellThrough;
        if (reachable) storeCarried(b);
        if (b.opcode == Opcodes.IF && !b.hasElse) {
            if (reachable) mv.visitJumpInsn(GOTO, b.target);
            placeElse(b);
            sp = b.height;
            for (JvmType t : b.params) push(t);
            storeCarried(b);
            endReachable = true;
        }
        finishEnd(b, endReachable);
    }

    private void finishEnd(Block b, boolean endReachable) {
        Chunks.Key key = new Chunks.Key(b, Chunks.Key.END);
        if (chunks != null && chunks.hasExit(key)) {
            Label end = b.target;
            chunks.entry(key, b.endPc, () -> enterWith(b.results, b.branchLocals, end));
        }
        mv.visitLabel(b.target);
        sp = b.height;
        reachable = endReachable;
        if (endReachable) reload(b.branchLocals, b.results);
        nextLocal = b.localBase;
    }

    // ---- try_table ----

    private void enterTryTable(int pc) {
        if (flow != null) {
            // A throw anywhere in the body may reach any catch clause's label.
            for (int c = 0; c < ops[pc + 4]; c++) {
                Block target = block(ops[pc + 5 + 3 * c + 2]);
                if (target.opcode != -1) flow.edge(pc, targetPc(target));
            }
        }
        openProtected(Opcodes.TRY_TABLE, pc);
    }

    /** Opens a try_table or try: the stack below is saved to locals (a JVM throw empties it) and the range starts. */
    private Block openProtected(int opcode, int pc) {
        int localBase = nextLocal;
        JvmType[] types = Arrays.copyOf(stack, sp);
        int[] spill = spillTop(types);
        reload(spill, types);
        Block b = open(opcode, pc);
        b.spillLocals = spill;
        b.spillTypes = types;
        b.localBase = localBase;
        b.tryPc = pc;
        b.handlerEntry = new Label();
        b.tryStart = new Label();
        protectedDepth++;
        mv.visitLabel(b.tryStart);
        mv.visitInsn(NOP); // a protected range must not be empty, even when the body is
        return b;
    }

    private void endTryTable(Block b) {
        boolean endReachable = endProtectedBody(b);
        int exceptionLocal = newLocal(JvmType.REF);
        int refLocal = newLocal(JvmType.REF);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, exceptionLocal);
        loadCtx();
        mv.visitVarInsn(ILOAD, depthLocal);
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "caught", "(L" + Gen.WASM_EXCEPTION + ";" + Gen.CTX_DESC + "I)" + Gen.EXCEPTION_REF_DESC, false);
        mv.visitVarInsn(ASTORE, refLocal);
        int pc = b.tryPc;
        int clauses = ops[pc + 4];
        for (int c = 0; c < clauses; c++) {
            int at = pc + 5 + 3 * c;
            int kind = ops[at];
            int tag = ops[at + 1];
            Label next = new Label();
            boolean all = kind == Immediates.CATCH_KIND_ALL || kind == Immediates.CATCH_KIND_ALL_REF;
            if (!all) {
                mv.visitVarInsn(ALOAD, refLocal);
                mv.visitMethodInsn(INVOKEVIRTUAL, Gen.EXCEPTION_REF, "tag", "()" + Gen.TAG_DESC, false);
                loadSelf();
                mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "tags", "[" + Gen.TAG_DESC);
                Gen.pushInt(mv, tag);
                mv.visitInsn(AALOAD);
                mv.visitJumpInsn(IF_ACMPNE, next);
            }
            sp = 0;
            reload(b.spillLocals, b.spillTypes);
            if (!all) pushPayload(refLocal, module.types().get(module.tagTypeIndex(tag)).func());
            if (kind == Immediates.CATCH_KIND_CATCH_REF || kind == Immediates.CATCH_KIND_ALL_REF) {
                mv.visitVarInsn(ALOAD, refLocal);
                push(JvmType.REF);
            }
            branch(ops[at + 2]);
            mv.visitLabel(next);
        }
        mv.visitVarInsn(ALOAD, exceptionLocal);
        mv.visitInsn(ATHROW);
        finishEnd(b, endReachable);
    }

    /**
     * At the end of a try_table's or delegating try's body: a fall-through goes to the end with
     * its values, then the range ends and the handler entry follows. True when the end is reachable.
     */
    private boolean endProtectedBody(Block b) {
        protectedDepth--;
        boolean endReachable = reachable || b.branched;
        if (reachable) {
            storeCarried(b);
            mv.visitJumpInsn(GOTO, b.target);
        }
        endRange(b);
        return endReachable;
    }

    /** Ends the block's protected range and places its handler entry. */
    private void endRange(Block b) {
        Label rangeEnd = new Label();
        mv.visitLabel(rangeEnd);
        handlers.add(new Object[] {b.tryStart, rangeEnd, b.handlerEntry, Gen.WASM_EXCEPTION});
        mv.visitLabel(b.handlerEntry);
    }

    // ---- legacy try: catch, catch_all, delegate, rethrow ----

    private void enterTry(int pc) {
        if (flow != null) {
            // A throw anywhere in the body may reach any catch arm.
            for (int h = ops[pc + 4]; h != -1 && ops[h] != Opcodes.DELEGATE; h = ops[h] == Opcodes.CATCH ? ops[h + 2] : -1) {
                flow.edge(pc, h);
            }
        }
        int caught = newLocal(JvmType.REF);
        int ref = newLocal(JvmType.REF);
        Block b = openProtected(Opcodes.TRY, pc);
        b.localBase = caught;
        b.caughtLocal = caught;
        b.refLocal = ref;
        b.catches = new LinkedHashMap<>();
        for (int h = ops[pc + 4]; h != -1 && ops[h] != Opcodes.DELEGATE; h = ops[h] == Opcodes.CATCH ? ops[h + 2] : -1) {
            b.catches.put(h, new Label());
        }
    }

    /** Leaves the body or the previous catch for the end; the first catch also emits the dispatch to the catches. */
    private void onCatch(int op, int pc) {
        Block b = blocks.getLast();
        if (reachable) {
            storeCarried(b);
            mv.visitJumpInsn(GOTO, b.target);
            b.branched = true;
        }
        if (!b.inCatch) dispatchToCatches(b);
        mv.visitLabel(b.catches.get(pc));
        sp = 0;
        reload(Arrays.copyOf(b.spillLocals, b.height), Arrays.copyOf(b.spillTypes, b.height));
        if (op == Opcodes.CATCH) pushPayload(b.refLocal, module.types().get(module.tagTypeIndex(ops[pc + 1])).func());
        reachable = true;
    }

    /** At the handler entry: records the exception, then jumps to the first catch whose tag matches, or throws it on. */
    private void dispatchToCatches(Block b) {
        b.inCatch = true;
        endRange(b);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, b.caughtLocal);
        loadCtx();
        mv.visitVarInsn(ILOAD, depthLocal);
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "caught", "(L" + Gen.WASM_EXCEPTION + ";" + Gen.CTX_DESC + "I)" + Gen.EXCEPTION_REF_DESC, false);
        mv.visitVarInsn(ASTORE, b.refLocal);
        for (Map.Entry<Integer, Label> c : b.catches.entrySet()) {
            if (ops[c.getKey()] == Opcodes.CATCH_ALL) {
                mv.visitJumpInsn(GOTO, c.getValue());
                return;
            }
            mv.visitVarInsn(ALOAD, b.refLocal);
            mv.visitMethodInsn(INVOKEVIRTUAL, Gen.EXCEPTION_REF, "tag", "()" + Gen.TAG_DESC, false);
            loadSelf();
            mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "tags", "[" + Gen.TAG_DESC);
            Gen.pushInt(mv, ops[c.getKey() + 1]);
            mv.visitInsn(AALOAD);
            mv.visitJumpInsn(IF_ACMPEQ, c.getValue());
        }
        mv.visitVarInsn(ALOAD, b.caughtLocal);
        mv.visitInsn(ATHROW);
    }

    private void endTry(Block b) {
        protectedDepth--;
        boolean endReachable = reachable || b.branched;
        if (reachable) storeCarried(b);
        finishEnd(b, endReachable);
    }

    /** Ends a try whose exceptions go to the handlers of the label {@code depth} levels out. */
    private void onDelegate(int depth) {
        Block b = blocks.removeLast();
        b.ended = true;
        boolean endReachable = endProtectedBody(b);
        mv.visitJumpInsn(GOTO, delegateTarget(depth));
        finishEnd(b, endReachable);
    }

    /**
     * The handler entry of the label {@code depth} levels out when its handlers apply there
     * (a try_table, a try in its body), else of the nearest such label outside it; the caller's
     * when there is none.
     */
    private Label delegateTarget(int depth) {
        for (int i = blocks.size() - 1 - depth; i > 0; i--) {
            Block x = blocks.get(i);
            boolean catches = x.opcode == Opcodes.TRY && !x.inCatch && ops[x.tryPc + 4] != -1;
            if (x.opcode == Opcodes.TRY_TABLE || catches) return x.handlerEntry;
        }
        if (throwToCaller == null) throwToCaller = new Label();
        return throwToCaller;
    }

    private void pushPayload(int refLocal, CompositeType.Func tagType) {
        JvmType[] types = JvmType.of(tagType.params());
        for (int k = 0; k < types.length; k++) {
            mv.visitVarInsn(ALOAD, refLocal);
            if (types[k] == JvmType.REF) mv.visitMethodInsn(INVOKEVIRTUAL, Gen.EXCEPTION_REF, "refs", "()[Ljava/lang/Object;", false);
            else mv.visitMethodInsn(INVOKEVIRTUAL, Gen.EXCEPTION_REF, "bits", "()[J", false);
            Gen.pushInt(mv, JvmType.valueSlotOffset(types, k));
            Gen.loadBits(mv, types[k]);
            push(types[k]);
        }
    }

    private void throwTag(int tag) {
        Signature sig = plan.signature(module.types().get(module.tagTypeIndex(tag)).func());
        sig.thrown = true;
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "tags", "[" + Gen.TAG_DESC);
        Gen.pushInt(mv, tag);
        mv.visitInsn(AALOAD);
        mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.thrower(), "(" + params(sig) + Gen.TAG_DESC + ")L" + Gen.WASM_EXCEPTION + ";", false);
        mv.visitInsn(ATHROW);
        pop(sig.params.length);
        reachable = false;
    }

    private static String params(Signature sig) {
        StringBuilder sb = new StringBuilder();
        for (JvmType t : sig.params) sb.append(t.descriptor);
        return sb.toString();
    }

    // ---- branches ----

    /**
     * Jumps to the label {@code labelDepth} levels out with the stack as Wasm leaves it: carried
     * values into the label's locals, anything above the label's height popped. The abstract stack
     * is left as it was, for br_if's fall-through.
     */
    private void branch(int labelDepth) {
        Block b = block(labelDepth);
        JvmType[] savedStack = stack.clone();
        int savedSp = sp;
        if (b.opcode == -1) {
            emitReturn();
        } else {
            storeCarried(b);
            while (sp > b.height) Gen.pop(mv, pop());
            mv.visitJumpInsn(GOTO, jumpTarget(b));
        }
        stack = savedStack;
        sp = savedSp;
    }

    /** True when a branch to the label needs no stack work: it can be a plain jump. */
    private boolean plainJump(int labelDepth) {
        Block b = block(labelDepth);
        return b.opcode != -1 && b.carried().length == 0 && sp == b.height;
    }

    private void brIf(int labelDepth) {
        pop();
        if (plainJump(labelDepth)) {
            mv.visitJumpInsn(IFNE, jumpTarget(block(labelDepth)));
            return;
        }
        Label skip = new Label();
        mv.visitJumpInsn(IFEQ, skip);
        branch(labelDepth);
        mv.visitLabel(skip);
    }

    private void brOnNull(int labelDepth) {
        Label skip = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, skip);
        mv.visitInsn(POP);
        pop();
        branch(labelDepth);
        push(JvmType.REF);
        mv.visitLabel(skip);
    }

    private void brOnNonNull(int labelDepth) {
        Label skip = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, skip);
        branch(labelDepth);
        mv.visitLabel(skip);
        mv.visitInsn(POP);
        pop();
    }

    private void brTable(int pc) {
        int n = ops[pc + 1];
        int indexLocal = newLocal(JvmType.INT);
        mv.visitVarInsn(ISTORE, indexLocal);
        pop();
        int defaultDepth = ops[pc + 2 + n];
        JvmType[] carried = block(defaultDepth).carried();
        JvmType[] carriedTypes = Arrays.copyOfRange(stack, sp - carried.length, sp);
        int[] temps = spillTop(carriedTypes);
        Map<Integer, Label> stubs = new LinkedHashMap<>();
        Chunks.Key[] tableExits = carried.length == 0 ? tableExits(pc) : null;
        Label tableExit = new Label();
        Label tableExitDefault = new Label();
        if (tableExits != null && !Arrays.asList(tableExits).contains(null)) {
            // Every target leaves: no switch at all, which for thousands of targets would not fit.
            mv.visitVarInsn(ILOAD, indexLocal);
            mv.visitJumpInsn(IFLT, tableExitDefault);
            mv.visitVarInsn(ILOAD, indexLocal);
            Gen.pushInt(mv, n);
            mv.visitJumpInsn(IF_ICMPGE, tableExitDefault);
            mv.visitJumpInsn(GOTO, tableExit);
        } else {
            Label[] targets = new Label[n];
            for (int i = 0; i < n; i++) {
                targets[i] = tableExits != null && tableExits[i] != null ? tableExit : stubFor(ops[pc + 2 + i], carried.length, stubs);
            }
            Label dflt = tableExits != null && tableExits[n] != null ? tableExitDefault : stubFor(defaultDepth, carried.length, stubs);
            if (n == 0) {
                mv.visitJumpInsn(GOTO, dflt);
            } else {
                mv.visitVarInsn(ILOAD, indexLocal);
                mv.visitTableSwitchInsn(0, n - 1, dflt, targets);
            }
        }
        for (Map.Entry<Integer, Label> e : stubs.entrySet()) {
            Block b = block(e.getKey());
            if (e.getValue() == b.target) continue;
            mv.visitLabel(e.getValue());
            reload(temps, carriedTypes);
            branch(e.getKey());
            pop(carriedTypes.length);
        }
        if (tableExits != null) {
            mv.visitLabel(tableExitDefault);
            Gen.pushInt(mv, n);
            mv.visitVarInsn(ISTORE, indexLocal);
            mv.visitLabel(tableExit);
            for (int i = sp - 1; i >= 0; i--) Gen.pop(mv, stack[i]);
            chunks.tableExit(tableExits, indexLocal, newLocal(JvmType.REF));
        }
        reachable = false;
    }

    /** A br_table's targets at least this many of which lie in other chunks leave through one table. */
    private static final int TABLE_EXIT_MIN = 8;
    /** A br_table with this many targets leaves through the table for all of them: its switch alone would be too large. */
    private static final int HUGE_TABLE = 1_000;

    /**
     * In a split function, for a br_table carrying no values: per index (the default last) the
     * entry its target is in another chunk, null where it is in this one, and for a huge table
     * every target's entry (those in this chunk re-enter it); null when few leave.
     */
    private Chunks.Key[] tableExits(int pc) {
        if (chunks == null) return null;
        int n = ops[pc + 1];
        boolean all = n >= HUGE_TABLE;
        for (int i = 0; i <= n && all; i++) all = block(ops[pc + 2 + i]).opcode != -1;
        Chunks.Key[] keys = new Chunks.Key[n + 1];
        int leaving = 0;
        for (int i = 0; i <= n; i++) {
            Block b = block(ops[pc + 2 + i]);
            boolean elsewhere = b.opcode == Opcodes.LOOP ? b.openChunk != chunks.current() : b.opcode != -1 && b.endPc >= chunks.chunkEnd();
            if (!elsewhere && !all) continue;
            keys[i] = new Chunks.Key(b, b.opcode == Opcodes.LOOP ? Chunks.Key.LOOP : Chunks.Key.END);
            b.branched = true;
            flow.edge(pc, targetPc(b));
            leaving++;
        }
        return leaving >= TABLE_EXIT_MIN ? keys : null;
    }

    private Label stubFor(int depth, int carried, Map<Integer, Label> stubs) {
        return stubs.computeIfAbsent(depth, d -> {
            if (carried == 0 && plainJump(d)) return jumpTarget(block(d));
            return new Label();
        });
    }

    private void selfTailCall() {
        Signature sig = plan.functionSignature[funcIndex];
        for (int i = sig.params.length - 1; i >= 0; i--) mv.visitVarInsn(localTypes[i].store, localSlot[i]);
        pop(sig.params.length);
        while (sp > 0) Gen.pop(mv, pop());
        if (chunks == null) {
            mv.visitJumpInsn(GOTO, restart);
        } else {
            for (int i = 0; i < localTypes.length; i++) {
                if (i >= sig.params.length) {
                    Gen.pushZero(mv, localTypes[i]);
                    mv.visitVarInsn(localTypes[i].store, localSlot[i]);
                }
                chunks.touch(i, true);
            }
            flow.touch(pcNow, ChunkLocals.ALL);
            chunks.exitTo(Chunks.START);
        }
        reachable = false;
    }

    private void tailCall(int callee) {
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "functions", "[" + Gen.FUNCTION_DESC);
        Gen.pushInt(mv, callee);
        mv.visitInsn(AALOAD);
        requestTailCall(plan.functionSignature[callee]);
    }

    private void tailCallIndirect(int typeIndex, int tableIndex) {
        boolean is64 = module.tableType(tableIndex).is64();
        int element = newLocal(JvmType.LONG);
        if (!is64) {
            mv.visitInsn(I2L);
            mv.visitLdcInsn(0xFFFFFFFFL);
            mv.visitInsn(LAND);
        }
        mv.visitVarInsn(LSTORE, element);
        pop();
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.STATE, "t" + tableIndex, Gen.TABLE_DESC);
        mv.visitVarInsn(LLOAD, element);
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "types", "[Ldev/wasmrt/interpreter/FuncType;");
        Gen.pushInt(mv, typeIndex);
        mv.visitInsn(AALOAD);
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "indirect", "(" + Gen.TABLE_DESC + "JLdev/wasmrt/interpreter/FuncType;)" + Gen.FUNCTION_DESC, false);
        requestTailCall(plan.signature(module.types().get(typeIndex).func()));
    }

    private void tailCallRef(int typeIndex) {
        pop();
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "functionRef", "(Ljava/lang/Object;)" + Gen.FUNCTION_DESC, false);
        requestTailCall(plan.signature(module.types().get(typeIndex).func()));
    }

    /**
     * With the callee (a FunctionInstance) on top of the arguments: leaves the call to
     * {@link TailCalls#run}, arguments at {@code ctx.top + 1 + results}, and returns a dummy.
     */
    private void requestTailCall(Signature callee) {
        int target = newLocal(JvmType.REF);
        mv.visitVarInsn(ASTORE, target);
        int[] args = spillTop(callee.params);
        while (sp > 0) Gen.pop(mv, pop());
        JvmType[] results = plan.functionSignature[funcIndex].results;
        int argBase = newLocal(JvmType.INT);
        loadCtx();
        mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
        Gen.pushInt(mv, 1 + JvmType.valueSlots(results));
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, argBase);
        loadCtx();
        mv.visitVarInsn(ILOAD, argBase);
        Gen.pushInt(mv, JvmType.valueSlots(callee.params));
        mv.visitInsn(IADD);
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "ensure", "(I)V", false);
        for (int k = 0; k < args.length; k++) {
            Gen.storeSlot(mv, callee.params[k], args[k], ctxLocal, argBase, JvmType.valueSlotOffset(callee.params, k));
        }
        loadCtx();
        mv.visitVarInsn(ALOAD, target);
        mv.visitFieldInsn(PUTFIELD, Gen.CTX, "pendingTailCall", "Ljava/lang/Object;");
        reachable = false;
        if (chunks != null) {
            chunks.exitReturn(); // the driver returns a dummy result
            return;
        }
        if (results.length == 0) {
            mv.visitInsn(RETURN);
        } else {
            Gen.pushZero(mv, results[0]);
            mv.visitInsn(results[0].returnOp);
        }
    }

    private void emitReturn() {
        JvmType[] results = plan.functionSignature[funcIndex].results;
        if (chunks != null) {
            int[] temps = spillTop(results);
            for (int k = 0; k < results.length; k++) chunks.storeTransfer(k, results[k], temps[k]);
            for (int i = sp - 1; i >= 0; i--) Gen.pop(mv, stack[i]);
            chunks.exitReturn();
            return;
        }
        if (results.length > 1) {
            int[] temps = spillTop(results);
            storeExtraResults(results, temps);
            mv.visitVarInsn(results[0].load, temps[0]);
            push(results[0]);
        }
        mv.visitInsn(results.length == 0 ? RETURN : results[0].returnOp);
        pop(Math.min(1, results.length));
    }

    /** Writes results 1.. to the context's slots at {@code ctx.top + k}, growing the arrays first. */
    private void storeExtraResults(JvmType[] results, int[] temps) {
        loadCtx();
        loadCtx();
        mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
        Gen.pushInt(mv, JvmType.valueSlots(results));
        mv.visitInsn(IADD);
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "ensure", "(I)V", false);
        int topLocal = newLocal(JvmType.INT);
        loadCtx();
        mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
        mv.visitVarInsn(ISTORE, topLocal);
        for (int k = 1; k < results.length; k++) {
            Gen.storeSlot(mv, results[k], temps[k], ctxLocal, topLocal, JvmType.valueSlotOffset(results, k));
        }
    }

    // ---- calls ----

    /** After a call returned its first result: pushes the rest from the context's slots. */
    private void afterCall(Signature sig) {
        pop(sig.params.length);
        if (sig.results.length == 0) return;
        push(sig.results[0]);
        if (sig.results.length == 1) return;
        int topLocal = newLocal(JvmType.INT);
        loadCtx();
        mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
        mv.visitVarInsn(ISTORE, topLocal);
        for (int k = 1; k < sig.results.length; k++) {
            Gen.loadSlot(mv, sig.results[k], ctxLocal, topLocal, JvmType.valueSlotOffset(sig.results, k));
            push(sig.results[k]);
        }
    }

    private void call(int callee) {
        loadCallExtras();
        mv.visitMethodInsn(INVOKESTATIC, Gen.codeClass(callee), Gen.functionMethod(callee), plan.functionDescriptor(callee), false);
        afterCall(plan.functionSignature[callee]);
    }

    private void callIndirect(int typeIndex, int tableIndex) {
        Signature sig = plan.signature(module.types().get(typeIndex).func());
        boolean is64 = module.tableType(tableIndex).is64();
        if (is64) sig.indirect64 = true;
        else sig.indirect32 = true;
        pop();
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.STATE, "t" + tableIndex, Gen.TABLE_DESC);
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "types", "[Ldev/wasmrt/interpreter/FuncType;");
        Gen.pushInt(mv, typeIndex);
        mv.visitInsn(AALOAD);
        loadCallExtras();
        mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.indirect(is64),
                sig.descriptor(is64 ? "J" : "I", Gen.TABLE_DESC, "Ldev/wasmrt/interpreter/FuncType;", Gen.CALL_EXTRAS), false);
        afterCall(sig);
    }

    private void callRef(int typeIndex) {
        Signature sig = plan.signature(module.types().get(typeIndex).func());
        pop();
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "functionRef", "(Ljava/lang/Object;)" + Gen.FUNCTION_DESC, false);
        loadCallExtras();
        mv.visitMethodInsn(INVOKESTATIC, Gen.DISPATCH, sig.direct(), sig.descriptor(Gen.FUNCTION_DESC, Gen.CALL_EXTRAS), false);
        afterCall(sig);
    }

    // ---- variables and operators ----

    private void globalGet(int index) {
        JvmType t = JvmType.of(module.globalType(index).type());
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.STATE, "g" + index, Gen.GLOBAL_DESC);
        if (t == JvmType.REF) {
            mv.visitFieldInsn(GETFIELD, Gen.GLOBAL, "ref", "Ljava/lang/Object;");
        } else if (t == JvmType.V128) {
            mv.visitMethodInsn(INVOKESTATIC, Gen.SIMD_OPS, "global", "(" + Gen.GLOBAL_DESC + ")" + t.descriptor, false);
        } else {
            mv.visitFieldInsn(GETFIELD, Gen.GLOBAL, "bits", "J");
            Gen.fromBits(mv, t);
        }
        push(t);
    }

    private void globalSet(int index) {
        JvmType t = pop();
        if (t == JvmType.REF) {
            loadSelf();
            mv.visitFieldInsn(GETFIELD, Gen.STATE, "g" + index, Gen.GLOBAL_DESC);
            mv.visitInsn(SWAP);
            mv.visitFieldInsn(PUTFIELD, Gen.GLOBAL, "ref", "Ljava/lang/Object;");
        } else if (t == JvmType.V128) {
            loadSelf();
            mv.visitFieldInsn(GETFIELD, Gen.STATE, "g" + index, Gen.GLOBAL_DESC);
            mv.visitMethodInsn(INVOKESTATIC, Gen.SIMD_OPS, "setGlobal", "(" + t.descriptor + Gen.GLOBAL_DESC + ")V", false);
        } else {
            Gen.toBits(mv, t);
            loadSelf();
            mv.visitFieldInsn(GETFIELD, Gen.STATE, "g" + index, Gen.GLOBAL_DESC);
            mv.visitInsn(DUP_X2);
            mv.visitInsn(POP);
            mv.visitFieldInsn(PUTFIELD, Gen.GLOBAL, "bits", "J");
        }
    }

    private void select() {
        pop();
        JvmType t = pop();
        Label first = new Label();
        Label done = new Label();
        mv.visitJumpInsn(IFNE, first);
        if (t.size == 2) {
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
        } else {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(first);
        Gen.pop(mv, t);
        mv.visitLabel(done);
    }

    /** 128-bit add/sub and widening multiplies: two i64 results, low word first. */
    private void wide(int op) {
        boolean mul = op == Opcodes.I64_MUL_WIDE_S || op == Opcodes.I64_MUL_WIDE_U;
        JvmType[] in = new JvmType[mul ? 2 : 4];
        Arrays.fill(in, JvmType.LONG);
        int[] t = spillTop(in);
        if (mul) {
            mv.visitVarInsn(LLOAD, t[0]);
            mv.visitVarInsn(LLOAD, t[1]);
            mv.visitInsn(LMUL);
            mv.visitVarInsn(LLOAD, t[0]);
            mv.visitVarInsn(LLOAD, t[1]);
            mv.visitMethodInsn(INVOKESTATIC, Gen.NUMERICS, op == Opcodes.I64_MUL_WIDE_S ? "mulWideHighS" : "mulWideHighU", "(JJ)J", false);
        } else {
            boolean add = op == Opcodes.I64_ADD128;
            mv.visitVarInsn(LLOAD, t[0]);
            mv.visitVarInsn(LLOAD, t[2]);
            mv.visitInsn(add ? LADD : LSUB);
            for (int i = 0; i < 4; i++) mv.visitVarInsn(LLOAD, t[i]);
            mv.visitMethodInsn(INVOKESTATIC, Gen.NUMERICS, add ? "add128High" : "sub128High", "(JJJJ)J", false);
        }
        push(JvmType.LONG);
        push(JvmType.LONG);
    }

    // ---- access for the instruction family emitters ----

    MethodNode visitor() { return mv; }

    int[] ops() { return ops; }

    Module module() { return module; }

    void loadSelfField(String name, String desc) {
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.STATE, name, desc);
    }

    void loadInstance() {
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "instance", Gen.INSTANCE_DESC);
    }

    void loadGcTypes() {
        loadSelf();
        mv.visitFieldInsn(GETFIELD, Gen.JIT_INSTANCE, "gcTypes", "Ldev/wasmrt/interpreter/gc/GcTypes;");
    }

    /** br_if to {@code labelDepth} on the i32 condition on top of the stack (for GC's conditional branches). */
    void branchIf(int labelDepth) { brIf(labelDepth); }

    void popTypes(int n) { pop(n); }

    void pushType(JvmType t) { push(t); }

    /** Pops the top {@code n} values into fresh locals, returning them (top last). */
    int[] spill(int n) { return spillTop(Arrays.copyOfRange(stack, sp - n, sp)); }

    JvmType[] types(int n) { return Arrays.copyOfRange(stack, sp - n, sp); }
}
