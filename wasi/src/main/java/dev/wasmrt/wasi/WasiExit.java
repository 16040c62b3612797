package dev.wasmrt.wasi;

/**
 * Ends the guest: thrown by {@code proc_exit} (with the guest's exit code) and by
 * {@code proc_raise} for a signal whose default action terminates (code 128 + signal, as a
 * shell reports it). It unwinds through every engine, which let non-Wasm exceptions pass.
 */
public final class WasiExit extends RuntimeException {
    private final int code;
    private final int signal;

    WasiExit(int code, int signal) {
        super(null, null, false, false);
        this.code = code;
        this.signal = signal;
    }

    /** The exit status: the code given to proc_exit, or 128 + signal. */
    public int code() { return code; }

    /** The WASI signal number that ended the guest, or 0 when it called proc_exit. */
    public int signal() { return signal; }

    @Override
    public String getMessage() { return signal == 0 ? "exit " + code : "signal " + signal; }
}
