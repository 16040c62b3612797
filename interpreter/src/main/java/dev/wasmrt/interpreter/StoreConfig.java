package dev.wasmrt.interpreter;

import dev.wasmrt.interpreter.exec.Interpreter;

/**
 * Settings of a {@link Store}.
 *
 * @param engine the engine that runs defined functions
 * @param maxCallDepth Wasm calls deeper than this trap with "call stack exhausted"
 * @param maxStackSlots the most value-stack slots one thread may use (same trap beyond)
 * @param memoryPageCap the most 64 KiB-equivalent pages any memory may grow to (growth beyond returns -1)
 */
public record StoreConfig(Engine engine, int maxCallDepth, int maxStackSlots, long memoryPageCap) {
    public static final int DEFAULT_MAX_CALL_DEPTH = 10_000;
    public static final int DEFAULT_MAX_STACK_SLOTS = 16 << 20;
    /** 4 GiB of 64 KiB pages. */
    public static final long DEFAULT_MEMORY_PAGE_CAP = 65536;

    public static StoreConfig defaults() {
        return new StoreConfig(new Interpreter(), DEFAULT_MAX_CALL_DEPTH, DEFAULT_MAX_STACK_SLOTS, DEFAULT_MEMORY_PAGE_CAP);
    }

    public StoreConfig withEngine(Engine e) { return new StoreConfig(e, maxCallDepth, maxStackSlots, memoryPageCap); }

    public StoreConfig withMaxCallDepth(int d) { return new StoreConfig(engine, d, maxStackSlots, memoryPageCap); }

    public StoreConfig withMemoryPageCap(long pages) { return new StoreConfig(engine, maxCallDepth, maxStackSlots, pages); }
}
