package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.ValType;

import java.util.Arrays;
import java.util.List;

/**
 * Type-checks one instruction sequence, a function body or a constant expression, with the
 * spec's validation algorithm: an operand-type stack of {@link Vt} ints and a control stack of
 * frames, both plain int arrays. For function bodies it also records the {@link BranchTable}.
 */
final class CodeValidator extends ImmediateLookups {
    /** Marks the function's outermost frame in {@link TypeStack#ctlOp}. */
    private static final int FUNCTION_FRAME = -1;
    private static final int[][] EMPTY_BLOCK = {NO_TYPES, NO_TYPES};
    /** Block types {@code [] -> [t]} for the numeric and vector types, indexed by {@link Vt} code. */
    private static final int[][][] SINGLE_VALUE_BLOCKS = {
        {NO_TYPES, {Vt.I32}}, {NO_TYPES, {Vt.I64}}, {NO_TYPES, {Vt.F32}}, {NO_TYPES, {Vt.F64}}, {NO_TYPES, {Vt.V128}}};

    private final boolean[] declaredRefs;
    private final int functionIndex;
    /** In a constant expression: the number of globals it may read; -1 in a function body. */
    private final int constGlobals;

    private int[] ops;
    private int[] offsets;
    private int pc;

    private BranchTable.Builder branches;

    private CodeValidator(Module module, ModuleTypes types, boolean[] declaredRefs, int functionIndex, int constGlobals) {
        super(module, types);
        this.declaredRefs = declaredRefs;
        this.functionIndex = functionIndex;
        this.constGlobals = constGlobals;
    }

    /** Validates function {@code funcIndex}'s body and returns its branch facts. */
    static BranchTable validateFunction(Module module, ModuleTypes types, boolean[] declaredRefs, int funcIndex,
                                        CompositeType.Func type, List<ValType> locals, Expr body) {
        CodeValidator v = new CodeValidator(module, types, declaredRefs, funcIndex, -1);
        int params = type.params().size();
        v.localTypes = new int[params + locals.size()];
        v.localSet = new boolean[v.localTypes.length];
        for (int i = 0; i < params; i++) {
            v.localTypes[i] = types.valType(type.params().get(i));
            v.localSet[i] = true;
        }
        for (int i = 0; i < locals.size(); i++) {
            int t = types.valType(locals.get(i));
            v.localTypes[params + i] = t;
            v.localSet[params + i] = Vt.isDefaultable(t);
        }
        v.branches = new BranchTable.Builder();
        v.run(body, types.valTypes(type.results()));
        return v.branches.build(v.maxSlots);
    }

    /**
     * Validates a constant expression producing {@code expected}; it may read the first
     * {@code visibleGlobals} globals, if they are immutable.
     */
    static void validateConstant(Module module, ModuleTypes types, Expr expr, int expected, int visibleGlobals) {
        CodeValidator v = new CodeValidator(module, types, null, -1, visibleGlobals);
        v.localTypes = NO_TYPES;
        v.localSet = new boolean[0];
        v.run(expr, new int[] {expected});
    }

    @Override
    ValidationException fail(String reason) {
        long offset = offsets != null && pc >= 0 && pc < offsets.length ? offsets[pc] : -1;
        return new ValidationException(reason, functionIndex, offset);
    }

    /** Records where a branch from the current pc to {@code frame} lands, for the engines. */
    private void recordBranch(int frame, int[] carried) {
        if (branches == null) return;
        int arity = 0;
        for (int t : carried) arity += Vt.slots(t);
        int target = switch (ctlOp[frame]) {
            case FUNCTION_FRAME -> -1;
            case Opcodes.LOOP -> ctlPc[frame];
            default -> endPcOf(ctlPc[frame]);
        };
        branches.add(pc, target, arity, ctlSlots[frame]);
    }

    private int endPcOf(int startPc) {
        return ops[startPc] == Opcodes.IF ? ops[startPc + 4] : ops[startPc + 3];
    }

    // ---- the walk ----

