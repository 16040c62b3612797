package dev.wasmrt.interpreter;

import java.util.function.UnaryOperator;

/**
 * A function implemented in Java. {@link HostCode} is the allocation-free form; {@link #ofBits}
 * is a convenient form for numeric signatures that takes and returns raw bits per slot.
 */
public final class HostFunction extends FunctionInstance {
    private final String name;
    private final HostCode code;

    public HostFunction(String name, FuncType type, HostCode code) {
        super(type);
        this.name = name;
        this.code = code;
    }

    /** A host function over raw bits: {@code body} receives one long per argument slot. */
    public static HostFunction ofBits(String name, FuncType type, UnaryOperator<long[]> body) {
        int params = type.paramSlots();
        int results = type.resultSlots();
        return new HostFunction(name, type, call -> {
            long[] args = new long[params];
            for (int i = 0; i < params; i++) args[i] = call.argBits(i);
            long[] out = body.apply(args);
            if (out.length != results) throw new IllegalStateException(name + " returned " + out.length + " values, expected " + results);
            for (int i = 0; i < results; i++) call.resultBits(i, out[i]);
        });
    }

    @Override
    public void invoke(ExecContext ctx, int base) {
        FuncType t = type();
        int resultBase = base + t.paramSlots();
        ctx.ensure(resultBase + t.resultSlots());
        int savedArgs = ctx.hostArgs;
        int savedResults = ctx.hostResults;
        int savedTop = ctx.top;
        ctx.hostArgs = base;
        ctx.hostResults = resultBase;
        ctx.top = resultBase + t.resultSlots();
        try {
            code.call(ctx);
        } finally {
            ctx.hostArgs = savedArgs;
            ctx.hostResults = savedResults;
            ctx.top = savedTop;
        }
        int n = t.resultSlots();
        System.arraycopy(ctx.slots, resultBase, ctx.slots, base, n);
        System.arraycopy(ctx.refs, resultBase, ctx.refs, base, n);
        for (int i = base + n; i < resultBase + n; i++) ctx.refs[i] = null;
    }

    @Override
    public String debugName() { return name; }
}
