package dev.wasmrt.spectest;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.jit.Compiler;
import dev.wasmrt.jit.CompilerOptions;

import java.util.List;

/**
 * Every engine the project has; the suite runs each of them from the same scripts. The compiler
 * runs twice: as users get it, and splitting every function over {@link #SPLIT_ABOVE} bytes of
 * bytecode, so that the suite exercises split functions (chunks, entries, exits) everywhere.
 */
public final class Engines {
    private Engines() {}

    static final int SPLIT_ABOVE = 48;

    public static List<Engine> all() {
        return List.of(new Interpreter(), new Compiler(), new Compiler(CompilerOptions.defaults().withMaxMethodSize(SPLIT_ABOVE)));
    }
}
