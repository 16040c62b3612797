package dev.wasmrt.cli.protocol;

/** The {@code retcode} values of a response, as Sysinspect's Wasm runtime defines them. */
public final class RetCode {
    public static final int SUCCESS = 0;
    /** The module directory could not be read while listing or looking up modules. */
    public static final int LISTING_FAILED = 3;
    /** A configuration or initialisation error: bad request, sharelib, write-dir, unknown module. */
    public static final int CONFIGURATION = 4;
    /** The module itself failed: it could not be loaded, trapped, or exited non-zero. */
    public static final int MODULE_FAILED = 5;
    /** The response could not be built. */
    public static final int RESPONSE_FAILED = 6;

    private RetCode() {}
}
