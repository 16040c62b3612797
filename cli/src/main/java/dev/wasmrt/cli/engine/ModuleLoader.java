package dev.wasmrt.cli.engine;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.text.TextParser;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.validator.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads, decodes and validates a module file, binary or text, for any engine. */
public final class ModuleLoader {
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private ModuleLoader() {}

    public static ValidatedModule load(Path file) throws GuestFailure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new GuestFailure("cannot read " + file + ": " + e.getMessage(), List.of());
        }
        try {
            return ModuleValidator.validate(decode(file, bytes));
        } catch (DecodeException e) {
            throw new GuestFailure("malformed module: " + e.getMessage(), List.of());
        } catch (ValidationException e) {
            throw new GuestFailure("invalid module: " + e.getMessage(), List.of());
        }
    }

    /** The binary format when the file starts like one or is not named {@code .wat}; else text. */
    private static Module decode(Path file, byte[] bytes) {
        boolean binary = bytes.length >= MAGIC.length && java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
        if (binary || !file.getFileName().toString().endsWith(".wat")) {
            return BinaryDecoder.decode(bytes);
        }
        return TextParser.parseModule(bytes, 1, 1);
    }
}
