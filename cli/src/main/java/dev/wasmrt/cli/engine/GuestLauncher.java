package dev.wasmrt.cli.engine;

/** Loads and runs guests with one engine. */
public interface GuestLauncher {

    /**
     * Runs the guest's {@code _start} to its end on the calling thread.
     *
     * @return the exit status: 0 when {@code _start} returned, else the {@code proc_exit} status
     * @throws GuestFailure when the guest could not run to its end
     */
    int run(GuestRun run) throws GuestFailure;

    /** Stops a guest running on another thread; its {@link #run} then fails soon after. */
    void interrupt();
}