    private void run(Expr expr, int[] results) {
        ops = expr.ops();
        offsets = expr.offsets();
        pc = 0;
        pushCtl(FUNCTION_FRAME, -1, NO_TYPES, results);
        while (csize > 0) {
            if (pc >= ops.length) throw fail("unexpected end of code");
            int op = ops[pc];
            if (!Opcodes.isDefined(op)) throw fail("unknown operator");
            int length = lengthAt(op);
            if (constGlobals >= 0 && !isConstant(op)) throw fail("constant expression required");
            instruction(op);
            pc += length;
        }
        if (pc != ops.length) throw fail("operators remaining after end of function");
    }

    /** The instruction's length in ints, checked against the end of the code. */
    private int lengthAt(int op) {
        Immediates imm = Opcodes.immediates(op);
        long length = 1 + imm.fixedLength;
        if (imm.fixedLength < 0) {
            int countAt = pc + (imm == Immediates.TRY_TABLE ? 4 : 1);
            if (countAt >= ops.length || ops[countAt] < 0) throw fail("unexpected end of code");
            long n = ops[countAt];
            length = switch (imm) {
                case BR_TABLE -> 3 + n;
                case SELECT_T -> 2 + n;
                default -> 5 + 3 * n;
            };
        }
        if (pc + length > ops.length) throw fail("unexpected end of code");
        return (int) length;
    }

    private static boolean isConstant(int op) {
        return switch (op) {
            case Opcodes.I32_CONST, Opcodes.I64_CONST, Opcodes.F32_CONST, Opcodes.F64_CONST, Opcodes.V128_CONST,
                 Opcodes.REF_NULL, Opcodes.REF_FUNC, Opcodes.GLOBAL_GET, Opcodes.END,
                 Opcodes.I32_ADD, Opcodes.I32_SUB, Opcodes.I32_MUL, Opcodes.I64_ADD, Opcodes.I64_SUB, Opcodes.I64_MUL,
                 Opcodes.STRUCT_NEW, Opcodes.STRUCT_NEW_DEFAULT, Opcodes.ARRAY_NEW, Opcodes.ARRAY_NEW_DEFAULT,
                 Opcodes.ARRAY_NEW_FIXED, Opcodes.REF_I31, Opcodes.ANY_CONVERT_EXTERN, Opcodes.EXTERN_CONVERT_ANY -> true;
            default -> false;
        };
    }

