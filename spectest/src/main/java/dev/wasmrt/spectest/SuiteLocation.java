package dev.wasmrt.spectest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the official spec test suite lives: the system property {@code wasm.testsuite}, else the
 * environment variable {@code WASM_TESTSUITE}, else {@code ../shared/wasm-testsuite} relative to
 * the repository root. The suite is read-only data and is never copied into the repository.
 */
public final class SuiteLocation {
    public static final String PROPERTY = "wasm.testsuite";
    public static final String ENVIRONMENT = "WASM_TESTSUITE";

    private SuiteLocation() {}

    /** The suite's root folder; fails with a clear message when it cannot be found. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) configured = System.getenv(ENVIRONMENT);
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : repositoryRoot().resolve("../shared/wasm-testsuite");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("spec test suite not found at " + root + "; set -D" + PROPERTY
                    + "=DIR or " + ENVIRONMENT + "=DIR");
        }
        return root;
    }

    /** Every {@code .wast} script below the root, as paths relative to it, in a stable order. */
    public static List<String> scripts(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".wast"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .forEach(names::add);
            return names;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list the spec test suite at " + root + ": " + e.getMessage(), e);
        }
    }

    /** The repository root: the nearest folder upwards from the working directory with a .git or the reactor pom. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git")) || Files.exists(d.resolve("spectest/pom.xml"))) return d;
        }
        return dir;
    }
}
