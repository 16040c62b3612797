package dev.wasmrt.cli.engine;

/** Which engine runs the guest; chosen with {@code --engine} on the command line. */
public enum EngineKind {
    INTERPRETER,
    COMPILER;

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
