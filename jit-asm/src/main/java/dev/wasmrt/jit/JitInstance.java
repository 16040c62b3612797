package dev.wasmrt.jit;

import dev.wasmrt.interpreter.ExecContext;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Tag;
import dev.wasmrt.interpreter.gc.GcTypes;

/**
 * The per-instance state of compiled code: the generated subclass adds one field per memory,
 * global and table, which compiled methods read directly. Functions are created before the
 * instance's memories, tables and globals exist, so the fields are bound on the first call.
 * Public only because generated classes, defined by another class loader, read it.
 */
public abstract class JitInstance {
    public final Instance instance;
    public FunctionInstance[] functions;
    public FuncType[] types;
    public Tag[] tags;
    public GcTypes gcTypes;
    private volatile boolean bound;

    protected JitInstance(Instance instance) {
        this.instance = instance;
    }

    /** Binds the fields once; binding twice from racing threads stores the same values. */
    final void ensureBound() {
        if (bound) return;
        functions = instance.functions;
        types = instance.types;
        tags = instance.tags;
        gcTypes = instance.gcTypes;
        bindFields();
        bound = true;
    }

    /** Copies the instance's memories, globals and tables into the generated fields. */
    protected abstract void bindFields();

    /** Runs compiled function {@code funcIndex} with the engine-neutral convention of {@link FunctionInstance#invoke}. */
    protected abstract void invoke(int funcIndex, ExecContext ctx, int base);

    /**
     * Runs the body of compiled function {@code funcIndex} without its trampoline, with the same
     * convention; a tail call it makes is left in {@link ExecContext#pendingTailCall} for
     * {@link TailCalls#run}. False, having run nothing, when the function has no trampoline.
     */
    protected abstract boolean invokeBody(int funcIndex, ExecContext ctx, int base);
}
