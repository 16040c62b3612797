package dev.wasmrt.cli.engine;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.ModuleFiles;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.validator.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads, decodes and validates a module file, binary or text, for any engine. */
public final class ModuleLoader {
    private ModuleLoader() {}

    public static ValidatedModule load(Path file) throws GuestFailure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new GuestFailure("cannot read " + file + ": " + e.getMessage(), List.of());
        }
        try {
            return ModuleValidator.validate(ModuleFiles.decode(file, bytes));
        } catch (DecodeException e) {
            throw new GuestFailure("malformed module: " + e.getMessage(), List.of());
        } catch (ValidationException e) {
            throw new GuestFailure("invalid module: " + e.getMessage(), List.of());
        }
    }

}
