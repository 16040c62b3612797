package dev.wasmrt.spectest;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the official spec suite on every engine, prints the tables, writes
 * {@code target/spectest-summary.json} and {@code target/spectest-failures.txt}, and fails when
 * any script passes fewer assertions than the committed baseline ({@code baseline.json}).
 *
 * <p>{@code -Dspectest.only=i32.wast,simd,proposals/} runs a selection;
 * {@code -Dspectest.raiseBaseline=true} writes the raised baseline after a run.
 */
class SpecSuiteTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void suitePassesAtLeastTheBaseline() throws Exception {
        Set<String> only = Arrays.stream(System.getProperty("spectest.only", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        SpecSuite suite = new SpecSuite(SuiteLocation.root(), Skips.read(MODULE.resolve("skips.txt")), Engines.all());
        List<String> scripts = suite.select(only);
        assertTrue(!scripts.isEmpty(), "the selection " + only + " names no script");

        List<FileResult> results = suite.run(scripts, 2);

        Report report = new Report(results);
        report.printTables(System.out);
        Path target = MODULE.resolve(System.getProperty("spectest.output", "target"));
        report.writeSummary(target.resolve("spectest-summary.json"));
        report.writeFailures(target.resolve("spectest-failures.txt"));

        Path baselineFile = MODULE.resolve("baseline.json");
        Baseline baseline = Baseline.read(baselineFile);
        if (Boolean.getBoolean("spectest.raiseBaseline")) baseline.writeRaised(baselineFile, results);
        List<String> rises = baseline.rises(results);
        if (!rises.isEmpty()) {
            System.out.println("The suite passes more than the baseline; raise it with -Dspectest.raiseBaseline=true:");
            rises.forEach(r -> System.out.println("  " + r));
        }
        List<String> drops = baseline.drops(results);
        if (!drops.isEmpty()) fail("passes dropped below the baseline:\n  " + String.join("\n  ", drops));
    }
}
