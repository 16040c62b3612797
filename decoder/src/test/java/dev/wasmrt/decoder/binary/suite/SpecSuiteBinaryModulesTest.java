package dev.wasmrt.decoder.binary.suite;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.binary.BinaryWriter;
import dev.wasmrt.decoder.model.Module;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every binary module of the spec suite: those in assert_malformed must be rejected with a
 * reason containing the expected text, all others must decode (validation is not this module's job).
 */
class SpecSuiteBinaryModulesTest {
    /** The custom-descriptors proposal is beyond WebAssembly 3.0 and not supported. */
    private static final String UNSUPPORTED_DIRECTORY = "custom-descriptors";

    /**
     * Cases where two parts of the suite disagree: the core suite predates custom page sizes and
     * calls memory limits flag 0x08 malformed, which the custom-page-sizes proposal (supported
     * here) defines as "a page size follows".
     */
    private static final Map<String, String> KNOWN_CONFLICTS = Map.of(
            "binary.wast:660", "memory limits flag 0x08 is the custom-page-sizes flag");

    @TestFactory
    Stream<DynamicTest> binaryModules() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.where(), () -> check(c)));
    }

    /** The writer's output decodes to the same model for every binary module of the suite that decodes. */
    @TestFactory
    Stream<DynamicTest> writerRoundTrips() throws IOException {
        return cases().stream()
                .filter(c -> c.expectedMalformed() == null)
                .map(c -> DynamicTest.dynamicTest(c.where(), () -> {
                    Module decoded = BinaryDecoder.decode(c.bytes());
                    assertEquals(decoded, BinaryDecoder.decode(BinaryWriter.write(decoded)));
                }));
    }

    /** Read once for both factories: scanning the whole suite takes seconds. */
    private static List<WastBinaryModules.Case> cached;

    private static synchronized List<WastBinaryModules.Case> cases() throws IOException {
        if (cached == null) cached = scan();
        return cached;
    }

    private static List<WastBinaryModules.Case> scan() throws IOException {
        Path suite = SpecTestSuite.locate();
        assumeTrue(suite != null, "spec test suite not found");
        List<WastBinaryModules.Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(suite)) {
            for (Path wast : files.filter(p -> p.toString().endsWith(".wast")).sorted().toList()) {
                if (wast.toString().contains(UNSUPPORTED_DIRECTORY)) continue;
                for (WastBinaryModules.Case c : WastBinaryModules.read(suite, wast)) {
                    if (KNOWN_CONFLICTS.containsKey(c.where())) continue;
                    cases.add(c);
                }
            }
        }
        assertTrue(cases.size() > 900, "expected the suite's binary modules, found " + cases.size());
        return cases;
    }

    private static void check(WastBinaryModules.Case c) {
        if (c.expectedMalformed() != null) {
            DecodeException e = assertThrows(DecodeException.class, () -> BinaryDecoder.decode(c.bytes()), c::where);
            assertTrue(e.reason().contains(c.expectedMalformed()),
                    () -> c.where() + ": expected \"" + c.expectedMalformed() + "\" but got \"" + e.getMessage() + "\"");
        } else {
            assertDoesNotThrow(() -> BinaryDecoder.decode(c.bytes()), () -> c.where() + " (" + c.command() + ")");
        }
    }
}
