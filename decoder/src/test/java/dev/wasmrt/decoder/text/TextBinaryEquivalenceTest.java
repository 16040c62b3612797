package dev.wasmrt.decoder.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import org.junit.jupiter.api.Test;

/** A text module and its binary encoding, assembled by hand, decode to equal models. */
class TextBinaryEquivalenceTest {

    @Test
    void addFunctionWithExportAndLoop() {
        Module text = TextParser.parseModule("""
                (module
                  (memory 1)
                  (func $add (export "add") (param i32 i32) (result i32) (local i64)
                    (loop $l (br_if $l (i32.eqz (local.get 0))))
                    (i32.store offset=4 (i32.const 8) (local.get 1))
                    (i32.add (local.get 0) (local.get 1))))
                """);
        byte[] binary = {
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            // type section: (func (param i32 i32) (result i32))
            0x01, 0x07, 0x01, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F,
            // function section
            0x03, 0x02, 0x01, 0x00,
            // memory section: min 1
            0x05, 0x03, 0x01, 0x00, 0x01,
            // export section: "add" func 0
            0x07, 0x07, 0x01, 0x03, 'a', 'd', 'd', 0x00, 0x00,
            // code section
            0x0A, 0x1A, 0x01, 0x18, 0x01, 0x01, 0x7E,
            0x03, 0x40, 0x20, 0x00, 0x45, 0x0D, 0x00, 0x0B,        // loop br_if 0 (i32.eqz (local.get 0)) end
            0x41, 0x08, 0x20, 0x01, 0x36, 0x02, 0x04,              // i32.const 8 local.get 1 i32.store align=2 offset=4
            0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B,                    // local.get 0 local.get 1 i32.add end
        };
        Module decoded = BinaryDecoder.decode(binary);
        assertEquals(decoded.types(), text.types());
        assertEquals(decoded.memories(), text.memories());
        assertEquals(decoded.exports(), text.exports());
        assertEquals(decoded.functions().getFirst().locals(), text.functions().getFirst().locals());
        assertArrayEquals(decoded.functions().getFirst().body().ops(), text.functions().getFirst().body().ops());
    }
}
