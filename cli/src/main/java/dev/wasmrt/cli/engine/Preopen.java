package dev.wasmrt.cli.engine;

import java.nio.file.Path;

/** A host directory the guest sees, read-write, at {@code guestPath}. */
public record Preopen(Path hostPath, String guestPath) {}
