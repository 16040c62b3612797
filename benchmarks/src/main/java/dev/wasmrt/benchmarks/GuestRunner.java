package dev.wasmrt.benchmarks;

/**
 * Runs one workload module to completion on one engine. Construction does the per-module work
 * (parsing, validation, compilation); each {@link #run} instantiates afresh, runs {@code _start}
 * and returns what the guest printed.
 */
public interface GuestRunner {
    /** @throws IllegalStateException when the guest exits non-zero (its self-check failed) */
    String run(int scale);

    /** Engines in the order reports list them. */
    String[] ENGINES = {"interpreter", "compiler", "chicory-interpreter", "chicory-compiler"};

    static GuestRunner create(String engine, String workload) {
        byte[] module = Workloads.bytes(workload);
        return switch (engine) {
            case "interpreter" -> OurRunner.interpreter(workload, module);
            case "compiler" -> OurRunner.compiler(workload, module);
            case "compiler-unsplit" -> OurRunner.unsplitCompiler(workload, module);
            case "chicory-interpreter" -> ChicoryRunner.interpreter(workload, module);
            case "chicory-compiler" -> ChicoryRunner.compiler(workload, module);
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }

    static void requireSuccess(String workload, int exitCode, String stdout) {
        if (exitCode != 0) {
            throw new IllegalStateException(workload + " exited with " + exitCode + "; output: " + stdout);
        }
    }
}
