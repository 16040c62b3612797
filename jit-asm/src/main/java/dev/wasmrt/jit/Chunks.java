package dev.wasmrt.jit;

import org.objectweb.asm.Label;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.objectweb.asm.Opcodes.*;

/**
 * The methods of a function split for HotSpot's size limit (see {@link MethodSplitter}): one
 * method per chunk of the body, {@code name_<k>(State, ExecContext, long[] frame, Object[] refs,
 * int entry, int budget) -> int}, and a driver under the function's own name that calls them in
 * turn, passing on its call budget (the chunks are one Wasm frame).
 *
 * <p>The Wasm locals live in the frame arrays between chunks (raw bits in {@code frame}, references
 * and v128 values in {@code refs}, at the local's index) and in JVM locals inside one: an entry
 * loads the locals touched on paths from it ({@link ChunkLocals}) and the exit writes back those
 * the chunk sets. Values a branch carries from one chunk
 * to another travel in the frame past the locals. A chunk returns where execution goes on: an
 * entry id {@code chunk << 16 | n} (the n-th entry of that chunk), or -1 when the function
 * returns, its results in the frame. Entries are the chunk's start and the loop heads, block
 * ends and else-arms that branches in other chunks reach.
 */
final class Chunks {
    static final int SELF = 0;
    static final int CTX = 1;
    static final int FRAME = 2;
    static final int REFS = 3;
    static final int ENTRY = 4;
    static final int BUDGET = 5;
    /** The JVM local of the first Wasm local in a chunk method. */
    static final int FIRST_LOCAL = 6;
    static final String CHUNK_DESC = "(" + Gen.STATE_DESC + Gen.CTX_DESC + "[J[Ljava/lang/Object;II)I";

    /** Where control goes: the function's start, a chunk's start, or a label's head, end or else-arm. */
    record Key(Object owner, int kind) {
        static final int START = 0, CHUNK = 1, LOOP = 2, END = 3, ELSE = 4;
    }

    static final Key START = new Key(null, Key.START);

    private final String name;
    private final int[] splitPcs;
    private final JvmType[] localTypes;
    private final int[] localSlot;
    /** Frame index of the first transfer slot: the locals come first. */
    private final int transferBase;
    private int transferSlots;
    private boolean usesRefs;

    private final List<MethodNode> methods = new ArrayList<>();
    private final Map<Key, Integer> entryIds = new HashMap<>();
    private final List<LdcInsnNode> exitIds = new ArrayList<>();
    private final List<Key> exitKeys = new ArrayList<>();
    private final Set<Key> exited = new HashSet<>();
    private final List<LdcInsnNode> tableIds = new ArrayList<>();
    private final List<Key[]> tableKeys = new ArrayList<>();

    // the chunk being written
    private MethodNode mv;
    private Label dispatch;
    private Label commonExit;
    private final BitSet touched = new BitSet();
    private final BitSet written = new BitSet();
    private final List<Label> entryLabels = new ArrayList<>();
    private final List<Integer> entryPcs = new ArrayList<>();
    private final List<Runnable> entryStubs = new ArrayList<>();

    Chunks(String name, int[] splitPcs, JvmType[] localTypes, int[] localSlot) {
        this.name = name;
        this.splitPcs = splitPcs;
        this.localTypes = localTypes;
        this.localSlot = localSlot;
        this.transferBase = localTypes.length;
        for (JvmType t : localTypes) usesRefs |= t.isObject();
    }

    int current() { return methods.size() - 1; }

    /** Where the current chunk ends: the next split point, or past the body. */
    int chunkEnd() { return methods.size() <= splitPcs.length ? splitPcs[methods.size() - 1] : Integer.MAX_VALUE; }

    /** True when a new chunk starts at {@code pc}. */
    boolean startsChunk(int pc) {
        int next = methods.size();
        return next <= splitPcs.length && splitPcs[next - 1] == pc;
    }

    /** Starts the next chunk's method; its code begins with a jump to the dispatch written at its close. */
    MethodNode open() {
        mv = new MethodNode(ACC_STATIC, name + "_" + methods.size(), CHUNK_DESC, null, null);
        methods.add(mv);
        dispatch = new Label();
        commonExit = new Label();
        touched.clear();
        written.clear();
        entryLabels.clear();
        entryPcs.clear();
        entryStubs.clear();
        mv.visitCode();
        mv.visitJumpInsn(GOTO, dispatch);
        return mv;
    }

