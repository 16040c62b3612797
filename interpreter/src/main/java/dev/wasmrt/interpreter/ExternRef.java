package dev.wasmrt.interpreter;

/** A non-null {@code externref} value: a host object handed to the guest. */
public record ExternRef(Object value) {
}
