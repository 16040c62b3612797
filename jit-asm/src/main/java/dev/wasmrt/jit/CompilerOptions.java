package dev.wasmrt.jit;

/**
 * Options that change the generated code, and so belong in the cache key.
 *
 * @param interruptChecks poll {@code ExecContext.tick()} at function entries and loop headers
 *     (interruption, deadlines and fuel); without it a runaway guest cannot be stopped
 * @param maxMethodSize bytes of bytecode above which a function is split into several methods;
 *     HotSpot never JIT-compiles a method over {@link CodeStats#HUGE_METHOD} bytes (tests lower
 *     it to split nearly every function)
 */
public record CompilerOptions(boolean interruptChecks, int maxMethodSize) {
    public CompilerOptions {
        if (maxMethodSize < 1) throw new IllegalArgumentException("maxMethodSize must be positive: " + maxMethodSize);
    }

    public static CompilerOptions defaults() { return new CompilerOptions(true, CodeStats.HUGE_METHOD); }

    public CompilerOptions withInterruptChecks(boolean on) { return new CompilerOptions(on, maxMethodSize); }

    public CompilerOptions withMaxMethodSize(int bytes) { return new CompilerOptions(interruptChecks, bytes); }

    /** A stable text form for the cache header. */
    String key() { return "tick=" + (interruptChecks ? "on" : "off") + ";split=" + maxMethodSize; }
}
