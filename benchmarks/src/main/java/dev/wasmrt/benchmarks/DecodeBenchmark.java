package dev.wasmrt.benchmarks;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Binary decoding throughput on the largest guest module. Besides ops/s, the {@code bytes}
 * counter reports decoded bytes per second, so MB/s is that figure divided by 10^6.
 * The guest directory is {@code -Dwasmrt.guests=...}, else {@code guests/wasm} found upwards from the working directory.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar DecodeBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    @State(Scope.Benchmark)
    public static class Input {
        byte[] module;

        @Setup(Level.Trial)
        public void load() throws IOException {
            Path largest = largestGuest(guestDirectory());
            module = Files.readAllBytes(largest);
            System.out.println("decoding " + largest + " (" + module.length + " bytes/op)");
        }
    }

    /** Counts decoded bytes, reported by JMH as a rate next to the operation rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long bytes;
    }

    @Benchmark
    public Module decode(Input input, Throughput throughput) {
        throughput.bytes += input.module.length;
        return BinaryDecoder.decode(input.module);
    }

    static Path guestDirectory() {
        String configured = System.getProperty("wasmrt.guests");
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("guests/wasm");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("guests/wasm not found; pass -Dwasmrt.guests=<dir>");
    }

    static Path largestGuest(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".wasm"))
                    .max(Comparator.comparingLong(DecodeBenchmark::size))
                    .orElseThrow(() -> new IllegalStateException("no .wasm files in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
