package dev.wasmrt.jit;

import dev.wasmrt.interpreter.ExecContext;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Instance;

/**
 * The trampoline of functions that tail-call other functions. Such a function's body returns
 * instead of calling: it leaves the callee in {@link ExecContext#pendingTailCall} and the
 * arguments at {@code ctx.top + 1 + results}, {@code results} counting value slots (clear of the
 * results its invoker copies to {@code base}; every function in a chain has the same results). This loop then makes the call from its own frame, so a chain
 * of tail calls among trampolined functions of one instance runs in constant JVM stack.
 * Public only because generated classes, defined by another class loader, call it.
 */
public final class TailCalls {
    private TailCalls() {}

    /**
     * Runs trampolined function {@code funcIndex} of {@code self} and every tail call it leads to,
     * with {@link FunctionInstance#invoke}'s convention: arguments and results at {@code base}.
     * Leaves {@code ctx.top} at {@code base}, where the caller's extra results are read.
     */
    public static void run(JitInstance self, ExecContext ctx, int funcIndex, int base, int results) {
        try {
            self.invokeBody(funcIndex, ctx, base);
            Object next;
            while ((next = ctx.pendingTailCall) != null) {
                ctx.pendingTailCall = null;
                FunctionInstance callee = (FunctionInstance) next;
                int params = callee.type().paramSlots();
                int arguments = ctx.top + 1 + results;
                System.arraycopy(ctx.slots, arguments, ctx.slots, base, params);
                System.arraycopy(ctx.refs, arguments, ctx.refs, base, params);
                ctx.top = base + params;
                boolean bodyRan = callee instanceof CompiledFunction compiled && compiled.state == self
                        && self.invokeBody(compiled.index, ctx, base);
                if (!bodyRan) invokeOther(self, callee, ctx, base);
            }
        } finally {
            ctx.top = base;
        }
    }

    /** A callee without a trampoline here: called normally (it cannot leave a tail call pending). */
    private static void invokeOther(JitInstance self, FunctionInstance callee, ExecContext ctx, int base) {
        Instance saved = ctx.currentInstance;
        ctx.currentInstance = self.instance;
        try {
            callee.invoke(ctx, base);
        } finally {
            ctx.currentInstance = saved;
        }
    }
}
