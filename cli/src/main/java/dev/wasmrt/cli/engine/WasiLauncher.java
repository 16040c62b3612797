package dev.wasmrt.cli.engine;

import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.InterruptTrap;
import dev.wasmrt.interpreter.LinkException;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.WasmException;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.wasi.Wasi;
import dev.wasmrt.wasi.WasiConfig;
import dev.wasmrt.wasi.WasiExit;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs guests in a fresh store per run, linked to WASI and the {@code api} module. The engine
 * comes in through the {@link ModuleSource}, which loads and prepares the module for it.
 */
final class WasiLauncher implements GuestLauncher {
    /** A module prepared for one engine, with the store configuration that runs it. */
    record PreparedModule(StoreConfig config, ValidatedModule module, Engine.EngineModule prepared) {}

    /** Loads a module file and prepares it for an engine. */
    interface ModuleSource {
        PreparedModule load(Path file, PrintStream notes) throws GuestFailure;
    }

    private final ModuleSource source;
    private volatile Store store;
    private volatile boolean interrupted;

    WasiLauncher(ModuleSource source) {
        this.source = source;
    }

    @Override
    public int run(GuestRun run) throws GuestFailure {
        PreparedModule loaded = source.load(run.moduleFile(), run.notes());
        Store current = new Store(loaded.config());
        store = current;
        if (interrupted) {
            current.interrupt();
        }
        try (Wasi wasi = new Wasi(wasiConfig(run))) {
            Imports imports = wasi.define(new Imports());
            if (run.api() != null) {
                run.api().defineInto(imports);
            }
            Instance instance = current.instantiate(loaded.prepared(), loaded.module(), imports);
            if (!(instance.export("_start") instanceof FunctionInstance start) || start.type().paramSlots() != 0) {
                throw new GuestFailure("the module exports no function _start without parameters", List.of());
            }
            return wasi.run(instance);
        } catch (WasiExit exit) {
            return exit.code();
        } catch (LinkException e) {
            throw new GuestFailure("cannot link the module: " + e.getMessage(), List.of());
        } catch (InterruptTrap e) {
            throw new GuestFailure("interrupted: " + e.reason(), e.wasmStack());
        } catch (Trap e) {
            throw new GuestFailure("wasm trap: " + e.reason(), e.wasmStack());
        } catch (WasmException e) {
            throw new GuestFailure("uncaught Wasm exception", List.of());
        }
    }

    private static WasiConfig wasiConfig(GuestRun run) throws GuestFailure {
        WasiConfig config = new WasiConfig().stdin(run.stdin()).stdout(run.stdout()).stderr(run.stderr());
        run.argv().forEach(config::arg);
        run.environment().forEach(config::env);
        for (Preopen preopen : run.preopens()) {
            try {
                config.preopen(preopen.guestPath(), preopen.hostPath());
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new GuestFailure("cannot give the guest the directory " + preopen.hostPath() + ": " + e.getMessage(), List.of());
            }
        }
        return config;
    }

    @Override
    public void interrupt() {
        interrupted = true;
        Store current = store;
        if (current != null) {
            current.interrupt();
        }
    }
}
