package dev.wasmrt.interpreter;

import java.util.Arrays;

/**
 * The execution state of one thread in one {@link Store}: the value stack shared by all
 * frames (raw bits in {@link #slots}, references in the parallel {@link #refs}), the call depth
 * and the interruption poll. Every engine receives it on every call; compiled code passes it
 * along as its first argument and uses it for multi-value results and calls into other engines.
 */
public final class ExecContext implements HostCall {
    private static final int POLL_INTERVAL = 1024;

    public long[] slots;
    public Object[] refs;
    /** The first free slot. */
    public int top;

    private final Store store;
    private final int maxDepth;
    private int depth;
    private int pollCountdown = POLL_INTERVAL;

    /** The instance whose code is running, for {@link HostCall#caller()}. Engines set it around calls. */
    public Instance currentInstance;
    /** Per-thread state owned by the interpreter engine (its frame and label stacks); other code leaves it alone. */
    public Object interpreterState;
    /** The callee of a tail call compiled code has requested and not yet made; other code leaves it alone. */
    public Object pendingTailCall;
    int hostArgs;
    int hostResults;

    ExecContext(Store store) {
        this.store = store;
        this.maxDepth = store.config().maxCallDepth();
        this.slots = new long[1024];
        this.refs = new Object[1024];
    }

    public Store store() { return store; }

    /** Makes sure slots up to (excluding) {@code limit} exist. */
    public void ensure(int limit) {
        if (limit > slots.length) grow(limit);
    }

    private void grow(int limit) {
        if (limit > store.config().maxStackSlots()) throw Trap.callStackExhausted();
        int size = (int) Math.min(Math.max(limit, slots.length * 2L), store.config().maxStackSlots());
        slots = Arrays.copyOf(slots, size);
        refs = Arrays.copyOf(refs, size);
    }

    /** Counts a call; traps "call stack exhausted" past the configured depth. Pair with {@link #leave()}. */
    public void enter() {
        if (++depth > maxDepth) {
            depth--;
            throw Trap.callStackExhausted();
        }
    }

    public void leave() { depth--; }

    /** The current Wasm call depth; engines restore it after unwinding frames with a Java exception. */
    public int depth() { return depth; }

    /**
     * How many more frames may be entered from the current depth. Compiled code receives this as
     * a parameter and passes one less to each callee instead of counting in this object.
     */
    public int callBudget() { return maxDepth - depth; }

    /**
     * Brings the depth up to that of compiled frames whose callee has {@code budget} left, before
     * they call into another engine; returns the depth to put back with {@link #restoreDepth}.
     */
    public int descendTo(int budget) {
        int saved = depth;
        depth = maxDepth - budget;
        return saved;
    }

    public void restoreDepth(int saved) { depth = saved; }

    /**
     * Engines call this at loop back-edges and function entries. It costs one load and a branch
     * until the store is given an interrupt, deadline or fuel; then it counts down to a poll.
     */
    public void tick() {
        if (store.watched) countDown();
    }

    private void countDown() {
        if (--pollCountdown <= 0) poll();
    }

    private void poll() {
        pollCountdown = POLL_INTERVAL;
        store.checkInterrupt(POLL_INTERVAL);
    }

    @Override
    public long argBits(int index) { return slots[hostArgs + index]; }

    @Override
    public Object argRef(int index) { return refs[hostArgs + index]; }

    @Override
    public void resultBits(int index, long bits) { slots[hostResults + index] = bits; }

    @Override
    public void resultRef(int index, Object ref) { refs[hostResults + index] = ref; }

    @Override
    public Instance caller() { return currentInstance; }
}
