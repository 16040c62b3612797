package dev.wasmrt.cli.engine;

import java.util.List;

/**
 * The guest could not run to its end: the module did not load, link or instantiate, lacks
 * {@code _start}, or trapped. {@link #wasmStack()} holds the trap's Wasm frames, innermost first.
 */
public final class GuestFailure extends Exception {
    private final List<String> wasmStack;

    public GuestFailure(String message, List<String> wasmStack) {
        super(message);
        this.wasmStack = List.copyOf(wasmStack);
    }

    public List<String> wasmStack() {
        return wasmStack;
    }
}
