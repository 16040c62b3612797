package dev.wasmrt.cli.engine;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.jit.CompiledModules;
import dev.wasmrt.jit.Compiler;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.validator.ValidationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The launcher of each engine. */
public final class Launchers {
    private Launchers() {}

    public static GuestLauncher create(EngineKind kind) {
        return new WasiLauncher(switch (kind) {
            case INTERPRETER -> Launchers::interpreted;
            case COMPILER -> Launchers::compiled;
        });
    }

    private static WasiLauncher.PreparedModule interpreted(Path file, PrintStream notes) throws GuestFailure {
        StoreConfig config = StoreConfig.defaults();
        ValidatedModule module = ModuleLoader.load(file);
        return new WasiLauncher.PreparedModule(config, module, config.engine().prepare(module));
    }

    /** Modules, binary or text, go through the {@code .cwasm} cache beside them. */
    private static WasiLauncher.PreparedModule compiled(Path file, PrintStream notes) throws GuestFailure {
        Compiler compiler = new Compiler();
        StoreConfig config = StoreConfig.defaults().withEngine(compiler);
        try {
            CompiledModules.Loaded loaded = CompiledModules.loadOrCompile(file, compiler, notes);
            return new WasiLauncher.PreparedModule(config, loaded.module(), loaded.prepared());
        } catch (IOException e) {
            throw new GuestFailure("cannot read " + file + ": " + e.getMessage(), List.of());
        } catch (DecodeException e) {
            throw new GuestFailure("malformed module: " + e.getMessage(), List.of());
        } catch (ValidationException e) {
            throw new GuestFailure("invalid module: " + e.getMessage(), List.of());
        }
    }
}
