package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.DecodeException;

/**
 * Malformed text-format input. {@link #reason()} uses the spec suite's {@code assert_malformed}
 * wording; the message adds the line and column (1-based) where the problem was found.
 */
public final class TextFormatException extends DecodeException {
    private final int line;
    private final int column;

    public TextFormatException(String reason, long offset, int line, int column) {
        super(reason, offset, "at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    public int line() { return line; }

    public int column() { return column; }
}
