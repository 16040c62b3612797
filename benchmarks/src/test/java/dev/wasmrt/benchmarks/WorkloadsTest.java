package dev.wasmrt.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed workloads are complete and print what node printed on our engines. */
class WorkloadsTest {

    @Test
    void everyModuleOnDiskIsListedAndHasNodeOutputForTheDefaultScale() {
        assertEquals(Workloads.NAMES.stream().sorted().toList(), Workloads.modulesOnDisk());
        for (String name : Workloads.NAMES) {
            assertTrue(Workloads.expectedOutput(name, 1).isPresent(), name + " has no recorded output for scale 1");
        }
    }

    /** Two cheap workloads (calls; f32 and memory) keep this to seconds; the benchmarks check every workload on every engine. */
    @ParameterizedTest
    @ValueSource(strings = {"recursion", "matmul"})
    void printsWhatNodePrinted(String workload) {
        String output = GuestRunner.create("interpreter", workload).run(1);
        assertEquals(Workloads.expectedOutput(workload, 1).orElseThrow(), output);
    }

    /** The workload with one huge function, on the compiler with it split into chunks and left whole. */
    @ParameterizedTest
    @ValueSource(strings = {"compiler", "compiler-unsplit"})
    void stateMachinePrintsWhatNodePrinted(String engine) {
        String output = GuestRunner.create(engine, "state_machine").run(1);
        assertEquals(Workloads.expectedOutput("state_machine", 1).orElseThrow(), output);
    }
}
