package dev.wasmrt.cli.engine;

/** The launcher of each engine this build has. */
public final class Launchers {
    private Launchers() {}

    /** @throws IllegalArgumentException for an engine this build does not have */
    public static GuestLauncher create(EngineKind kind) {
        return switch (kind) {
            case INTERPRETER -> new InterpreterLauncher();
            case COMPILER -> throw new IllegalArgumentException("the compiler engine is not part of this build yet; use --engine interpreter");
        };
    }
}
