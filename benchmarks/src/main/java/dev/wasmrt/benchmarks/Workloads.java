package dev.wasmrt.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The guest programs of benchmarks/workloads/wasm: {@code <name>.wasm}, run as
 * {@code <name> <scale>}, with node's output for some scales in
 * {@code <name>.scale-<scale>.stdout.txt}. The directory is {@code -Dwasmrt.workloads=...}, else
 * {@code benchmarks/workloads/wasm} found upwards from the working directory.
 */
public final class Workloads {
    /** Every workload, in the order reports list them. */
    public static final List<String> NAMES = List.of(
            "lz77", "sha256", "sort_search", "nbody", "matmul", "recursion", "state_machine", "wordcount", "json", "regex");

    private Workloads() {}

    public static Path directory() {
        String configured = System.getProperty("wasmrt.workloads");
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("benchmarks/workloads/wasm"), dir.resolve("workloads/wasm"))) {
                if (Files.isDirectory(candidate)) return candidate;
            }
        }
        throw new IllegalStateException("benchmarks/workloads/wasm not found; pass -Dwasmrt.workloads=<dir>");
    }

    public static Path module(String name) {
        return directory().resolve(name + ".wasm");
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(module(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guest's argv: its name, then the scale. */
    public static List<String> arguments(String name, int scale) {
        return List.of(name, Integer.toString(scale));
    }

    /** What node printed for this scale, when build.sh recorded it. */
    public static Optional<String> expectedOutput(String name, int scale) {
        Path recorded = directory().resolve(name + ".scale-" + scale + ".stdout.txt");
        if (!Files.exists(recorded)) return Optional.empty();
        try {
            return Optional.of(Files.readString(recorded, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every module in the directory, to catch a workload missing from {@link #NAMES}. */
    static List<String> modulesOnDisk() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".wasm"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
