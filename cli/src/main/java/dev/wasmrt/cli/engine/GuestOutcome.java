package dev.wasmrt.cli.engine;

/** How a supervised guest run ended. */
public sealed interface GuestOutcome {
    /** {@code _start} returned (status 0) or the guest called {@code proc_exit(status)}. */
    record Exited(int status) implements GuestOutcome {}

    record Failed(GuestFailure failure) implements GuestOutcome {}

    record TimedOut(int seconds) implements GuestOutcome {}
}
