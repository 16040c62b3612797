package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Names;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static dev.wasmrt.decoder.binary.Bytes.module;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BinaryWriterTest {

    /** Hand-assembled modules in canonical form: shortest integers, implicit defaults, compact element forms. */
    @ParameterizedTest
    @ValueSource(strings = {
            "01 18 02 4e 02 50 00 5f 02 78 01 63 00 00 4f 01 00 5e 77 00 60 02 7f 7e 01 7d",
            "02 25 05 01 6d 01 61 00 00 01 6d 01 62 01 70 00 01 01 6d 01 63 02 07 01 02 01 6d 01 64 03 7f 01 01 6d 01 65 04 00 00",
            "04 0e 02 6f 05 00 0a 40 00 64 70 00 01 d0 70 0b",
            "05 07 02 08 01 00 04 80 02",
            "09 35 08 00 41 00 0b 01 00 01 00 01 00 02 01 41 00 0b 00 01 00 03 00 01 00 04 41 00 0b 01 d2 00 0b"
                    + " 05 70 01 d0 70 0b 06 01 41 00 0b 6f 01 d0 6f 0b 07 70 01 d2 00 0b",
            "0c 01 03 0b 11 03 00 41 00 0b 02 61 62 01 01 63 02 01 41 00 0b 00",
            "01 04 01 60 00 00 03 02 01 00 0a 0f 01 0d 02 02 7f 01 7e 28 02 10 37 43 03 00 0b",
            "00 06 01 78 aa bb cc dd",
    })
    void reproducesCanonicalModulesByteForByte(String sectionsHex) {
        byte[] bytes = module(sectionsHex);
        assertArrayEquals(bytes, BinaryWriter.write(BinaryDecoder.decode(bytes)));
    }

    @Test
    void writesInstructionsOfEveryPrefixBack() {
        byte[] bytes = Bytes.functionModule("00 fd 0c 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 1a"
                + " fe 03 00 fb 18 03 00 6e 02 1a fc 11 00 1f 40 01 01 00 00 0b 42 80 80 80 80 80 80 80 80 80 7f 1a 0b");
        assertArrayEquals(bytes, BinaryWriter.write(BinaryDecoder.decode(bytes)));
    }

    @Test
    void generatesANameSectionFromNamesAlone() {
        Module.Builder b = Module.builder();
        b.types.add(SubType.plain(new CompositeType.Func(List.of(), List.of())));
        b.recGroups.add(new RecGroup(0, 1));
        b.names = new Names("mod", Map.of(0, "f"), Map.of(0, Map.of(1, "x")));
        Module written = BinaryDecoder.decode(BinaryWriter.write(b.build()));
        assertEquals(b.names, written.names());
        assertEquals("name", written.customSections().get(0).name());
    }

    @Test
    void roundTripsAModuleCompiledByWat2wasm() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/features.wasm")) {
            bytes = in.readAllBytes();
        }
        Module m = BinaryDecoder.decode(bytes);
        assertEquals(m, BinaryDecoder.decode(BinaryWriter.write(m)));
        assertEquals(ValType.V128, m.globals().get(2).type().type());
    }
}
