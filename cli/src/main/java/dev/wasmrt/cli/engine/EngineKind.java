package dev.wasmrt.cli.engine;

import java.util.Locale;
import java.util.Optional;

/** Which engine runs the guest: {@code --engine} for {@code run}, {@value #ENVIRONMENT} for the protocol. */
public enum EngineKind {
    INTERPRETER,
    COMPILER;

    /** The environment variable that picks the protocol mode's engine (default: the compiler). */
    public static final String ENVIRONMENT = "WASM_RUNTIME_ENGINE";

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine named {@code interpreter} or {@code compiler}. */
    public static Optional<EngineKind> parse(String name) {
        for (EngineKind kind : values()) {
            if (kind.cliName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
