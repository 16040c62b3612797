package dev.wasmrt.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One complete run of a workload ({@code _start} on a fresh instance, output checked) per
 * operation, on each engine: ours (interpreter, compiler) and Chicory's (interpreter, compiler).
 * Module preparation happens once per trial, outside the measurement. Single-shot timing,
 * because one cold operation of an interpreter takes seconds; the JVM needs about three of them
 * to compile the engine's hot paths, hence four warm-up iterations.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar WorkloadBenchmark -wi 3 -i 2 -p workload=json}
 * is a short run; benchmarks/run.sh wraps both modes.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-Xms1g", "-Xmx2g"})
@State(Scope.Benchmark)
public class WorkloadBenchmark {
    @Param({"lz77", "sha256", "sort_search", "nbody", "matmul", "recursion", "state_machine", "wordcount", "json", "regex"})
    public String workload;

    /** Any of {@link GuestRunner#create}'s; {@code -p engine=...,compiler-unsplit} adds our compiler without method splitting. */
    @Param({"interpreter", "compiler", "chicory-interpreter", "chicory-compiler"})
    public String engine;

    /**
     * Units of work (each workload's argv[1]). 1 keeps the default run under 15 minutes on two
     * cores, interpreters included; build.sh records node's output for 1, 4 and the full size.
     */
    @Param("1")
    public int scale;

    private GuestRunner runner;
    private String expected;

    @Setup(Level.Trial)
    public void prepare() {
        runner = GuestRunner.create(engine, workload);
        expected = Workloads.expectedOutput(workload, scale).orElse(null);
    }

    @Benchmark
    public String run() {
        String output = runner.run(scale);
        if (expected != null && !expected.equals(output)) {
            throw new IllegalStateException(engine + " printed " + output + " where node printed " + expected);
        }
        return output;
    }
}
