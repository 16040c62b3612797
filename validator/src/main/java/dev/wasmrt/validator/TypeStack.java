package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.Opcodes;

import java.util.Arrays;

/**
 * The two stacks of the spec's validation algorithm as plain int arrays: operand types
 * ({@link Vt} ints, with their size in slots) and control frames, plus which non-defaultable
 * locals are set. {@link CodeValidator} walks the code on top of it.
 */
abstract class TypeStack {
    static final int[] NO_TYPES = new int[0];

    final ModuleTypes types;

    TypeStack(ModuleTypes types) {
        this.types = types;
    }

    /** The exception for a fault at the current instruction. */
    abstract ValidationException fail(String reason);

    int[] vals = new int[32];
    int vsize;
    int slots;
    int maxSlots;

    int[] ctlOp = new int[8], ctlPc = new int[8], ctlHeight = new int[8], ctlSlots = new int[8], ctlInits = new int[8];
    /** Per frame: the pc of the latest catch or catch_all of a legacy try, else -1. */
    int[] ctlAux = new int[8];
    int[][] ctlStart = new int[8][], ctlEnd = new int[8][];
    boolean[] ctlUnreachable = new boolean[8];
    int csize;

    int[] localTypes;
    boolean[] localSet;
    int[] setLocals = new int[8];
    int setSize;

    int[] scratch = new int[8];

    // ---- operand stack ----

    void push(int t) {
        if (vsize == vals.length) vals = Arrays.copyOf(vals, vsize * 2);
        vals[vsize++] = t;
        slots += Vt.slots(t);
        if (slots > maxSlots) maxSlots = slots;
    }

    void pushAll(int[] ts) {
        for (int t : ts) push(t);
    }

    int pop() {
        if (vsize == ctlHeight[csize - 1]) {
            if (ctlUnreachable[csize - 1]) return Vt.BOT;
            throw fail("type mismatch");
        }
        int t = vals[--vsize];
        slots -= Vt.slots(t);
        return t;
    }

    int pop(int expected) {
        int t = pop();
        if (!types.matches(t, expected)) throw fail("type mismatch");
        return t;
    }

    int popRef() {
        int t = pop();
        if (t != Vt.BOT && !Vt.isRef(t)) throw fail("type mismatch");
        return t;
    }

    void popAll(int[] ts) {
        if (!topMatches(ts)) throw fail("type mismatch: instruction requires " + describe(ts) + " but stack has " + describeTop(ts.length));
        for (int i = ts.length - 1; i >= 0; i--) pop(ts[i]);
    }

    boolean topMatches(int[] ts) {
        int f = csize - 1;
        for (int i = ts.length - 1, at = vsize - 1; i >= 0; i--, at--) {
            if (at < ctlHeight[f]) return ctlUnreachable[f];
            if (!types.matches(vals[at], ts[i])) return false;
        }
        return true;
    }

    static String describe(int[] ts) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ts.length; i++) b.append(i == 0 ? "" : " ").append(Vt.name(ts[i]));
        return b.append(']').toString();
    }

    /** The top {@code n} values of the current frame, for error messages. */
    String describeTop(int n) {
        int from = Math.max(ctlHeight[csize - 1], vsize - n);
        return describe(Arrays.copyOfRange(vals, from, vsize));
    }

    /** Pops values of the given types and pushes back what was actually there (br_table, br_if). */
    void popAndRestore(int[] ts, int count) {
        if (scratch.length < count) scratch = new int[count];
        for (int i = count - 1; i >= 0; i--) scratch[i] = pop(ts[i]);
        for (int i = 0; i < count; i++) push(scratch[i]);
    }

    // ---- control stack ----

    void pushCtl(int op, int startPc, int[] start, int[] end) {
        if (csize == ctlOp.length) {
            int n = csize * 2;
            ctlOp = Arrays.copyOf(ctlOp, n);
            ctlPc = Arrays.copyOf(ctlPc, n);
            ctlHeight = Arrays.copyOf(ctlHeight, n);
            ctlSlots = Arrays.copyOf(ctlSlots, n);
            ctlInits = Arrays.copyOf(ctlInits, n);
            ctlAux = Arrays.copyOf(ctlAux, n);
            ctlStart = Arrays.copyOf(ctlStart, n);
            ctlEnd = Arrays.copyOf(ctlEnd, n);
            ctlUnreachable = Arrays.copyOf(ctlUnreachable, n);
        }
        ctlOp[csize] = op;
        ctlPc[csize] = startPc;
        ctlHeight[csize] = vsize;
        ctlSlots[csize] = slots;
        ctlInits[csize] = setSize;
        ctlAux[csize] = -1;
        ctlStart[csize] = start;
        ctlEnd[csize] = end;
        ctlUnreachable[csize] = false;
        csize++;
        pushAll(start);
    }

    /** Checks the frame's results are exactly on the stack, pops the frame and undoes its local inits. */
    void popCtl() {
        int f = csize - 1;
        popAll(ctlEnd[f]);
        if (vsize != ctlHeight[f]) {
            throw fail("type mismatch: block requires " + describe(ctlEnd[f]) + " but stack has " + describeTop(vsize - ctlHeight[f]));
        }
        while (setSize > ctlInits[f]) localSet[setLocals[--setSize]] = false;
        csize--;
    }

    void setUnreachable() {
        int f = csize - 1;
        while (vsize > ctlHeight[f]) slots -= Vt.slots(vals[--vsize]);
        ctlUnreachable[f] = true;
    }

    /** The frame index a label depth refers to, or "unknown label". */
    int label(int depth) {
        if (depth < 0 || depth >= csize) throw fail("unknown label");
        return csize - 1 - depth;
    }

    int[] labelTypes(int frame) {
        return ctlOp[frame] == Opcodes.LOOP ? ctlStart[frame] : ctlEnd[frame];
    }

    void markSet(int x) {
        if (localSet[x]) return;
        localSet[x] = true;
        if (setSize == setLocals.length) setLocals = Arrays.copyOf(setLocals, setSize * 2);
        setLocals[setSize++] = x;
    }
}
