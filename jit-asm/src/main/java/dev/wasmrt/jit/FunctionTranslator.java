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
 */
final class FunctionTranslator {
    private final ModulePlan plan;
    private final Module module;
    private final int funcIndex;
    private final int[] ops;
    private final MethodNode mv;
    private final JvmType[] localTypes;
    private final int[] localSlot;
    private final int selfLocal;
    private final int ctxLocal;
    private final int budgetLocal;
    private int depthLocal = -1;
    private int nextLocal;
    private final Label restart = new Label();
    private final List<Object[]> handlers = new ArrayList<>();

    private JvmType[] stack = new JvmType[16];
    private int sp;
    private final List<Block> blocks = new ArrayList<>();
    private boolean reachable = true;

    FunctionTranslator(ModulePlan plan, int funcIndex, MethodNode mv) {
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
        int slot = 0;
        int params = type.params().size();
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
        if (usesTryTable()) {
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
        tick();
        Block body = new Block(-1, new JvmType[0], sig.results, 0);
        body.localBase = nextLocal;
        blocks.add(body);
        int pc = 0;
        while (pc < ops.length) pc = step(pc);
        mv.visitLabel(end);
        mv.visitLabel(trapHandler);
        mv.visitVarInsn(ALOAD, selfLocal);
        Gen.pushInt(mv, funcIndex);
        mv.visitMethodInsn(INVOKESTATIC, Gen.RT, "trapFrame", "(L" + Gen.TRAP + ";L" + Gen.JIT_INSTANCE + ";I)L" + Gen.TRAP + ";", false);
        mv.visitInsn(ATHROW);
        for (Object[] h : handlers) mv.visitTryCatchBlock((Label) h[0], (Label) h[1], (Label) h[2], (String) h[3]);
        mv.visitTryCatchBlock(start, end, trapHandler, Gen.TRAP);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private boolean usesTryTable() {
        for (int pc = 0; pc < ops.length; pc += Opcodes.length(ops, pc)) if (ops[pc] == Opcodes.TRY_TABLE) return true;
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
        int op = ops[pc];
        int next = pc + Opcodes.length(ops, pc);
        if (!reachable) return skipUnreachable(op, pc, next);
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
                mv.visitVarInsn(localTypes[i].load, localSlot[i]);
                push(localTypes[i]);
            }
            case Opcodes.LOCAL_SET -> {
                int i = ops[pc + 1];
                mv.visitVarInsn(localTypes[i].store, localSlot[i]);
                pop();
            }
            case Opcodes.LOCAL_TEE -> {
                int i = ops[pc + 1];
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
                if (!MemoryEmitter.emit(this, op, pc)) {
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
            case Opcodes.ELSE -> onElse();
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
        blocks.add(b);
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
        mv.visitJumpInsn(IFEQ, b.elseLabel);
    }

    private void onElse() {
        Block b = blocks.getLast();
        if (reachable) {
            storeCarried(b);
            mv.visitJumpInsn(GOTO, b.target);
            b.thenFellThrough = true;
        }
        b.hasElse = true;
        mv.visitLabel(b.elseLabel);
        sp = b.height;
        for (JvmType t : b.params) push(t);
        reachable = true;
    }

    /** Pops the block's carried values into its branch locals. */
    private void storeCarried(Block b) {
        JvmType[] carried = b.carried();
        for (int i = carried.length - 1; i >= 0; i--) mv.visitVarInsn(carried[i].store, b.branchLocals[i]);
        pop(carried.length);
    }

    private void onEnd() {
        Block b = blocks.removeLast();
        if (b.opcode == -1) {
            if (reachable) emitReturn();
            return;
        }
        if (b.opcode == Opcodes.TRY_TABLE) {
            endTryTable(b);
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
            mv.visitLabel(b.elseLabel);
            sp = b.height;
            for (JvmType t : b.params) push(t);
            storeCarried(b);
            endReachable = true;
        }
        finishEnd(b, endReachable);
    }

    private void finishEnd(Block b, boolean endReachable) {
        mv.visitLabel(b.target);
        sp = b.height;
        reachable = endReachable;
        if (endReachable) reload(b.branchLocals, b.results);
        nextLocal = b.localBase;
    }

    // ---- try_table ----

    private void enterTryTable(int pc) {
        int localBase = nextLocal;
        JvmType[] types = Arrays.copyOf(stack, sp);
        int[] spill = spillTop(types);
        reload(spill, types);
        Block b = open(Opcodes.TRY_TABLE, pc);
        b.spillLocals = spill;
        b.spillTypes = types;
        b.localBase = localBase;
        b.tryPc = pc;
        b.tryStart = new Label();
        mv.visitLabel(b.tryStart);
        mv.visitInsn(NOP); // a protected range must not be empty, even when the body is
    }

    private void endTryTable(Block b) {
        boolean endReachable = reachable || b.branched;
        if (reachable) {
            storeCarried(b);
            mv.visitJumpInsn(GOTO, b.target);
        }
        Label rangeEnd = new Label();
        Label handler = new Label();
        mv.visitLabel(rangeEnd);
        mv.visitLabel(handler);
        handlers.add(new Object[] {b.tryStart, rangeEnd, handler, Gen.WASM_EXCEPTION});
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

    private void pushPayload(int refLocal, CompositeType.Func tagType) {
        JvmType[] types = JvmType.of(tagType.params());
        for (int k = 0; k < types.length; k++) {
            mv.visitVarInsn(ALOAD, refLocal);
            if (types[k] == JvmType.REF) {
                mv.visitMethodInsn(INVOKEVIRTUAL, Gen.EXCEPTION_REF, "refs", "()[Ljava/lang/Object;", false);
                Gen.pushInt(mv, k);
                mv.visitInsn(AALOAD);
            } else {
                mv.visitMethodInsn(INVOKEVIRTUAL, Gen.EXCEPTION_REF, "bits", "()[J", false);
                Gen.pushInt(mv, k);
                mv.visitInsn(LALOAD);
                Gen.fromBits(mv, types[k]);
            }
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
            mv.visitJumpInsn(GOTO, b.target);
            b.branched = true;
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
            Block b = block(labelDepth);
            b.branched = true;
            mv.visitJumpInsn(IFNE, b.target);
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
        Label[] targets = new Label[n];
        for (int i = 0; i < n; i++) targets[i] = stubFor(ops[pc + 2 + i], carried.length, stubs);
        Label dflt = stubFor(defaultDepth, carried.length, stubs);
        if (n == 0) {
            mv.visitJumpInsn(GOTO, dflt);
        } else {
            mv.visitVarInsn(ILOAD, indexLocal);
            mv.visitTableSwitchInsn(0, n - 1, dflt, targets);
        }
        for (Map.Entry<Integer, Label> e : stubs.entrySet()) {
            Block b = block(e.getKey());
            if (e.getValue() == b.target) continue;
            mv.visitLabel(e.getValue());
            reload(temps, carriedTypes);
            branch(e.getKey());
            pop(carriedTypes.length);
        }
        reachable = false;
    }

    private Label stubFor(int depth, int carried, Map<Integer, Label> stubs) {
        return stubs.computeIfAbsent(depth, d -> {
            if (carried == 0 && plainJump(d)) {
                block(d).branched = true;
                return block(d).target;
            }
            return new Label();
        });
    }

    private void selfTailCall() {
        Signature sig = plan.functionSignature[funcIndex];
        for (int i = sig.params.length - 1; i >= 0; i--) mv.visitVarInsn(localTypes[i].store, localSlot[i]);
        pop(sig.params.length);
        while (sp > 0) Gen.pop(mv, pop());
        mv.visitJumpInsn(GOTO, restart);
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
        Gen.pushInt(mv, 1 + results.length);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, argBase);
        loadCtx();
        mv.visitVarInsn(ILOAD, argBase);
        Gen.pushInt(mv, callee.params.length);
        mv.visitInsn(IADD);
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "ensure", "(I)V", false);
        for (int k = 0; k < args.length; k++) Gen.storeSlot(mv, callee.params[k], args[k], ctxLocal, argBase, k);
        loadCtx();
        mv.visitVarInsn(ALOAD, target);
        mv.visitFieldInsn(PUTFIELD, Gen.CTX, "pendingTailCall", "Ljava/lang/Object;");
        if (results.length == 0) {
            mv.visitInsn(RETURN);
        } else {
            Gen.pushZero(mv, results[0]);
            mv.visitInsn(results[0].returnOp);
        }
        reachable = false;
    }

    private void emitReturn() {
        JvmType[] results = plan.functionSignature[funcIndex].results;
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
        Gen.pushInt(mv, results.length);
        mv.visitInsn(IADD);
        mv.visitMethodInsn(INVOKEVIRTUAL, Gen.CTX, "ensure", "(I)V", false);
        int topLocal = newLocal(JvmType.INT);
        loadCtx();
        mv.visitFieldInsn(GETFIELD, Gen.CTX, "top", "I");
        mv.visitVarInsn(ISTORE, topLocal);
        for (int k = 1; k < results.length; k++) Gen.storeSlot(mv, results[k], temps[k], ctxLocal, topLocal, k);
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
            Gen.loadSlot(mv, sig.results[k], ctxLocal, topLocal, k);
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

    // ---- access for MemoryEmitter ----

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

    void popTypes(int n) { pop(n); }

    void pushType(JvmType t) { push(t); }

    /** Pops the top {@code n} values into fresh locals, returning them (top last). */
    int[] spill(int n) { return spillTop(Arrays.copyOfRange(stack, sp - n, sp)); }

    JvmType[] types(int n) { return Arrays.copyOfRange(stack, sp - n, sp); }
}