    private void instruction(int op) {
        int[] params = InstructionTable.params(op);
        if (params != null) {
            fixedSignature(op, params);
            return;
        }
        switch (op) {
            case Opcodes.UNREACHABLE -> setUnreachable();
            case Opcodes.NOP, Opcodes.ATOMIC_FENCE -> { }
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.TRY -> block(op, null);
            case Opcodes.IF -> block(op, null);
            case Opcodes.TRY_TABLE -> tryTable();
            case Opcodes.ELSE -> elseOrCatch(op);
            case Opcodes.CATCH, Opcodes.CATCH_ALL -> elseOrCatch(op);
            case Opcodes.END -> end();
            case Opcodes.DELEGATE -> delegate();
            case Opcodes.BR -> {
                int frame = label(ops[pc + 1]);
                int[] carried = labelTypes(frame);
                popAll(carried);
                recordBranch(frame, carried);
                setUnreachable();
            }
            case Opcodes.BR_IF -> {
                pop(Vt.I32);
                int frame = label(ops[pc + 1]);
                int[] carried = labelTypes(frame);
                popAll(carried);
                pushAll(carried);
                recordBranch(frame, carried);
            }
            case Opcodes.BR_TABLE -> brTable();
            case Opcodes.RETURN -> {
                popAll(ctlEnd[0]);
                setUnreachable();
            }
            case Opcodes.CALL, Opcodes.RETURN_CALL -> call(module.functionTypeIndex(function(ops[pc + 1])), op == Opcodes.RETURN_CALL);
            case Opcodes.CALL_INDIRECT, Opcodes.RETURN_CALL_INDIRECT -> {
                TableType table = table(ops[pc + 2]);
                if (!types.matches(types.valType(table.elementType()), Vt.ref(true, ValType.HT_FUNC))) {
                    throw fail("type mismatch");
                }
                funcType(ops[pc + 1]);
                pop(table.is64() ? Vt.I64 : Vt.I32);
                call(ops[pc + 1], op == Opcodes.RETURN_CALL_INDIRECT);
            }
            case Opcodes.CALL_REF, Opcodes.RETURN_CALL_REF -> {
                funcType(ops[pc + 1]);
                pop(Vt.ref(true, types.canonicalId(ops[pc + 1])));
                call(ops[pc + 1], op == Opcodes.RETURN_CALL_REF);
            }
            case Opcodes.THROW -> {
                popAll(tagParams(ops[pc + 1]));
                setUnreachable();
            }
            case Opcodes.THROW_REF -> {
                pop(Vt.ref(true, ValType.HT_EXN));
                setUnreachable();
            }
            case Opcodes.RETHROW -> {
                int frame = label(ops[pc + 1]);
                if (ctlOp[frame] != Opcodes.CATCH && ctlOp[frame] != Opcodes.CATCH_ALL) throw fail("invalid rethrow label");
                setUnreachable();
            }
            case Opcodes.DROP -> noteVectorOperand(pop());
            case Opcodes.SELECT -> select();
            case Opcodes.SELECT_T -> {
                if (ops[pc + 1] != 1) throw fail("invalid result arity");
                int t = valType(ops[pc + 2]);
                pop(Vt.I32);
                pop(t);
                pop(t);
                push(t);
            }
            case Opcodes.LOCAL_GET -> {
                int x = local(ops[pc + 1]);
                if (!localSet[x]) throw fail("uninitialized local " + x);
                push(localTypes[x]);
            }
            case Opcodes.LOCAL_SET -> {
                int x = local(ops[pc + 1]);
                pop(localTypes[x]);
                markSet(x);
            }
            case Opcodes.LOCAL_TEE -> {
                int x = local(ops[pc + 1]);
                pop(localTypes[x]);
                markSet(x);
                push(localTypes[x]);
            }
            case Opcodes.GLOBAL_GET -> globalGet(ops[pc + 1]);
            case Opcodes.GLOBAL_SET -> {
                int x = global(ops[pc + 1]);
                if (!module.globalType(x).mutable()) throw fail("immutable global");
                pop(types.valType(module.globalType(x).type()));
            }
            default -> {
                if (!tableInstruction(op) && !memoryInstruction(op) && !referenceInstruction(op)
                        && !aggregateInstruction(op)) {
                    throw fail("unknown operator");
                }
            }
        }
    }

    /** Numeric, vector and memory instructions, whose operand types come from {@link InstructionTable}. */
    private void fixedSignature(int op, int[] params) {
        int addr = Vt.I32;
        int align = InstructionTable.naturalAlign(op);
        Immediates imm = Opcodes.immediates(op);
        if (align >= 0) {
            MemoryType memory = memory(ops[pc + 2]);
            addr = memory.is64() ? Vt.I64 : Vt.I32;
            int declared = ops[pc + 1];
            if (declared < 0 || declared > align) throw fail("alignment must not be larger than natural");
            if (InstructionTable.isAtomic(op) && declared != align) throw fail("atomic alignment must be natural");
            if (!memory.is64() && ops[pc + 4] != 0) throw fail("offset out of range");
        }
        int lanes = InstructionTable.lanes(op);
        if (lanes > 0) {
            if (imm == Immediates.SHUFFLE) {
                for (int i = 1; i <= 4; i++) {
                    for (int b = 0; b < 32; b += 8) {
                        if ((ops[pc + i] >>> b & 0xFF) >= lanes) throw fail("invalid lane index");
                    }
                }
            } else {
                int lane = ops[pc + (imm == Immediates.MEMARG_LANE ? 5 : 1)];
                if (lane < 0 || lane >= lanes) throw fail("invalid lane index");
            }
        }
        for (int i = params.length - 1; i >= 0; i--) pop(params[i] == InstructionTable.ADDR ? addr : params[i]);
        for (int t : InstructionTable.results(op)) push(t);
    }

    // ---- control instructions ----

