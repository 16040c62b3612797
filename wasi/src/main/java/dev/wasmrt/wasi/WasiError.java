package dev.wasmrt.wasi;

/**
 * A WASI call's failure with its errno, thrown inside the implementation and turned into the
 * call's return value at the host-function boundary. Carries no stack trace: it is control flow.
 */
final class WasiError extends Exception {
    final int errno;

    WasiError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    @Override
    public String getMessage() { return "errno " + errno; }
}
