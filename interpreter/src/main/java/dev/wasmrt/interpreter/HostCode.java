package dev.wasmrt.interpreter;

/** The body of a host function: reads arguments from and writes results to {@code call}. */
@FunctionalInterface
public interface HostCode {
    void call(HostCall call);
}
