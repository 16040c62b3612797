package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.jit.Compiler;
import org.junit.jupiter.params.provider.Arguments;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The engines every WASI test runs on: WASI must behave the same whichever one runs the guest. */
enum TestEngine {
    INTERPRETER(Interpreter::new),
    COMPILER(Compiler::new);

    private final Supplier<Engine> engine;

    TestEngine(Supplier<Engine> engine) {
        this.engine = engine;
    }

    Store newStore() {
        return new Store(StoreConfig.defaults().withEngine(engine.get()));
    }

    /** Every engine paired with every name, as arguments for a {@code @MethodSource}. */
    static Stream<Arguments> each(String... names) {
        return Arrays.stream(values()).flatMap(e -> Arrays.stream(names).map(name -> Arguments.of(e, name)));
    }
}
