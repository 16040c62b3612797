package dev.wasmrt.interpreter;

/**
 * A function, whichever engine made it (interpreter, compiler) or a host function. Every
 * function can be called through {@link #invoke}, the engine-neutral calling convention:
 * arguments sit in {@code ctx.slots}/{@code ctx.refs} from {@code base} (one slot per value, two
 * for {@code v128}, references in {@code refs}), and the callee leaves its results there from
 * {@code base}. Nothing is boxed or allocated by the convention itself.
 */
public abstract non-sealed class FunctionInstance implements Extern {
    private final FuncType type;

    protected FunctionInstance(FuncType type) {
        this.type = type;
    }

    public final FuncType type() { return type; }

    /**
     * Runs the function. On entry {@code ctx.top >= base + type().paramSlots()}; the callee may
     * use every slot from {@code base} up (growing the arrays through {@link ExecContext#ensure})
     * and must leave {@code ctx.top} as it found it.
     */
    public abstract void invoke(ExecContext ctx, int base);

    /** A name for stack traces and messages. */
    public abstract String debugName();

    @Override
    public String toString() { return debugName() + type; }
}
