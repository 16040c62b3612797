package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.validator.TypeRegistry;
import dev.wasmrt.validator.ValidatedModule;

import java.util.List;

/**
 * Owns instances and the per-thread execution state, and is the unit of interruption:
 * {@link #interrupt()}, {@link #setDeadline} and {@link #setFuel} stop guests running in it
 * with an {@link InterruptTrap}. Values cross the API as raw bits (numbers) and Objects
 * (references; null is the null reference).
 */
public final class Store {
    private final StoreConfig config;
    /** Canonical ids of the defined types of every module instantiated here, so GC casts compare ints. */
    private final TypeRegistry typeRegistry = new TypeRegistry();
    private final StoreFuncTypes funcTypes = new StoreFuncTypes(typeRegistry);
    private final ThreadLocal<ExecContext> contexts = ThreadLocal.withInitial(() -> new ExecContext(this));

    private volatile boolean interruptRequested;
    private volatile long deadlineNanos;
    private volatile boolean hasDeadline;
    private volatile long fuel = -1;
    /**
     * True while any of the three is set: only then do polls count down to
     * {@link #checkInterrupt}, so an unlimited store costs a guest one load per poll.
     */
    volatile boolean watched;

    public Store() { this(StoreConfig.defaults()); }

    public Store(StoreConfig config) { this.config = config; }

    public StoreConfig config() { return config; }

    public TypeRegistry typeRegistry() { return typeRegistry; }

    StoreFuncTypes funcTypes() { return funcTypes; }

    /** The calling thread's execution state. */
    public ExecContext context() { return contexts.get(); }

    /**
     * Instantiates {@code module}: links imports (LinkException on a missing or mismatched one),
     * then creates memories, globals, tables and tags, applies element and data segments in
     * order and runs the start function. A trap in a segment or the start function propagates;
     * writes done before it stay in imported memories and tables.
     */
    public Instance instantiate(ValidatedModule module, Imports imports) {
        return instantiate(config.engine().prepare(module), module, imports);
    }

    /** Instantiates a module that the store's engine has already prepared (prepare once, instantiate often). */
    public Instance instantiate(Engine.EngineModule prepared, ValidatedModule module, Imports imports) {
        return new Instantiation(this, module.module(), prepared, imports).run();
    }

    /** Stops every guest running in this store at its next poll; cleared by {@link #clearInterrupt()}. */
    public void interrupt() {
        interruptRequested = true;
        rewatch();
    }

    public void clearInterrupt() {
        interruptRequested = false;
        rewatch();
    }

    /** Guests trap once {@link System#nanoTime()} passes {@code nanoTime}. */
    public void setDeadline(long nanoTime) {
        deadlineNanos = nanoTime;
        hasDeadline = true;
        rewatch();
    }

    public void clearDeadline() {
        hasDeadline = false;
        rewatch();
    }

    /**
     * Limits execution to about {@code units} loop iterations and calls (checked every 1024, so
     * a guest may overrun by that much); negative means unlimited.
     */
    public void setFuel(long units) {
        fuel = units;
        rewatch();
    }

    /** The remaining fuel, or a negative number when unlimited. */
    public long fuel() { return fuel; }

    /** Synchronized so that racing setters cannot leave a stale flag behind. */
    private synchronized void rewatch() { watched = interruptRequested || hasDeadline || fuel >= 0; }

    void checkInterrupt(int spent) {
        if (interruptRequested) throw new InterruptTrap("interrupted");
        if (hasDeadline && System.nanoTime() - deadlineNanos > 0) throw new InterruptTrap("deadline exceeded");
        long f = fuel;
        if (f >= 0) {
            f -= spent;
            fuel = Math.max(f, 0);
            if (f < 0) throw new InterruptTrap("out of fuel");
        }
    }

    /** Calls {@code f} with numeric arguments, one raw-bits long per slot; returns one long per result slot. */
    public long[] call(FunctionInstance f, long... args) {
        FuncType t = f.type();
        if (args.length != t.paramSlots()) throw new IllegalArgumentException("expected " + t.paramSlots() + " argument slots, got " + args.length);
        ExecContext ctx = context();
        int base = ctx.top;
        ctx.ensure(base + Math.max(t.paramSlots(), t.resultSlots()));
        System.arraycopy(args, 0, ctx.slots, base, args.length);
        ctx.top = base + args.length;
        try {
            f.invoke(ctx, base);
            long[] out = new long[t.resultSlots()];
            System.arraycopy(ctx.slots, base, out, 0, out.length);
            return out;
        } finally {
            clearRefs(ctx, base, Math.max(t.paramSlots(), t.resultSlots()));
            ctx.top = base;
        }
    }

    /**
     * Calls {@code f} with mixed values: a number as a {@link Number} holding its raw bits (a
     * {@link Float} or {@link Double} is converted to its bits), a {@code v128} as a
     * {@code long[2]}, a reference as itself. Results come back the same way, numbers as
     * {@link Long} raw bits (an i32 sign-extended, an f32 as its 32 unsigned bits).
     */
    public Object[] invoke(FunctionInstance f, Object... args) {
        FuncType t = f.type();
        List<ValType> params = t.params();
        if (args.length != params.size()) throw new IllegalArgumentException("expected " + params.size() + " arguments, got " + args.length);
        ExecContext ctx = context();
        int base = ctx.top;
        int span = Math.max(t.paramSlots(), t.resultSlots());
        ctx.ensure(base + span);
        int slot = base;
        for (int i = 0; i < args.length; i++) slot = put(ctx, slot, params.get(i), args[i]);
        ctx.top = slot;
        try {
            f.invoke(ctx, base);
            List<ValType> results = t.results();
            Object[] out = new Object[results.size()];
            slot = base;
            for (int i = 0; i < out.length; i++) {
                ValType r = results.get(i);
                switch (r.kind()) {
                    case I32 -> out[i] = (long) (int) ctx.slots[slot++];
                    case F32 -> out[i] = ctx.slots[slot++] & 0xFFFFFFFFL;
                    case I64, F64 -> out[i] = ctx.slots[slot++];
                    case V128 -> { out[i] = new long[] {ctx.slots[slot], ctx.slots[slot + 1]}; slot += 2; }
                    case REF -> out[i] = ctx.refs[slot++];
                }
            }
            return out;
        } finally {
            clearRefs(ctx, base, span);
            ctx.top = base;
        }
    }

    private static int put(ExecContext ctx, int slot, ValType type, Object value) {
        switch (type.kind()) {
            case I32 -> ctx.slots[slot] = ((Number) value).intValue();
            case I64 -> ctx.slots[slot] = ((Number) value).longValue();
            case F32 -> ctx.slots[slot] = value instanceof Float fl ? Float.floatToRawIntBits(fl) & 0xFFFFFFFFL : ((Number) value).longValue() & 0xFFFFFFFFL;
            case F64 -> ctx.slots[slot] = value instanceof Double d ? Double.doubleToRawLongBits(d) : ((Number) value).longValue();
            case V128 -> {
                long[] v = (long[]) value;
                ctx.slots[slot] = v[0];
                ctx.slots[slot + 1] = v[1];
                return slot + 2;
            }
            case REF -> { ctx.refs[slot] = value; ctx.slots[slot] = 0; }
        }
        return slot + 1;
    }

    private static void clearRefs(ExecContext ctx, int base, int span) {
        for (int i = base; i < base + span; i++) ctx.refs[i] = null;
    }
}