    /** Records a Wasm local the current chunk reads or writes. */
    void touch(int local, boolean write) {
        touched.set(local);
        if (write) written.set(local);
    }

    /**
     * Makes {@code key} an entry of the current chunk, going on at instruction {@code pc};
     * {@code stub} ends in a jump into the body.
     */
    void entry(Key key, int pc, Runnable stub) {
        if (entryIds.containsKey(key)) throw new IllegalStateException("entry registered twice: " + key);
        entryIds.put(key, current() << 16 | entryLabels.size());
        entryLabels.add(new Label());
        entryPcs.add(pc);
        entryStubs.add(stub);
    }

    /** True when some chunk leaves for {@code key}. */
    boolean hasExit(Key key) { return exited.contains(key); }

    /** Leaves the chunk for {@code key}, with an empty operand stack; the id is patched in {@link #finish}. */
    void exitTo(Key key) {
        mv.visitLdcInsn(0);
        exitIds.add((LdcInsnNode) mv.instructions.getLast());
        exitKeys.add(key);
        exited.add(key);
        mv.visitJumpInsn(GOTO, commonExit);
    }

    /**
     * Leaves the chunk for {@code keys[index]}, the index in a JVM local: the ids come from a
     * string constant, two chars each, patched in {@link #finish} (a switch of exits would cost
     * some 6 bytes per target, too many for a br_table of thousands).
     */
    void tableExit(Key[] keys, int indexLocal, int stringLocal) {
        for (Key k : keys) if (k != null) exited.add(k);
        mv.visitLdcInsn("");
        tableIds.add((LdcInsnNode) mv.instructions.getLast());
        tableKeys.add(keys);
        mv.visitVarInsn(ASTORE, stringLocal);
        mv.visitVarInsn(ILOAD, indexLocal);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISHL);
        mv.visitVarInsn(ISTORE, indexLocal);
        mv.visitVarInsn(ALOAD, stringLocal);
        mv.visitVarInsn(ILOAD, indexLocal);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitIntInsn(BIPUSH, 16);
        mv.visitInsn(ISHL);
        mv.visitVarInsn(ALOAD, stringLocal);
        mv.visitVarInsn(ILOAD, indexLocal);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IADD);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitInsn(IOR);
        mv.visitJumpInsn(GOTO, commonExit);
    }

    /** Leaves the chunk as the function returns, its results already in the transfer slots. */
    void exitReturn() {
        mv.visitInsn(ICONST_M1);
        mv.visitJumpInsn(GOTO, commonExit);
    }

    void storeTransfer(int k, JvmType t, int valueLocal) {
        transferSlots = Math.max(transferSlots, k + 1);
        store(transferBase + k, t, valueLocal);
    }

    void loadTransfer(int k, JvmType t) {
        transferSlots = Math.max(transferSlots, k + 1);
        load(transferBase + k, t);
    }

    private void store(int index, JvmType t, int valueLocal) {
        storeFrame(mv, t, index, valueLocal, FRAME, REFS);
        if (t.isObject()) usesRefs = true;
    }

    /** {@code frame[index] = local} for a raw-bits value, {@code refs[index] = local} for an object. */
    static void storeFrame(MethodNode mv, JvmType t, int index, int valueLocal, int frame, int refs) {
        mv.visitVarInsn(ALOAD, t.isObject() ? refs : frame);
        Gen.pushInt(mv, index);
        mv.visitVarInsn(t.load, valueLocal);
        if (t.isObject()) {
            mv.visitInsn(AASTORE);
        } else {
            Gen.toBits(mv, t);
            mv.visitInsn(LASTORE);
        }
    }

    private void load(int index, JvmType t) {
        loadFrame(mv, t, index, FRAME, REFS);
        if (t.isObject()) usesRefs = true;
    }

    /** Pushes {@code frame[index]} as a value of type {@code t}, or {@code refs[index]} for an object. */
    static void loadFrame(MethodNode mv, JvmType t, int index, int frame, int refs) {
        mv.visitVarInsn(ALOAD, t.isObject() ? refs : frame);
        Gen.pushInt(mv, index);
        if (t.isObject()) {
            mv.visitInsn(AALOAD);
            if (t == JvmType.V128) mv.visitTypeInsn(CHECKCAST, Gen.V128);
        } else {
            mv.visitInsn(LALOAD);
            Gen.fromBits(mv, t);
        }
    }

    /**
     * Ends the current chunk: the shared exit writing back the locals it set, then the dispatch
     * jumping to the entry asked for. Each entry loads the locals touched on some path from it
     * (and those the exit writes back); when that would cost much more code than loading every
     * local the chunk touches once before the switch, it does that instead.
     */
    void close(ChunkLocals flow, Runnable prologue) {
        mv.visitLabel(commonExit);
        mv.visitVarInsn(ISTORE, ENTRY);
        for (int i = written.nextSetBit(0); i >= 0; i = written.nextSetBit(i + 1)) store(i, localTypes[i], localSlot[i]);
        mv.visitVarInsn(ILOAD, ENTRY);
        mv.visitInsn(IRETURN);
        mv.visitLabel(dispatch);
        List<BitSet> loads = new ArrayList<>();
        int perEntry = 0;
        for (int pc : entryPcs) {
            BitSet set = (BitSet) flow.from(pc).clone();
            set.or(written);
            set.and(touched);
            loads.add(set);
            perEntry += set.cardinality();
        }
        boolean shared = perEntry > 2 * touched.cardinality() + 8;
        if (shared) loadLocals(touched);
        prologue.run();
        Label bad = new Label();
        mv.visitVarInsn(ILOAD, ENTRY);
        mv.visitLdcInsn(0xFFFF);
        mv.visitInsn(IAND);
        mv.visitTableSwitchInsn(0, entryLabels.size() - 1, bad, entryLabels.toArray(new Label[0]));
        for (int i = 0; i < entryLabels.size(); i++) {
            mv.visitLabel(entryLabels.get(i));
            if (!shared) loadLocals(loads.get(i));
            entryStubs.get(i).run();
        }
        mv.visitLabel(bad);
        CodeClassWriter.throwNotCompiled(mv, ENTRY);
    }

    private void loadLocals(BitSet which) {
        for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
            load(i, localTypes[i]);
            mv.visitVarInsn(localTypes[i].store, localSlot[i]);
        }
    }

    /** Patches the exits' entry ids and returns the driver, its helpers, then the chunk methods. */
    List<MethodNode> finish(MethodNode driver, List<MethodNode> helpers) {
        for (int i = 0; i < exitIds.size(); i++) {
            Integer id = entryIds.get(exitKeys.get(i));
            if (id == null) throw new IllegalStateException("no entry for " + exitKeys.get(i));
            exitIds.get(i).cst = id;
        }
        for (int t = 0; t < tableIds.size(); t++) {
            Key[] keys = tableKeys.get(t);
            StringBuilder ids = new StringBuilder(2 * keys.length);
            for (Key k : keys) {
                Integer id = k == null ? Integer.valueOf(0) : entryIds.get(k);
                if (id == null) throw new IllegalStateException("no entry for " + k);
                ids.append((char) (id >>> 16)).append((char) (id & 0xFFFF));
            }
            tableIds.get(t).cst = ids.toString();
        }
        List<MethodNode> all = new ArrayList<>();
        all.add(driver);
        all.addAll(helpers);
        all.addAll(methods);
        return all;
    }

    /** Bytecode size of each chunk method written so far. */
    int largestChunk() {
        int max = 0;
        for (MethodNode m : methods) max = Math.max(max, BytecodeSize.of(m.instructions));
        return max;
    }

    int chunkCount() { return methods.size(); }

    String chunkName(int k) { return name + "_" + k; }

    /** Gives the non-parameter v128 locals their zero, which unlike the others' is not the arrays' default. */
    void zeroVectorLocals(MethodNode driver, int params, int refs) {
        for (int i = params; i < localTypes.length; i++) {
            if (localTypes[i] != JvmType.V128) continue;
            driver.visitVarInsn(ALOAD, refs);
            Gen.pushInt(driver, i);
            Gen.pushZero(driver, JvmType.V128);
            driver.visitInsn(AASTORE);
        }
    }

    /** The frame index of transfer slot {@code k}. */
    int transferIndex(int k) { return transferBase + k; }

    /** Frame length: the locals, then the transfer slots. */
    int frameLength() { return transferBase + transferSlots; }

    boolean usesRefs() { return usesRefs; }
}
