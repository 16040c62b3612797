package dev.wasmrt.benchmarks;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.Wasm;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.jit.CompiledCode;
import dev.wasmrt.jit.Compiler;
import dev.wasmrt.jit.CompilerOptions;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.wasi.Wasi;
import dev.wasmrt.wasi.WasiConfig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A workload on this project's runtime, with the interpreter or the compiler as engine. */
final class OurRunner implements GuestRunner {
    private final String workload;
    private final ValidatedModule module;
    private final StoreConfig config;
    private final Engine.EngineModule prepared;

    private OurRunner(String workload, ValidatedModule module, Engine engine, Engine.EngineModule prepared) {
        this.workload = workload;
        this.module = module;
        this.config = StoreConfig.defaults().withEngine(engine);
        this.prepared = prepared;
    }

    static OurRunner interpreter(String workload, byte[] binary) {
        ValidatedModule module = Wasm.load(binary);
        Interpreter interpreter = new Interpreter();
        return new OurRunner(workload, module, interpreter, interpreter.prepare(module));
    }

    static OurRunner compiler(String workload, byte[] binary) {
        return compiler(workload, binary, CompilerOptions.defaults());
    }

    /**
     * The compiler with no function split: each function stays one JVM method, which HotSpot
     * leaves in its bytecode interpreter when it is over 8000 bytes.
     */
    static OurRunner unsplitCompiler(String workload, byte[] binary) {
        return compiler(workload, binary, CompilerOptions.defaults().withMaxMethodSize(Integer.MAX_VALUE));
    }

    private static OurRunner compiler(String workload, byte[] binary, CompilerOptions options) {
        ValidatedModule module = Wasm.load(binary);
        Compiler compiler = new Compiler(options);
        CompiledCode code = compiler.compile(module);
        // A function left to the interpreter (e.g. an unsplit one over the JVM's 64 KiB) would make
        // these figures partly the interpreter's.
        if (!code.fallbacks().isEmpty()) {
            throw new IllegalStateException(workload + " is not wholly compiled by " + compiler.name() + ": " + code.fallbacks());
        }
        return new OurRunner(workload, module, compiler, compiler.prepare(module, code));
    }

    @Override
    public String run(int scale) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        WasiConfig wasiConfig = new WasiConfig()
                .arg(Workloads.arguments(workload, scale).toArray(String[]::new))
                .stdout(stdout)
                .stderr(stdout);
        try (Wasi wasi = new Wasi(wasiConfig)) {
            Store store = new Store(config);
            Instance instance = store.instantiate(prepared, module, wasi.define(new Imports()));
            int exitCode = wasi.run(instance);
            String output = stdout.toString(StandardCharsets.UTF_8);
            GuestRunner.requireSuccess(workload, exitCode, output);
            return output;
        }
    }
}
