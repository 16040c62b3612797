package dev.wasmrt.benchmarks;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.Wasm;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.jit.Compiler;
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

    private OurRunner(String workload, byte[] binary, Engine engine) {
        this.workload = workload;
        this.module = Wasm.load(binary);
        this.config = StoreConfig.defaults().withEngine(engine);
        this.prepared = engine.prepare(module);
    }

    static OurRunner interpreter(String workload, byte[] binary) {
        return new OurRunner(workload, binary, new Interpreter());
    }

    static OurRunner compiler(String workload, byte[] binary) {
        return new OurRunner(workload, binary, new Compiler());
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
