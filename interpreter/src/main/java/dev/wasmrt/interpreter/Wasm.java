package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.text.TextParser;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;

/** Loading modules: decode (binary or text) and validate in one step. */
public final class Wasm {
    private Wasm() {}

    /** Decodes and validates a binary module (DecodeException, ValidationException). */
    public static ValidatedModule load(byte[] binary) {
        return ModuleValidator.validate(BinaryDecoder.decode(binary));
    }

    /** Parses and validates a text-format module. */
    public static ValidatedModule parse(String text) {
        return ModuleValidator.validate(TextParser.parseModule(text));
    }
}
