package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.validator.ValidatedModule;

/**
 * The compiling engine: translates each function to JVM bytecode (see {@link FunctionTranslator})
 * and runs the functions it cannot translate in the interpreter, transparently.
 */
public final class Compiler implements Engine {
    /** Changes whenever generated code changes, so stale {@code .cwasm} files are rebuilt. */
    public static final String VERSION = "3";

    private final CompilerOptions options;

    public Compiler() { this(CompilerOptions.defaults()); }

    public Compiler(CompilerOptions options) { this.options = options; }

    public CompilerOptions options() { return options; }

    @Override
    public String name() { return "compiler"; }

    @Override
    public EngineModule prepare(ValidatedModule module) {
        return new CompiledModule(module, compile(module));
    }

    /** Generates the classes for {@code module} without loading them. */
    public CompiledCode compile(ValidatedModule module) {
        return ModuleCompiler.compile(module.module(), options);
    }

    /** Prepares {@code module} from classes generated earlier (by {@link #compile}, possibly in another process). */
    public EngineModule prepare(ValidatedModule module, CompiledCode code) {
        return new CompiledModule(module, code);
    }
}
