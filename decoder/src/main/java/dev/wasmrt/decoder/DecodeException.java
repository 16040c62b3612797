package dev.wasmrt.decoder;

/**
 * The one exception a decoder raises for malformed input. {@link #reason()} uses the wording of
 * the spec suite's {@code assert_malformed} texts ("unexpected end", "integer too large", ...);
 * the message adds where it happened.
 */
public class DecodeException extends RuntimeException {
    private final String reason;
    private final long offset;

    public DecodeException(String reason, long offset) {
        this(reason, offset, "at byte offset " + offset);
    }

    protected DecodeException(String reason, long offset, String where) {
        super(reason + " (" + where + ")", null, false, false);
        this.reason = reason;
        this.offset = offset;
    }

    /** The spec-suite wording of what is wrong, without the position. */
    public String reason() { return reason; }

    /** The byte offset in the binary (or the character offset in text) where it was found. */
    public long offset() { return offset; }
}
