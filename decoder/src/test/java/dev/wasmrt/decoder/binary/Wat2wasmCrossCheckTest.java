package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.ExternKind;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bytes produced by another tool (wabt), decoded by hand first, then by the decoder and the writer. */
class Wat2wasmCrossCheckTest {
    /**
     * wat2wasm 1.0.32 output for
     * {@code (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
     * (memory 1 2) (data (i32.const 16) "hi"))}.
     */
    private static final byte[] ADD = Bytes.hex("00 61 73 6d 01 00 00 00"
            + " 01 07 01 60 02 7f 7f 01 7f"                 // type 0: (i32 i32) -> i32
            + " 03 02 01 00"                                // function 0 has type 0
            + " 05 04 01 01 01 02"                          // memory: has max, 1..2
            + " 07 07 01 03 61 64 64 00 00"                 // export "add" = func 0
            + " 0a 09 01 07 00 20 00 20 01 6a 0b"           // body: no locals, get 0, get 1, add, end
            + " 0b 08 01 00 41 10 0b 02 68 69");           // active data at i32.const 16: "hi"

    @Test
    void decodesWhatWasDecodedByHand() {
        Module m = BinaryDecoder.decode(ADD);
        assertEquals(new CompositeType.Func(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), m.types().get(0).func());
        assertEquals(List.of(new Export("add", ExternKind.FUNC, 0)), m.exports());
        assertEquals(new MemoryType(Limits.of(1, 2), false, false, 16), m.memories().get(0));
        assertArrayEquals(new int[] {Opcodes.LOCAL_GET, 0, Opcodes.LOCAL_GET, 1, Opcodes.I32_ADD, Opcodes.END},
                m.functions().get(0).body().ops());
        assertArrayEquals(new int[] {41, -1, 43, -1, 45, 46}, m.functions().get(0).body().offsets(),
                "byte offsets of the instructions; immediates have none");
    }

    @Test
    void writesTheSameBytesBack() {
        assertArrayEquals(ADD, BinaryWriter.write(BinaryDecoder.decode(ADD)));
    }
}
