package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.validator.ValidatedModule;

/**
 * The interpreter engine. Wasm-to-Wasm calls do not recurse on the Java stack: each thread has
 * one {@link Machine} with explicit frame and handler stacks, so guest recursion depth is bounded
 * only by the store's configured call depth.
 */
public final class Interpreter implements Engine {
    @Override
    public String name() { return "interpreter"; }

    @Override
    public EngineModule prepare(ValidatedModule module) { return new InterpreterModule(module); }
}