    private int[][] blockType(int kind, int value) {
        return switch (kind) {
            case Immediates.BLOCK_EMPTY -> EMPTY_BLOCK;
            case Immediates.BLOCK_VALUE -> {
                int t = valType(value);
                yield Vt.isRef(t) ? new int[][] {NO_TYPES, {t}} : SINGLE_VALUE_BLOCKS[t];
            }
            case Immediates.BLOCK_TYPE_INDEX -> {
                funcType(value);
                yield new int[][] {types.params(value), types.results(value)};
            }
            default -> throw fail("type mismatch");
        };
    }

    private void block(int op, int[][] knownType) {
        int[][] bt = knownType != null ? knownType : blockType(ops[pc + 1], ops[pc + 2]);
        if (op == Opcodes.IF) pop(Vt.I32);
        popAll(bt[0]);
        pushCtl(op, pc, bt[0], bt[1]);
    }

    private void tryTable() {
        int[][] bt = blockType(ops[pc + 1], ops[pc + 2]);
        int n = ops[pc + 4];
        for (int i = 0; i < n; i++) {
            int at = pc + 5 + 3 * i;
            int kind = ops[at];
            int[] pushed = switch (kind) {
                case Immediates.CATCH_KIND_CATCH -> tagParams(ops[at + 1]);
                case Immediates.CATCH_KIND_CATCH_REF -> {
                    int[] payload = tagParams(ops[at + 1]);
                    int[] withRef = Arrays.copyOf(payload, payload.length + 1);
                    withRef[payload.length] = Vt.ref(false, ValType.HT_EXN);
                    yield withRef;
                }
                case Immediates.CATCH_KIND_ALL -> NO_TYPES;
                case Immediates.CATCH_KIND_ALL_REF -> new int[] {Vt.ref(false, ValType.HT_EXN)};
                default -> throw fail("malformed catch clause");
            };
            int frame = label(ops[at + 2]);
            int[] expected = labelTypes(frame);
            if (expected.length != pushed.length) throw fail("type mismatch");
            for (int k = 0; k < pushed.length; k++) {
                if (!types.matches(pushed[k], expected[k])) throw fail("type mismatch");
            }
            recordBranch(frame, expected);
        }
        block(Opcodes.TRY_TABLE, bt);
    }

    private void elseOrCatch(int op) {
        int f = csize - 1;
        int frameOp = ctlOp[f];
        boolean fits = op == Opcodes.ELSE ? frameOp == Opcodes.IF
                : frameOp == Opcodes.TRY || frameOp == Opcodes.CATCH;
        if (!fits) throw fail("mismatched " + Opcodes.name(op));
        int startPc = ctlPc[f];
        checkLinkedFrom(f, startPc);
        int handlers = op == Opcodes.ELSE ? -1 : pc;
        int[] start = ctlStart[f], end = ctlEnd[f];
        popCtl();
        if (op == Opcodes.ELSE) {
            pushCtl(Opcodes.ELSE, startPc, start, end);
        } else if (op == Opcodes.CATCH) {
            pushCtl(Opcodes.CATCH, startPc, tagParams(ops[pc + 1]), end);
        } else {
            pushCtl(Opcodes.CATCH_ALL, startPc, NO_TYPES, end);
        }
        ctlAux[csize - 1] = handlers;
    }

    /**
     * The engines follow the else and handler links in the code without checking them, so each
     * must point at the instruction the validator actually reached ({@code pc}).
     */
    private void checkLinkedFrom(int frame, int startPc) {
        int previous = ctlAux[frame];
        int linked = switch (ctlOp[frame]) {
            case Opcodes.IF -> ops[startPc + 3];
            case Opcodes.TRY -> ops[startPc + 4];
            default -> ops[previous] == Opcodes.CATCH ? ops[previous + 2] : -2;
        };
        if (linked != pc) throw fail("mismatched block structure");
    }

