package dev.wasmrt.jit;

/**
 * Options that change the generated code, and so belong in the cache key.
 *
 * @param interruptChecks poll {@code ExecContext.tick()} at function entries and loop headers
 *     (interruption, deadlines and fuel); without it a runaway guest cannot be stopped
 */
public record CompilerOptions(boolean interruptChecks) {
    public static CompilerOptions defaults() { return new CompilerOptions(true); }

    /** A stable text form for the cache header. */
    String key() { return "tick=" + (interruptChecks ? "on" : "off"); }
}
