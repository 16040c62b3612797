package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Names;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.wasmrt.decoder.binary.Bytes.module;
import static dev.wasmrt.decoder.binary.Bytes.section;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NameSectionTest {
    /** "name" as a section name. */
    private static final String NAME = "04 6e 61 6d 65";

    @Test
    void decodesModuleFunctionAndLocalNames() {
        Module m = BinaryDecoder.decode(module(section(0, NAME
                + " 00 02 01 6d"                        // module name "m"
                + " 01 07 02 00 01 66 03 01 67"         // functions 0 "f", 3 "g"
                + " 02 09 01 03 02 00 01 61 01 01 62"   // function 3: locals 0 "a", 1 "b"
                + " 07 01 00")));                       // a subsection this decoder skips
        assertEquals(new Names("m", Map.of(0, "f", 3, "g"), Map.of(3, Map.of(0, "a", 1, "b"))), m.names());
        assertEquals("g", m.names().function(3));
    }

    @Test
    void aDamagedNameSectionKeepsWhatPrecedesTheDamageAndNeverFailsTheModule() {
        Module m = BinaryDecoder.decode(module(section(0, NAME
                + " 00 02 01 6d"
                + " 01 05 01 00 03 ff fe")));          // a function name that is not UTF-8
        assertEquals(new Names("m", Map.of(), Map.of()), m.names());
        Module truncated = BinaryDecoder.decode(module(section(0, NAME + " 01 7f 01")));
        assertEquals(Names.NONE, truncated.names());
    }
}