    /** At the end of a block, its own end pc and every else or handler link must lead here. */
    private void checkEndLinks(int frame) {
        int op = ctlOp[frame];
        if (op == FUNCTION_FRAME) return;
        int startPc = ctlPc[frame];
        boolean ok = endPcOf(startPc) == pc;
        switch (op) {
            case Opcodes.IF -> ok &= ops[startPc + 3] == -1;
            case Opcodes.ELSE -> ok &= ops[startPc + 3] >= 0 && ops[ops[startPc + 3] + 1] == pc;
            case Opcodes.TRY -> ok &= ops[startPc + 4] == -1;
            case Opcodes.CATCH, Opcodes.CATCH_ALL -> {
                // The links up to the last handler were checked on reaching each handler.
                int last = ctlAux[frame];
                ok &= ops[last] != Opcodes.CATCH || ops[last + 2] == -1;
                for (int h = ops[startPc + 4]; ok; h = ops[h] == Opcodes.CATCH ? ops[h + 2] : -1) {
                    ok = (ops[h] == Opcodes.CATCH ? ops[h + 3] : ops[h + 1]) == pc;
                    if (h == last) break;
                }
            }
            default -> { }
        }
        if (!ok) throw fail("mismatched block structure");
    }

    private void end() {
        int f = csize - 1;
        int op = ctlOp[f];
        checkEndLinks(f);
        if (op == Opcodes.IF) {
            // Without an else the inputs pass through unchanged, so they must be the outputs.
            int[] start = ctlStart[f], end = ctlEnd[f];
            if (start.length != end.length) throw fail("type mismatch");
            for (int i = 0; i < start.length; i++) {
                if (!types.matches(start[i], end[i])) throw fail("type mismatch");
            }
        }
        int[] end = ctlEnd[f];
        popCtl();
        if (csize > 0) pushAll(end);
    }

    private void delegate() {
        int f = csize - 1;
        if (ctlOp[f] != Opcodes.TRY) throw fail("mismatched delegate");
        if (ops[ctlPc[f] + 3] != pc || ops[ctlPc[f] + 4] != pc) throw fail("mismatched block structure");
        int[] end = ctlEnd[f];
        popCtl();
        int frame = label(ops[pc + 1]);
        if (branches != null) {
            branches.add(pc, ctlOp[frame] == FUNCTION_FRAME ? -1 : ctlPc[frame], 0, ctlSlots[frame]);
        }
        pushAll(end);
    }

    private void brTable() {
        pop(Vt.I32);
        int n = ops[pc + 1];
        int defaultFrame = label(ops[pc + 2 + n]);
        int arity = labelTypes(defaultFrame).length;
        for (int i = 0; i <= n; i++) {
            int frame = label(ops[pc + 2 + i]);
            int[] carried = labelTypes(frame);
            if (carried.length != arity) throw fail("type mismatch");
            popAndRestore(carried, arity);
            recordBranch(frame, carried);
        }
        popAll(labelTypes(defaultFrame));
        setUnreachable();
    }

    private void call(int typeIndex, boolean tail) {
        funcType(typeIndex);
        popAll(types.params(typeIndex));
        int[] results = types.results(typeIndex);
        if (tail) {
            int[] own = ctlEnd[0];
            if (own.length != results.length) throw fail("type mismatch");
            for (int i = 0; i < own.length; i++) {
                if (!types.matches(results[i], own[i])) throw fail("type mismatch");
            }
            setUnreachable();
        } else {
            pushAll(results);
        }
    }

    private void select() {
        pop(Vt.I32);
        int a = pop();
        int b = pop();
        if (Vt.isRef(a) || Vt.isRef(b)) throw fail("type mismatch");
        if (a != b && a != Vt.BOT && b != Vt.BOT) throw fail("type mismatch");
        push(a == Vt.BOT ? b : a);
        noteVectorOperand(a == Vt.BOT ? b : a);
    }

    /** Tells the engines that the drop or select at pc moves a two-slot v128. */
    private void noteVectorOperand(int type) {
        if (type == Vt.V128 && branches != null) branches.addVectorOperand(pc);
    }

    private void globalGet(int index) {
        if (constGlobals >= 0) {
            if (index < 0 || index >= constGlobals) throw fail("unknown global " + index);
            if (module.globalType(index).mutable()) throw fail("constant expression required");
        }
        push(types.valType(module.globalType(global(index)).type()));
    }

    // ---- tables, memories, references, aggregates ----

