package dev.wasmrt.interpreter.exec;

import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.interpreter.ExceptionRef;
import dev.wasmrt.interpreter.ExecContext;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Global;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Table;
import dev.wasmrt.interpreter.Tag;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.WasmException;
import dev.wasmrt.interpreter.gc.GcOps;
import dev.wasmrt.interpreter.gc.GcTraps;

import java.util.Arrays;

import static dev.wasmrt.decoder.model.Opcodes.*;
import static dev.wasmrt.interpreter.exec.Lowering.*;

/**
 * The interpreter loop of one thread. Frames and exception handlers live in arrays here, not on
 * the Java stack; values live in the context's slot arrays. Blocks cost nothing at run time:
 * {@link ControlLowering} resolved every branch to a descriptor (resume pc, slots carried, target
 * height, handlers that stay open). Only try and try_table push a handler: the pc of the
 * instruction and the stack height below its parameters; {@code lsp}/{@code lbase} count handlers.
 *
 * <p>The loop keeps its state in locals and writes it to the {@code cur*} fields only where
 * something outside the loop needs it (calls into other engines and host functions, throws).
 * Rare instructions are delegated to {@link SlowOps} to keep this method small enough for the
 * JIT (HotSpot does not compile methods over 8000 bytes of bytecode).
 */
final class Machine {
    private final ExecContext ctx;

    private InterpretedFunction[] frameFn = new InterpretedFunction[32];
    private int[] framePc = new int[32];
    private int[] frameFp = new int[32];
    private int[] frameLbase = new int[32];
    private int fsp;

    private int[] handlerPc = new int[64];
    private int[] handlerHeight = new int[64];
    private ExceptionRef[] caught = new ExceptionRef[64];

    private InterpretedFunction curFn;
    private int curPc, curSp, curFp, curLbase, curLsp;
    /** A branch descriptor for the loop to take on resumption (after a try_table catch), or -1. */
    private int pendingBranch = -1;

    private Machine(ExecContext ctx) { this.ctx = ctx; }

    static Machine of(ExecContext ctx) {
        if (ctx.interpreterState instanceof Machine m) return m;
        Machine m = new Machine(ctx);
        ctx.interpreterState = m;
        return m;
    }

    /** Runs {@code f} with its arguments at {@code base}; leaves its results there. */
    void execute(InterpretedFunction f, int base) {
        InterpretedFunction savedFn = curFn;
        int savedPc = curPc, savedSp = curSp, savedFp = curFp, savedLbase = curLbase, savedLsp = curLsp;
        int entry = fsp;
        int entryLsp = savedFn == null ? 0 : curLsp;
        int savedTop = ctx.top;
        ctx.enter();
        try {
            enter(f, base, entryLsp);
            while (true) {
                try {
                    run(entry);
                    return;
                } catch (WasmException e) {
                    if (!unwind(e.exception(), entry)) throw e;
                }
            }
        } catch (Trap t) {
            t.addFrame(curFn.debugName());
            for (int i = fsp - 1; i >= entry; i--) t.addFrame(frameFn[i].debugName());
            throw t;
        } catch (StackOverflowError e) {
            throw Trap.callStackExhausted();
        } catch (OutOfMemoryError e) {
            // GC allocations are the guest's to make; running the heap dry must not take the host down.
            throw GcTraps.outOfMemory();
        } finally {
            while (fsp > entry) {
                frameFn[--fsp] = null;
                ctx.leave();
            }
            ctx.leave();
            ctx.top = savedTop;
            curFn = savedFn;
            curPc = savedPc;
            curSp = savedSp;
            curFp = savedFp;
            curLbase = savedLbase;
            curLsp = savedLsp;
            pendingBranch = -1;
        }
    }

    private void enter(InterpretedFunction f, int base, int lbase) {
        curFn = f;
        FunctionCode fc = f.code();
        ctx.ensure(base + fc.localSlots() + fc.maxStackSlots());
        ensureHandlers(lbase + fc.maxHandlers());
        Arrays.fill(ctx.slots, base + fc.paramSlots(), base + fc.localSlots(), 0L);
        Arrays.fill(ctx.refs, base + fc.paramSlots(), base + fc.localSlots(), null);
        curPc = 0;
        curFp = base;
        curSp = base + fc.localSlots();
        curLbase = lbase;
        curLsp = lbase;
    }

