package dev.wasmrt.decoder;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.text.TextParser;

import java.nio.file.Path;
import java.util.Arrays;

/** Decodes a module file's contents: wherever a {@code .wasm} file is accepted, a {@code .wat} file is too. */
public final class ModuleFiles {
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private ModuleFiles() {}

    /** The binary format when the bytes start like it or the file is not named {@code .wat}; else the text format. */
    public static Module decode(Path file, byte[] bytes) {
        boolean binary = bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
        if (binary || !file.getFileName().toString().endsWith(".wat")) {
            return BinaryDecoder.decode(bytes);
        }
        return TextParser.parseModule(bytes, 1, 1);
    }
}