    private boolean tableInstruction(int op) {
        switch (op) {
            case Opcodes.TABLE_GET -> {
                TableType t = table(ops[pc + 1]);
                pop(addr(t));
                push(types.valType(t.elementType()));
            }
            case Opcodes.TABLE_SET -> {
                TableType t = table(ops[pc + 1]);
                pop(types.valType(t.elementType()));
                pop(addr(t));
            }
            case Opcodes.TABLE_SIZE -> push(addr(table(ops[pc + 1])));
            case Opcodes.TABLE_GROW -> {
                TableType t = table(ops[pc + 1]);
                pop(addr(t));
                pop(types.valType(t.elementType()));
                push(addr(t));
            }
            case Opcodes.TABLE_FILL -> {
                TableType t = table(ops[pc + 1]);
                pop(addr(t));
                pop(types.valType(t.elementType()));
                pop(addr(t));
            }
            case Opcodes.TABLE_COPY -> {
                TableType dst = table(ops[pc + 1]);
                TableType src = table(ops[pc + 2]);
                if (!types.matches(types.valType(src.elementType()), types.valType(dst.elementType()))) {
                    throw fail("type mismatch");
                }
                pop(dst.is64() && src.is64() ? Vt.I64 : Vt.I32);
                pop(addr(src));
                pop(addr(dst));
            }
            case Opcodes.TABLE_INIT -> {
                TableType t = table(ops[pc + 2]);
                ElementSegment e = elem(ops[pc + 1]);
                if (!types.matches(types.valType(e.type()), types.valType(t.elementType()))) throw fail("type mismatch");
                pop(Vt.I32);
                pop(Vt.I32);
                pop(addr(t));
            }
            case Opcodes.ELEM_DROP -> elem(ops[pc + 1]);
            default -> { return false; }
        }
        return true;
    }

    private boolean memoryInstruction(int op) {
        switch (op) {
            case Opcodes.MEMORY_SIZE -> push(addr(memory(ops[pc + 1])));
            case Opcodes.MEMORY_GROW -> {
                int a = addr(memory(ops[pc + 1]));
                pop(a);
                push(a);
            }
            case Opcodes.MEMORY_FILL -> {
                int a = addr(memory(ops[pc + 1]));
                pop(a);
                pop(Vt.I32);
                pop(a);
            }
            case Opcodes.MEMORY_COPY -> {
                MemoryType dst = memory(ops[pc + 1]);
                MemoryType src = memory(ops[pc + 2]);
                pop(dst.is64() && src.is64() ? Vt.I64 : Vt.I32);
                pop(addr(src));
                pop(addr(dst));
            }
            case Opcodes.MEMORY_INIT -> {
                int a = addr(memory(ops[pc + 2]));
                data(ops[pc + 1]);
                pop(Vt.I32);
                pop(Vt.I32);
                pop(a);
            }
            case Opcodes.DATA_DROP -> data(ops[pc + 1]);
            default -> { return false; }
        }
        return true;
    }

