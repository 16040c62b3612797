package dev.wasmrt.spectest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed passes per engine and script. A run may never pass fewer assertions of a script
 * than the baseline says; when it passes more, the baseline should be raised (never lowered).
 */
public final class Baseline {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Map<String, Map<String, Integer>> passes;

    private Baseline(Map<String, Map<String, Integer>> passes) {
        this.passes = passes;
    }

    public static Baseline read(Path file) throws IOException {
        if (!Files.exists(file)) return new Baseline(new TreeMap<>());
        Map<String, Map<String, Integer>> read = JSON.readValue(file.toFile(), new TypeReference<>() {});
        Map<String, Map<String, Integer>> sorted = new TreeMap<>();
        read.forEach((engine, files) -> sorted.put(engine, new TreeMap<>(files)));
        return new Baseline(sorted);
    }

    public int passes(String engine, String script) {
        return passes.getOrDefault(engine, Map.of()).getOrDefault(script, 0);
    }

    /** Lines naming each script whose passes dropped below the baseline. */
    public List<String> drops(List<FileResult> results) {
        List<String> drops = new ArrayList<>();
        for (FileResult r : results) {
            int expected = passes(r.engine(), r.script());
            if (r.passed() < expected) {
                drops.add(r.engine() + " " + r.script() + ": " + r.passed() + " passed, baseline " + expected);
            }
        }
        return drops;
    }

    /** Lines naming each script that now passes more than the baseline. */
    public List<String> rises(List<FileResult> results) {
        List<String> rises = new ArrayList<>();
        for (FileResult r : results) {
            int expected = passes(r.engine(), r.script());
            if (r.passed() > expected) rises.add(r.engine() + " " + r.script() + ": " + expected + " -> " + r.passed());
        }
        return rises;
    }

    /** Writes the baseline raised to these results; no count ever goes down. */
    public void writeRaised(Path file, List<FileResult> results) throws IOException {
        Map<String, Map<String, Integer>> raised = new TreeMap<>();
        passes.forEach((engine, files) -> raised.put(engine, new TreeMap<>(files)));
        for (FileResult r : results) {
            raised.computeIfAbsent(r.engine(), e -> new TreeMap<>()).merge(r.script(), r.passed(), Math::max);
        }
        JSON.writeValue(file.toFile(), raised);
    }
}
