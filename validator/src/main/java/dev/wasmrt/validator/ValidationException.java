package dev.wasmrt.validator;

/**
 * The one exception the validator raises. {@link #reason()} uses the wording of the spec suite's
 * {@code assert_invalid} texts ("type mismatch", "unknown local", ...); the message adds the
 * function index and instruction offset when the fault is inside a function body.
 */
public final class ValidationException extends RuntimeException {
    private final String reason;
    private final int functionIndex;
    private final long offset;

    /** A module-level fault, not inside a function body. */
    public ValidationException(String reason) {
        this(reason, -1, -1);
    }

    public ValidationException(String reason, int functionIndex, long offset) {
        super(functionIndex < 0 ? reason : reason + " (in function " + functionIndex + " at offset " + offset + ")",
                null, false, false);
        this.reason = reason;
        this.functionIndex = functionIndex;
        this.offset = offset;
    }

    public String reason() { return reason; }

    /** The function index (imports included), or -1 for a module-level fault. */
    public int functionIndex() { return functionIndex; }

    /** The offset of the faulty instruction, or -1. */
    public long offset() { return offset; }
}
