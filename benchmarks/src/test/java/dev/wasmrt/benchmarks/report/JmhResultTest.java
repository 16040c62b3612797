package dev.wasmrt.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JmhResultTest {

    @Test
    void takesTheMedianOfAllIterationsOfAllForks(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, """
                [ { "benchmark": "dev.wasmrt.benchmarks.WorkloadBenchmark.run",
                    "params": { "engine": "compiler", "scale": "1", "workload": "lz77" },
                    "primaryMetric": { "score": 40.0, "scoreUnit": "s/op",
                                       "rawData": [ [ 5.0, 1.0 ], [ 100.0, 2.0 ] ] } } ]
                """);
        List<JmhResult> results = JmhResult.read(json);
        assertEquals(1, results.size());
        JmhResult r = results.getFirst();
        assertEquals("WorkloadBenchmark.run", r.benchmark());
        assertEquals("lz77", r.param("workload"));
        assertEquals(3.5, r.median());
        assertEquals(3500, ResultsReport.toMillis(r.median(), r.unit()));
    }
}
