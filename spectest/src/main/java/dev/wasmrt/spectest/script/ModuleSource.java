package dev.wasmrt.spectest.script;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.text.TextParser;
import java.nio.charset.StandardCharsets;

/**
 * A module as a script gives it, not yet decoded: the runner calls {@link #decode()} and counts a
 * {@link dev.wasmrt.decoder.DecodeException} as the outcome of the command that holds it.
 */
public sealed interface ModuleSource {

    /** Decodes the module; throws {@link dev.wasmrt.decoder.DecodeException} when it is malformed. */
    Module decode();

    /**
     * A module written in the text format inside the script: {@code fields} is the text between
     * {@code (module $id?} and its closing parenthesis, starting at {@code line}/{@code column}
     * of the script (so errors point into the script).
     */
    record Text(String fields, int line, int column) implements ModuleSource {
        public Module decode() {
            return TextParser.parseModule(fields.getBytes(StandardCharsets.UTF_8), line, column);
        }
    }

    /** {@code (module binary "...")}: the concatenated bytes. */
    record Binary(byte[] bytes) implements ModuleSource {
        public Binary { bytes = bytes.clone(); }

        @Override
        public byte[] bytes() { return bytes.clone(); }

        public Module decode() { return BinaryDecoder.decode(bytes); }
    }

    /** {@code (module quote "...")}: the concatenated text, parsed as a module when decoded. */
    record Quote(byte[] text, int line) implements ModuleSource {
        public Quote { text = text.clone(); }

        @Override
        public byte[] text() { return text.clone(); }

        public Module decode() { return TextParser.parseModule(text, line, 1); }
    }
}
