package dev.wasmrt.spectest;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.jit.Compiler;

import java.util.List;

/** Every engine the project has; the suite runs each of them from the same scripts. */
public final class Engines {
    private Engines() {}

    public static List<Engine> all() {
        return List.of(new Interpreter(), new Compiler());
    }
}
