package dev.wasmrt.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark/parameter combination of a JMH JSON result file, reduced to the median of its
 * measured iterations (robust against the odd slow iteration on a shared machine).
 *
 * @param benchmark the class and method, e.g. {@code WorkloadBenchmark.run}
 */
record JmhResult(String benchmark, Map<String, String> params, double median, String unit) {

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    static List<JmhResult> read(Path json) throws IOException {
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode entry : new ObjectMapper().readTree(json.toFile())) {
            String[] parts = entry.get("benchmark").asText().split("\\.");
            String benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode paramNode = entry.get("params");
            if (paramNode != null) paramNode.properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode metric = entry.get("primaryMetric");
            results.add(new JmhResult(benchmark, params, median(metric), metric.get("scoreUnit").asText()));
        }
        return results;
    }

    private static double median(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode value : fork) values.add(value.asDouble());
        }
        if (values.isEmpty()) return metric.get("score").asDouble();
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