    private void ensureHandlers(int count) {
        if (count > caught.length) {
            int n = Math.max(count, caught.length * 2);
            handlerPc = Arrays.copyOf(handlerPc, n);
            handlerHeight = Arrays.copyOf(handlerHeight, n);
            caught = Arrays.copyOf(caught, n);
        }
    }

    private void pushFrame(InterpretedFunction fn, int pc, int fp, int lbase) {
        if (fsp == frameFn.length) {
            int n = fsp * 2;
            frameFn = Arrays.copyOf(frameFn, n);
            framePc = Arrays.copyOf(framePc, n);
            frameFp = Arrays.copyOf(frameFp, n);
            frameLbase = Arrays.copyOf(frameLbase, n);
        }
        frameFn[fsp] = fn;
        framePc[fsp] = pc;
        frameFp[fsp] = fp;
        frameLbase[fsp] = lbase;
        fsp++;
    }

    private static long offset(int[] code, int pc) {
        return (code[pc + 3] & 0xFFFFFFFFL) | ((long) code[pc + 4] << 32);
    }

    private void run(int entry) {
        final ExecContext ctx = this.ctx;
        InterpretedFunction fn = curFn;
        Instance inst = fn.instance;
        int[] code = fn.code().code();
        long[] s = ctx.slots;
        Object[] r = ctx.refs;
        int pc = curPc, sp = curSp, fp = curFp, lbase = curLbase, lsp = curLsp;
        // The branch descriptor of a taken branch, or -1.
        int br = pendingBranch;
        pendingBranch = -1;
        FunctionInstance callee = null;
        boolean tail = false;

        while (true) {
            if (br < 0) {
                int op = code[pc];
                switch (op) {
                    case NOP: pc++; continue;
                    case UNREACHABLE: throw Trap.unreachable();
                    case BLOCK: case LOOP: pc = code[pc + 3]; continue;
                    case IF: pc = (int) s[--sp] != 0 ? pc + 5 : code[pc + 3]; continue;
                    case ELSE: pc = code[pc + 1]; continue;
                    case TRY:
                    case TRY_TABLE:
                        handlerPc[lsp] = pc; handlerHeight[lsp] = sp - code[pc + 1]; caught[lsp++] = null;
                        pc += op == TRY ? 5 : 5 + 3 * code[pc + 4]; continue;
                    case CATCH_ALL: lsp--; pc = code[pc + 1]; continue;
                    case CATCH: lsp--; pc = code[pc + 3]; continue;
                    case DELEGATE: lsp--; pc += 2; continue;
                    case END: lsp--; pc++; continue;
                    case BR: br = code[pc + 1]; break;
                    case BR_IF:
                        if ((int) s[--sp] == 0) { pc += 2; continue; }
                        br = code[pc + 1]; break;
                    case BR_TABLE: {
                        int n = code[pc + 1];
                        int i = (int) s[--sp];
                        br = code[pc + 2 + (Integer.compareUnsigned(i, n) < 0 ? i : n)];
                        break;
                    }
                    case BR_ON_NULL:
                        if (r[sp - 1] != null) { pc += 2; continue; }
                        sp--; br = code[pc + 1]; break;
                    case BR_ON_CAST_LOCAL:
                    case BR_ON_CAST_FAIL_LOCAL:
                        if (!GcOps.branchTaken(op == BR_ON_CAST_LOCAL ? BR_ON_CAST : BR_ON_CAST_FAIL, code, pc, r[sp - 1], inst.gcTypes)) {
                            pc += 5; continue;
                        }
                        br = code[pc + 2]; break;
                    case BR_ON_NON_NULL:
                        if (r[--sp] == null) { pc += 2; continue; }
                        sp++; br = code[pc + 1]; break;
                    case RETURN: break;
                    case CALL: callee = inst.functions[code[pc + 1]]; pc += 2; tail = false; break;
                    case RETURN_CALL: callee = inst.functions[code[pc + 1]]; pc += 2; tail = true; break;
                    case CALL_INDIRECT:
                    case RETURN_CALL_INDIRECT: {
                        Table t = inst.tables[code[pc + 2]];
                        long i = t.is64() ? s[--sp] : s[--sp] & 0xFFFFFFFFL;
                        Object[] e = t.elements;
                        if (i < 0 || i >= e.length) throw Trap.undefinedElement();
                        if (!(e[(int) i] instanceof FunctionInstance f)) throw Trap.uninitializedElement(i);
                        if (!f.type().isSubtypeOf(inst.types[code[pc + 1]])) throw Trap.indirectCallTypeMismatch();
                        callee = f; tail = op == RETURN_CALL_INDIRECT; pc += 3; break;
                    }
                    case CALL_REF:
                    case RETURN_CALL_REF: {
                        Object f = r[--sp];
                        if (f == null) throw Trap.nullFunctionReference();
                        callee = (FunctionInstance) f; tail = op == RETURN_CALL_REF; pc += 2; break;
                    }
                    case THROW: case THROW_REF: case RETHROW: {
                        curFn = fn; curPc = pc; curFp = fp; curLbase = lbase; curLsp = lsp;
                        ExceptionRef exn;
                        if (op == THROW) {
                            Tag tag = inst.tags[code[pc + 1]];
                            int n = tag.type().paramSlots();
                            sp -= n;
                            exn = new ExceptionRef(tag, Arrays.copyOfRange(s, sp, sp + n), Arrays.copyOfRange(r, sp, sp + n));
                        } else if (op == THROW_REF) {
                            Object x = r[--sp];
                            if (x == null) throw Trap.nullReference();
                            exn = (ExceptionRef) x;
                        } else {
                            exn = caught[lsp - 1 - code[pc + 1]];
                        }
                        curSp = sp;
                        throw new WasmException(exn);
                    }
                    case DROP: sp--; pc++; continue;
                    case SELECT: case SELECT_T:
                        sp -= 2;
                        if ((int) s[sp + 1] == 0) s[sp - 1] = s[sp];
                        pc += op == SELECT ? 1 : 2 + code[pc + 1]; continue;
                    case SELECT_REF:
                        sp -= 2;
                        if ((int) s[sp + 1] == 0) r[sp - 1] = r[sp];
                        pc += 2 + code[pc + 1]; continue;
                    case LOCAL_GET: s[sp++] = s[fp + code[pc + 1]]; pc += 2; continue;
                    case LOCAL_SET: s[fp + code[pc + 1]] = s[--sp]; pc += 2; continue;
                    case LOCAL_TEE: s[fp + code[pc + 1]] = s[sp - 1]; pc += 2; continue;
                    case LOCAL_GET_REF: r[sp++] = r[fp + code[pc + 1]]; pc += 2; continue;
                    case LOCAL_SET_REF: r[fp + code[pc + 1]] = r[--sp]; pc += 2; continue;
                    case LOCAL_TEE_REF: r[fp + code[pc + 1]] = r[sp - 1]; pc += 2; continue;
                    case GLOBAL_GET: s[sp++] = inst.globals[code[pc + 1]].bits; pc += 2; continue;
                    case GLOBAL_SET: inst.globals[code[pc + 1]].bits = s[--sp]; pc += 2; continue;
                    case GLOBAL_GET_REF: r[sp++] = inst.globals[code[pc + 1]].ref; pc += 2; continue;
                    case GLOBAL_SET_REF: inst.globals[code[pc + 1]].ref = r[--sp]; pc += 2; continue;
                    case DROP_V128: sp -= 2; pc++; continue;
                    case SELECT_V128: case SELECT_T_V128:
                        sp -= 3;
                        if ((int) s[sp + 2] == 0) { s[sp - 2] = s[sp]; s[sp - 1] = s[sp + 1]; }
                        pc += op == SELECT_V128 ? 1 : 3; continue;
                    case LOCAL_GET_V128: {
                        int local = fp + code[pc + 1];
                        s[sp] = s[local]; s[sp + 1] = s[local + 1]; sp += 2;
                        pc += 2; continue;
                    }
                    case LOCAL_SET_V128: {
                        int local = fp + code[pc + 1];
                        sp -= 2; s[local] = s[sp]; s[local + 1] = s[sp + 1];
                        pc += 2; continue;
                    }
                    case LOCAL_TEE_V128: {
                        int local = fp + code[pc + 1];
                        s[local] = s[sp - 2]; s[local + 1] = s[sp - 1];
                        pc += 2; continue;
                    }
                    case GLOBAL_GET_V128: {
                        Global g = inst.globals[code[pc + 1]];
                        s[sp] = g.bits; s[sp + 1] = g.high; sp += 2;
                        pc += 2; continue;
                    }
                    case GLOBAL_SET_V128: {
                        Global g = inst.globals[code[pc + 1]];
                        sp -= 2; g.bits = s[sp]; g.high = s[sp + 1];
                        pc += 2; continue;
                    }

                    case I32_LOAD: case F32_LOAD: {
                        Memory m = inst.memories[code[pc + 2]];
                        s[sp - 1] = m.loadI32(m.effectiveAddress(s[sp - 1], offset(code, pc))) & (op == F32_LOAD ? 0xFFFFFFFFL : -1L);
                        pc += 5; continue;
                    }
                    case I64_LOAD: case F64_LOAD: {
                        Memory m = inst.memories[code[pc + 2]];
                        s[sp - 1] = m.loadI64(m.effectiveAddress(s[sp - 1], offset(code, pc)));
                        pc += 5; continue;
                    }
                    case I32_LOAD8_S: case I64_LOAD8_S: {
                        Memory m = inst.memories[code[pc + 2]];
                        s[sp - 1] = m.loadI8(m.effectiveAddress(s[sp - 1], offset(code, pc)));
                        pc += 5; continue;
                    }
                    case I32_LOAD8_U: case I64_LOAD8_U: {
                        Memory m = inst.memories[code[pc + 2]];
                        s[sp - 1] = m.loadU8(m.effectiveAddress(s[sp - 1], offset(code, pc)));
                        pc += 5; continue;
                    }
                    case I32_LOAD16_S: case I64_LOAD16_S: {
                        Memory m = inst.memories[code[pc + 2]];
                        s[sp - 1] = m.loadI16(m.effectiveAddress(s[sp - 1], offset(code, pc)));
                        pc += 5; continue;
                    }
                    case I32_LOAD16_U: case I64_LOAD16_U: {
                        Memory m = inst.memories[code[pc + 2]];
                        s[sp - 1] = m.loadU16(m.effectiveAddress(s[sp - 1], offset(code, pc)));
                        pc += 5; continue;
                    }
                    case I64_LOAD32_S: case I64_LOAD32_U: {
                        Memory m = inst.memories[code[pc + 2]];
                        int v = m.loadI32(m.effectiveAddress(s[sp - 1], offset(code, pc)));
                        s[sp - 1] = op == I64_LOAD32_S ? v : v & 0xFFFFFFFFL;
                        pc += 5; continue;
                    }
                    case I32_STORE: case F32_STORE: case I64_STORE32: {
                        Memory m = inst.memories[code[pc + 2]];
                        sp -= 2;
                        m.storeI32(m.effectiveAddress(s[sp], offset(code, pc)), (int) s[sp + 1]);
                        pc += 5; continue;
                    }
                    case I64_STORE: case F64_STORE: {
                        Memory m = inst.memories[code[pc + 2]];
                        sp -= 2;
                        m.storeI64(m.effectiveAddress(s[sp], offset(code, pc)), s[sp + 1]);
                        pc += 5; continue;
                    }
                    case I32_STORE8: case I64_STORE8: {
                        Memory m = inst.memories[code[pc + 2]];
                        sp -= 2;
                        m.storeI8(m.effectiveAddress(s[sp], offset(code, pc)), (int) s[sp + 1]);
                        pc += 5; continue;
                    }
                    case I32_STORE16: case I64_STORE16: {
                        Memory m = inst.memories[code[pc + 2]];
                        sp -= 2;
                        m.storeI16(m.effectiveAddress(s[sp], offset(code, pc)), (int) s[sp + 1]);
                        pc += 5; continue;
                    }

                    case I32_CONST: s[sp++] = code[pc + 1]; pc += 2; continue;
                    case F32_CONST: s[sp++] = code[pc + 1] & 0xFFFFFFFFL; pc += 2; continue;
                    case I64_CONST: case F64_CONST:
                        s[sp++] = (code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32); pc += 3; continue;

                    case I32_EQZ: s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0; pc++; continue;
                    case I32_EQ: sp--; s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0; pc++; continue;
                    case I32_NE: sp--; s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0; pc++; continue;
                    case I32_LT_S: sp--; s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0; pc++; continue;
                    case I32_LT_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0; pc++; continue;
                    case I32_GT_S: sp--; s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0; pc++; continue;
                    case I32_GT_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0; pc++; continue;
                    case I32_LE_S: sp--; s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0; pc++; continue;
                    case I32_LE_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0; pc++; continue;
                    case I32_GE_S: sp--; s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0; pc++; continue;
                    case I32_GE_U: sp--; s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0; pc++; continue;
                    case I64_EQZ: s[sp - 1] = s[sp - 1] == 0 ? 1 : 0; pc++; continue;
                    case I64_EQ: sp--; s[sp - 1] = s[sp - 1] == s[sp] ? 1 : 0; pc++; continue;
                    case I64_NE: sp--; s[sp - 1] = s[sp - 1] != s[sp] ? 1 : 0; pc++; continue;
                    case I64_LT_S: sp--; s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0; pc++; continue;
                    case I64_LT_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) < 0 ? 1 : 0; pc++; continue;
                    case I64_GT_S: sp--; s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0; pc++; continue;
                    case I64_GT_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) > 0 ? 1 : 0; pc++; continue;
                    case I64_LE_S: sp--; s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0; pc++; continue;
                    case I64_LE_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0; pc++; continue;
                    case I64_GE_S: sp--; s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0; pc++; continue;
                    case I64_GE_U: sp--; s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0; pc++; continue;

                    case I32_ADD: sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; pc++; continue;
                    case I32_SUB: sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; pc++; continue;
                    case I32_MUL: sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; pc++; continue;
                    case I32_AND: sp--; s[sp - 1] = (int) (s[sp - 1] & s[sp]); pc++; continue;
                    case I32_OR: sp--; s[sp - 1] = (int) (s[sp - 1] | s[sp]); pc++; continue;
                    case I32_XOR: sp--; s[sp - 1] = (int) (s[sp - 1] ^ s[sp]); pc++; continue;
                    case I32_SHL: sp--; s[sp - 1] = (int) s[sp - 1] << (int) s[sp]; pc++; continue;
                    case I32_SHR_S: sp--; s[sp - 1] = (int) s[sp - 1] >> (int) s[sp]; pc++; continue;
                    case I32_SHR_U: sp--; s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp]; pc++; continue;
                    case I64_ADD: sp--; s[sp - 1] += s[sp]; pc++; continue;
                    case I64_SUB: sp--; s[sp - 1] -= s[sp]; pc++; continue;
                    case I64_MUL: sp--; s[sp - 1] *= s[sp]; pc++; continue;
                    case I64_AND: sp--; s[sp - 1] &= s[sp]; pc++; continue;
                    case I64_OR: sp--; s[sp - 1] |= s[sp]; pc++; continue;
                    case I64_XOR: sp--; s[sp - 1] ^= s[sp]; pc++; continue;
                    case I64_SHL: sp--; s[sp - 1] <<= s[sp]; pc++; continue;
                    case I64_SHR_S: sp--; s[sp - 1] >>= s[sp]; pc++; continue;
                    case I64_SHR_U: sp--; s[sp - 1] >>>= s[sp]; pc++; continue;
                    case I32_WRAP_I64: s[sp - 1] = (int) s[sp - 1]; pc++; continue;
                    case I64_EXTEND_I32_S: s[sp - 1] = (int) s[sp - 1]; pc++; continue;
                    case I64_EXTEND_I32_U: s[sp - 1] &= 0xFFFFFFFFL; pc++; continue;

                    case REF_NULL: r[sp++] = null; pc += 2; continue;
                    case REF_IS_NULL: s[sp - 1] = r[sp - 1] == null ? 1 : 0; pc++; continue;
                    case REF_FUNC: r[sp++] = inst.functions[code[pc + 1]]; pc += 2; continue;

                    default:
                        sp = SlowOps.exec(op, code, pc, s, r, sp, inst);
                        pc += Opcodes.length(code, pc);
                        continue;
                }
            }

            if (callee != null) {
                FunctionInstance f = callee;
                callee = null;
                int argBase = sp - f.type().paramSlots();
                if (f instanceof InterpretedFunction target) {
                    FunctionCode fc = target.code();
                    if (tail) {
                        System.arraycopy(s, argBase, s, fp, fc.paramSlots());
                        System.arraycopy(r, argBase, r, fp, fc.paramSlots());
                        lsp = lbase;
                    } else {
                        ctx.enter();
                        pushFrame(fn, pc, fp, lbase);
                        fp = argBase;
                        lbase = lsp;
                    }
                    fn = target;
                    curFn = fn;
                    inst = fn.instance;
                    code = fc.code();
                    sp = fp + fc.localSlots();
                    if (sp + fc.maxStackSlots() > s.length) {
                        ctx.ensure(sp + fc.maxStackSlots());
                        s = ctx.slots;
                        r = ctx.refs;
                    }
                    if (lsp + fc.maxHandlers() > caught.length) ensureHandlers(lsp + fc.maxHandlers());
                    Arrays.fill(s, fp + fc.paramSlots(), sp, 0L);
                    Arrays.fill(r, fp + fc.paramSlots(), sp, null);
                    pc = 0;
                    ctx.tick();
                    continue;
                }
                curFn = fn; curPc = pc; curSp = argBase; curFp = fp; curLbase = lbase;
                // A tail call has left this frame's blocks: their handlers must not see the callee's exceptions.
                curLsp = tail ? lbase : lsp;
                ctx.top = sp;
                Instance savedInstance = ctx.currentInstance;
                ctx.currentInstance = inst;
                try {
                    f.invoke(ctx, argBase);
                } finally {
                    ctx.currentInstance = savedInstance;
                }
                s = ctx.slots;
                r = ctx.refs;
                sp = argBase + f.type().resultSlots();
                if (!tail) continue;
            } else if (br >= 0) {
                int target = code[br];
                if (target >= 0) {
                    int arity = code[br + 1];
                    int height = fp + code[br + 2];
                    lsp = lbase + code[br + 3];
                    br = -1;
                    if (height + arity != sp) {
                        System.arraycopy(s, sp - arity, s, height, arity);
                        System.arraycopy(r, sp - arity, r, height, arity);
                        sp = height + arity;
                    }
                    // A loop's resume pc is at most the branch's own pc.
                    if (target <= pc) ctx.tick();
                    pc = target;
                    continue;
                }
                br = -1;
            }

            // Return: a return instruction, the function's end, a branch to its label or a tail call.
            int results = fn.code().resultSlots();
            if (fp + results != sp) {
                System.arraycopy(s, sp - results, s, fp, results);
                System.arraycopy(r, sp - results, r, fp, results);
            }
            lsp = lbase;
            if (fsp == entry) return;
            ctx.leave();
            fsp--;
            sp = fp + results;
            fn = frameFn[fsp];
            frameFn[fsp] = null;
            curFn = fn;
            inst = fn.instance;
            code = fn.code().code();
            pc = framePc[fsp];
            fp = frameFp[fsp];
            lbase = frameLbase[fsp];
        }
    }

    /**
     * Finds the handler for {@code exn} from the current position outwards, leaving the state in
     * the {@code cur*} fields for {@link #run} to resume; false when no frame of this execution
     * handles it.
     */
    private boolean unwind(ExceptionRef exn, int entry) {
        while (true) {
            InterpretedFunction fn = curFn;
            int[] code = fn.code().code();
            Instance inst = fn.instance;
            for (int li = curLsp - 1; li >= curLbase; li--) {
                int start = handlerPc[li];
                int op = code[start];
                if (op == TRY_TABLE) {
                    int n = code[start + 4];
                    for (int c = 0; c < n; c++) {
                        int at = start + 5 + 3 * c;
                        int kind = code[at];
                        boolean all = kind == Immediates.CATCH_KIND_ALL || kind == Immediates.CATCH_KIND_ALL_REF;
                        if (!all && inst.tags[code[at + 1]] != exn.tag()) continue;
                        int sp = handlerHeight[li];
                        if (!all) sp = pushPayload(exn, sp);
                        if (kind == Immediates.CATCH_KIND_CATCH_REF || kind == Immediates.CATCH_KIND_ALL_REF) {
                            ctx.slots[sp] = 0;
                            ctx.refs[sp++] = exn;
                        }
                        curSp = sp;
                        curLsp = li;
                        pendingBranch = code[at + 2];
                        return true;
                    }
                } else if (op == TRY && caught[li] == null) {
                    for (int h = code[start + 4]; h != -1; ) {
                        int hop = code[h];
                        if (hop == DELEGATE) {
                            li -= code[h + 1];
                            break;
                        }
                        if (hop == CATCH_ALL || inst.tags[code[h + 1]] == exn.tag()) {
                            int sp = handlerHeight[li];
                            if (hop == CATCH) sp = pushPayload(exn, sp);
                            caught[li] = exn;
                            curSp = sp;
                            curLsp = li + 1;
                            curPc = h + (hop == CATCH ? 4 : 2);
                            return true;
                        }
                        h = code[h + 2];
                    }
                }
            }
            if (fsp == entry) return false;
            ctx.leave();
            fsp--;
            curFn = frameFn[fsp];
            frameFn[fsp] = null;
            curPc = framePc[fsp];
            curFp = frameFp[fsp];
            curLsp = curLbase;
            curLbase = frameLbase[fsp];
        }
    }

    private int pushPayload(ExceptionRef exn, int sp) {
        int n = exn.bits().length;
        ctx.ensure(sp + n + 1);
        System.arraycopy(exn.bits(), 0, ctx.slots, sp, n);
        System.arraycopy(exn.refs(), 0, ctx.refs, sp, n);
        return sp + n;
    }
}
