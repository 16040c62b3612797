package dev.wasmrt.cli.engine;

import java.util.List;

/**
 * Runs a guest on its own thread, with a deep stack for deeply recursive guests, and stops it
 * when its time is up. Whatever the engine throws becomes a {@link GuestOutcome}.
 */
public final class GuestSupervisor {
    /** Reserved, not committed, so a large value costs only address space. */
    private static final long GUEST_STACK_BYTES = 512L << 20;
    private static final long STOP_GRACE_MILLIS = 2_000;

    private GuestSupervisor() {}

    /** @param timeoutSeconds 0 for no limit */
    public static GuestOutcome run(GuestLauncher launcher, GuestRun run, int timeoutSeconds) {
        GuestOutcome[] outcome = new GuestOutcome[1];
        Thread guest = new Thread(null, () -> outcome[0] = runHere(launcher, run), "wasm-guest", GUEST_STACK_BYTES);
        guest.setDaemon(true);
        guest.start();
        try {
            if (timeoutSeconds == 0) {
                guest.join();
            } else if (!guest.join(java.time.Duration.ofSeconds(timeoutSeconds))) {
                launcher.interrupt();
                guest.interrupt();
                guest.join(STOP_GRACE_MILLIS);
                return new GuestOutcome.TimedOut(timeoutSeconds);
            }
        } catch (InterruptedException e) {
            launcher.interrupt();
            guest.interrupt();
            Thread.currentThread().interrupt();
            return new GuestOutcome.Failed(new GuestFailure("the runtime was interrupted", List.of()));
        }
        return outcome[0];
    }

    private static GuestOutcome runHere(GuestLauncher launcher, GuestRun run) {
        try {
            return new GuestOutcome.Exited(launcher.run(run));
        } catch (GuestFailure failure) {
            return new GuestOutcome.Failed(failure);
        } catch (OutOfMemoryError e) {
            return new GuestOutcome.Failed(new GuestFailure("the runtime ran out of memory", List.of()));
        } catch (StackOverflowError e) {
            return new GuestOutcome.Failed(new GuestFailure("call stack exhausted", List.of()));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return new GuestOutcome.Failed(new GuestFailure("internal error: " + e, List.of()));
        }
    }
}