    private boolean referenceInstruction(int op) {
        switch (op) {
            case Opcodes.REF_NULL -> push(Vt.ref(true, heapType(ops[pc + 1])));
            case Opcodes.REF_IS_NULL -> {
                popRef();
                push(Vt.I32);
            }
            case Opcodes.REF_FUNC -> {
                int f = function(ops[pc + 1]);
                if (declaredRefs != null && !declaredRefs[f]) throw fail("undeclared function reference");
                push(Vt.ref(false, types.canonicalId(module.functionTypeIndex(f))));
            }
            case Opcodes.REF_EQ -> {
                pop(Vt.ref(true, ValType.HT_EQ));
                pop(Vt.ref(true, ValType.HT_EQ));
                push(Vt.I32);
            }
            case Opcodes.REF_AS_NON_NULL -> {
                int t = popRef();
                push(t == Vt.BOT ? Vt.BOT : Vt.asNonNull(t));
            }
            case Opcodes.BR_ON_NULL -> {
                int t = popRef();
                int frame = label(ops[pc + 1]);
                int[] carried = labelTypes(frame);
                popAll(carried);
                pushAll(carried);
                recordBranch(frame, carried);
                push(t == Vt.BOT ? Vt.BOT : Vt.asNonNull(t));
            }
            case Opcodes.BR_ON_NON_NULL -> {
                int t = popRef();
                int frame = label(ops[pc + 1]);
                int[] carried = labelTypes(frame);
                if (carried.length == 0) throw fail("type mismatch");
                int last = carried[carried.length - 1];
                if (!types.matches(t == Vt.BOT ? Vt.BOT : Vt.asNonNull(t), last)) throw fail("type mismatch");
                int[] rest = Arrays.copyOf(carried, carried.length - 1);
                popAll(rest);
                pushAll(rest);
                recordBranch(frame, carried);
            }
            case Opcodes.REF_TEST, Opcodes.REF_TEST_NULL, Opcodes.REF_CAST, Opcodes.REF_CAST_NULL -> {
                int heap = heapType(ops[pc + 1]);
                pop(Vt.ref(true, types.registry().topOf(heap)));
                boolean test = op == Opcodes.REF_TEST || op == Opcodes.REF_TEST_NULL;
                boolean nullable = op == Opcodes.REF_TEST_NULL || op == Opcodes.REF_CAST_NULL;
                push(test ? Vt.I32 : Vt.ref(nullable, heap));
            }
            case Opcodes.BR_ON_CAST, Opcodes.BR_ON_CAST_FAIL -> brOnCast(op == Opcodes.BR_ON_CAST_FAIL);
            case Opcodes.ANY_CONVERT_EXTERN, Opcodes.EXTERN_CONVERT_ANY -> {
                boolean toAny = op == Opcodes.ANY_CONVERT_EXTERN;
                int t = pop(Vt.ref(true, toAny ? ValType.HT_EXTERN : ValType.HT_ANY));
                boolean nullable = t != Vt.BOT && Vt.isNullable(t);
                push(Vt.ref(nullable, toAny ? ValType.HT_ANY : ValType.HT_EXTERN));
            }
            case Opcodes.REF_I31 -> {
                pop(Vt.I32);
                push(Vt.ref(false, ValType.HT_I31));
            }
            case Opcodes.I31_GET_S, Opcodes.I31_GET_U -> {
                pop(Vt.ref(true, ValType.HT_I31));
                push(Vt.I32);
            }
            default -> { return false; }
        }
        return true;
    }

    private void brOnCast(boolean onFail) {
        int flags = ops[pc + 1];
        int source = Vt.ref((flags & 1) != 0, heapType(ops[pc + 3]));
        int target = Vt.ref((flags & 2) != 0, heapType(ops[pc + 4]));
        if (!types.matches(target, source)) throw fail("type mismatch");
        pop(source);
        int frame = label(ops[pc + 2]);
        int[] carried = labelTypes(frame);
        if (carried.length == 0) throw fail("type mismatch");
        // The cast-failure type: the source, minus null when the target admits null.
        int difference = Vt.isNullable(target) ? Vt.asNonNull(source) : source;
        int branchType = onFail ? difference : target;
        if (!types.matches(branchType, carried[carried.length - 1])) throw fail("type mismatch");
        int[] rest = Arrays.copyOf(carried, carried.length - 1);
        popAll(rest);
        pushAll(rest);
        recordBranch(frame, carried);
        push(onFail ? target : difference);
    }

