package dev.wasmrt.decoder.binary.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only spec test suite: property wasm.testsuite, env WASM_TESTSUITE, or ../shared/wasm-testsuite next to the repository. */
final class SpecTestSuite {
    private SpecTestSuite() {}

    /** The suite's directory, or null when it is not present on this machine. */
    static Path locate() {
        String configured = System.getProperty("wasm.testsuite", System.getenv("WASM_TESTSUITE"));
        if (configured != null) return Path.of(configured);
        // Tests run in the module directory; the repository root is the first parent holding the reactor pom.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/wasm-testsuite").normalize();
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }
}
