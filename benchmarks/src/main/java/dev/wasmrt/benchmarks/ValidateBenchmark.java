package dev.wasmrt.benchmarks;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Validation throughput on the largest guest module. The {@code codeBytes} counter reports the
 * bytes of instruction code (function bodies, from each body's first to its final {@code end})
 * validated per second, so MB/s of code is that figure divided by 10^6.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar ValidateBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidateBenchmark {

    @State(Scope.Benchmark)
    public static class Input {
        Module module;
        long codeBytes;

        @Setup(Level.Trial)
        public void load() throws IOException {
            Path largest = DecodeBenchmark.largestGuest(DecodeBenchmark.guestDirectory());
            module = BinaryDecoder.decode(Files.readAllBytes(largest));
            for (Function f : module.functions()) {
                Expr body = f.body();
                int[] offsets = body.offsets();
                int last = offsets.length - 1; // the final end; immediates carry offset -1
                while (offsets[last] < 0) last--;
                codeBytes += offsets[last] - offsets[0] + 1;
            }
            System.out.println("validating " + largest + " (" + codeBytes + " code bytes/op)");
        }
    }

    /** Counts validated code bytes, reported by JMH as a rate next to the operation rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long codeBytes;
    }

    @Benchmark
    public ValidatedModule validate(Input input, Throughput throughput) {
        throughput.codeBytes += input.codeBytes;
        return ModuleValidator.validate(input.module);
    }
}
