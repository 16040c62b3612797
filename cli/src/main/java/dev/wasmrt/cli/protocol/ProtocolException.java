package dev.wasmrt.cli.protocol;

/** A failure that ends a request with a given {@link RetCode} and a message for the caller. */
public final class ProtocolException extends Exception {
    private final int retcode;

    public ProtocolException(int retcode, String message) {
        super(message);
        this.retcode = retcode;
    }

    public ProtocolException(int retcode, String message, Throwable cause) {
        super(message, cause);
        this.retcode = retcode;
    }

    public int retcode() {
        return retcode;
    }
}
