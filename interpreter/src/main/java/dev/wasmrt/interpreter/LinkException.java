package dev.wasmrt.interpreter;

/**
 * Instantiation failed before any code ran because an import is missing or does not match.
 * {@link #reason()} is the spec's wording: "unknown import" or "incompatible import type".
 */
public final class LinkException extends RuntimeException {
    private final String reason;

    public LinkException(String reason, String module, String name) {
        super(reason + " (" + module + "." + name + ")", null, false, false);
        this.reason = reason;
    }

    public String reason() { return reason; }
}
