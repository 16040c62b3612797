package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.validator.ValidationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WasmLoadingTest {
    /** (module (func (export "answer") (result i32) (i32.const 42))), as wat2wasm writes it. */
    private static final byte[] ANSWER = {
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x0A, 0x01, 0x06, 'a', 'n', 's', 'w', 'e', 'r', 0x00, 0x00,
        0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2A, 0x0B,
    };

    @Test
    void binaryModulesLoadValidateAndRun() {
        Instance i = new Store().instantiate(Wasm.load(ANSWER), new Imports());
        assertEquals(42, Wat.i32(i, "answer"));
    }

    @Test
    void malformedAndInvalidModulesFailWithTheirOwnExceptions() {
        assertThrows(DecodeException.class, () -> Wasm.load(new byte[] {0x00, 0x61, 0x73}));
        assertThrows(ValidationException.class, () -> Wasm.parse("(module (func (result i32) (i64.const 1)))"));
    }
}