    private boolean aggregateInstruction(int op) {
        int x = Opcodes.immediates(op) == Immediates.NONE ? 0 : ops[pc + 1];
        switch (op) {
            case Opcodes.STRUCT_NEW -> {
                List<FieldType> fields = structType(x).fields();
                for (int i = fields.size() - 1; i >= 0; i--) pop(types.valType(fields.get(i).type()));
                push(Vt.ref(false, types.canonicalId(x)));
            }
            case Opcodes.STRUCT_NEW_DEFAULT -> {
                for (FieldType field : structType(x).fields()) requireDefaultable(field);
                push(Vt.ref(false, types.canonicalId(x)));
            }
            case Opcodes.STRUCT_GET, Opcodes.STRUCT_GET_S, Opcodes.STRUCT_GET_U -> {
                FieldType field = field(x, ops[pc + 2]);
                checkPacking(field, op != Opcodes.STRUCT_GET);
                pop(Vt.ref(true, types.canonicalId(x)));
                push(types.valType(field.type()));
            }
            case Opcodes.STRUCT_SET -> {
                FieldType field = field(x, ops[pc + 2]);
                if (!field.mutable()) throw fail("immutable field");
                pop(types.valType(field.type()));
                pop(Vt.ref(true, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_NEW -> {
                FieldType e = arrayType(x).element();
                pop(Vt.I32);
                pop(types.valType(e.type()));
                push(Vt.ref(false, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_NEW_DEFAULT -> {
                requireDefaultable(arrayType(x).element());
                pop(Vt.I32);
                push(Vt.ref(false, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_NEW_FIXED -> {
                FieldType e = arrayType(x).element();
                int n = ops[pc + 2];
                if (n < 0) throw fail("type mismatch");
                int t = types.valType(e.type());
                // Below unreachable, missing operands are all the unknown type: pop only what is there.
                int available = vsize - ctlHeight[csize - 1];
                if (ctlUnreachable[csize - 1] && n > available) n = available;
                for (int i = 0; i < n; i++) pop(t);
                push(Vt.ref(false, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_NEW_DATA, Opcodes.ARRAY_NEW_ELEM -> {
                FieldType e = arrayType(x).element();
                segmentFits(op == Opcodes.ARRAY_NEW_DATA, e, ops[pc + 2]);
                pop(Vt.I32);
                pop(Vt.I32);
                push(Vt.ref(false, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_GET, Opcodes.ARRAY_GET_S, Opcodes.ARRAY_GET_U -> {
                FieldType e = arrayType(x).element();
                checkPacking(e, op != Opcodes.ARRAY_GET);
                pop(Vt.I32);
                pop(Vt.ref(true, types.canonicalId(x)));
                push(types.valType(e.type()));
            }
            case Opcodes.ARRAY_SET -> {
                FieldType e = mutableArray(x);
                pop(types.valType(e.type()));
                pop(Vt.I32);
                pop(Vt.ref(true, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_LEN -> {
                pop(Vt.ref(true, ValType.HT_ARRAY));
                push(Vt.I32);
            }
            case Opcodes.ARRAY_FILL -> {
                FieldType e = mutableArray(x);
                pop(Vt.I32);
                pop(types.valType(e.type()));
                pop(Vt.I32);
                pop(Vt.ref(true, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_COPY -> {
                FieldType dst = mutableArray(x);
                int y = ops[pc + 2];
                FieldType src = arrayType(y).element();
                boolean fits = dst.packedBits() == src.packedBits()
                        && types.matches(types.valType(src.type()), types.valType(dst.type()));
                if (!fits) throw fail("array types do not match");
                pop(Vt.I32);
                pop(Vt.I32);
                pop(Vt.ref(true, types.canonicalId(y)));
                pop(Vt.I32);
                pop(Vt.ref(true, types.canonicalId(x)));
            }
            case Opcodes.ARRAY_INIT_DATA, Opcodes.ARRAY_INIT_ELEM -> {
                FieldType e = mutableArray(x);
                segmentFits(op == Opcodes.ARRAY_INIT_DATA, e, ops[pc + 2]);
                pop(Vt.I32);
                pop(Vt.I32);
                pop(Vt.I32);
                pop(Vt.ref(true, types.canonicalId(x)));
            }
            default -> { return false; }
        }
        return true;
    }

    private void segmentFits(boolean isData, FieldType element, int segment) {
        if (isData) {
            if (element.type().isRef()) throw fail("array type is not numeric or vector");
            data(segment);
        } else if (!types.matches(types.valType(elem(segment).type()), types.valType(element.type()))) {
            throw fail("type mismatch");
        }
    }

    private void checkPacking(FieldType field, boolean signedAccess) {
        if (field.isPacked() != signedAccess) throw fail("type mismatch");
    }

    private void requireDefaultable(FieldType field) {
        if (!field.type().isDefaultable()) throw fail("type mismatch");
    }

    private FieldType mutableArray(int x) {
        FieldType e = arrayType(x).element();
        if (!e.mutable()) throw fail("immutable array");
        return e;
    }

    private FieldType field(int typeIndex, int fieldIndex) {
        List<FieldType> fields = structType(typeIndex).fields();
        if (fieldIndex < 0 || fieldIndex >= fields.size()) throw fail("unknown field " + fieldIndex);
        return fields.get(fieldIndex);
    }
}
