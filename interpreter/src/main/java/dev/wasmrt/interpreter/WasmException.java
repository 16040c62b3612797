package dev.wasmrt.interpreter;

/**
 * A Wasm exception that left the guest uncaught, or that a host function throws into it.
 * Engines translate between this and their own unwinding; the host sees the tag and payload.
 */
public final class WasmException extends RuntimeException {
    private final ExceptionRef exception;

    public WasmException(ExceptionRef exception) {
        super("uncaught wasm exception", null, false, false);
        this.exception = exception;
    }

    public ExceptionRef exception() { return exception; }

    public Tag tag() { return exception.tag(); }
}
