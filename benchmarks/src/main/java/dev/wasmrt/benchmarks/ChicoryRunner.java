package dev.wasmrt.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** A workload on Chicory, the reference JVM runtime, in its interpreter or compiler mode. */
final class ChicoryRunner implements GuestRunner {
    private final String workload;
    private final WasmModule module;
    private final Function<Instance, Machine> machines;

    private ChicoryRunner(String workload, WasmModule module, Function<Instance, Machine> machines) {
        this.workload = workload;
        this.module = module;
        this.machines = machines;
    }

    static ChicoryRunner interpreter(String workload, byte[] binary) {
        return new ChicoryRunner(workload, Parser.parse(binary), InterpreterMachine::new);
    }

    /** Compiles once here; every instance then reuses the generated classes. */
    static ChicoryRunner compiler(String workload, byte[] binary) {
        WasmModule module = Parser.parse(binary);
        return new ChicoryRunner(workload, module, MachineFactoryCompiler.compile(module));
    }

    @Override
    public String run(int scale) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        WasiOptions options = WasiOptions.builder()
                .withArguments(Workloads.arguments(workload, scale))
                .withStdout(stdout)
                .withStderr(stdout)
                .build();
        int exitCode = 0;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
            // build() runs the module's start function and then its _start export.
            Instance.builder(module).withImportValues(imports).withMachineFactory(machines).build();
        } catch (WasiExitException exit) {
            exitCode = exit.exitCode();
        }
        String output = stdout.toString(StandardCharsets.UTF_8);
        GuestRunner.requireSuccess(workload, exitCode, output);
        return output;
    }
}
