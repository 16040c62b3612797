package dev.wasmrt.spectest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Renders results as console tables (per category, per file) and as the JSON summary. */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<FileResult> results;
    private final List<String> engines;

    public Report(List<FileResult> results) {
        this.results = List.copyOf(results);
        this.engines = List.copyOf(new TreeSet<>(results.stream().map(FileResult::engine).toList()));
    }

    /** passed, failed, skipped summed per engine and category. */
    public Map<String, Map<String, int[]>> byCategory() {
        Map<String, Map<String, int[]>> totals = new TreeMap<>();
        for (FileResult r : results) {
            int[] t = totals.computeIfAbsent(r.engine(), e -> new TreeMap<>())
                    .computeIfAbsent(r.category(), c -> new int[3]);
            t[0] += r.passed();
            t[1] += r.failed();
            t[2] += r.skipped();
        }
        return totals;
    }

    public void printTables(PrintStream out) {
        Map<String, Map<String, int[]>> totals = byCategory();
        TreeSet<String> categories = new TreeSet<>();
        totals.values().forEach(m -> categories.addAll(m.keySet()));
        out.println();
        out.println(header("category"));
        for (String category : categories) {
            StringBuilder line = new StringBuilder(String.format("%-28s", category));
            for (String engine : engines) line.append(cells(totals.get(engine).get(category)));
            out.println(line);
        }
        StringBuilder all = new StringBuilder(String.format("%-28s", "TOTAL"));
        for (String engine : engines) {
            int[] sum = new int[3];
            totals.get(engine).values().forEach(t -> { for (int i = 0; i < 3; i++) sum[i] += t[i]; });
            all.append(cells(sum));
        }
        out.println(all);

        out.println();
        out.println(header("file"));
        Map<String, Map<String, FileResult>> byFile = new TreeMap<>();
        for (FileResult r : results) byFile.computeIfAbsent(r.script(), s -> new TreeMap<>()).put(r.engine(), r);
        byFile.forEach((script, perEngine) -> {
            StringBuilder line = new StringBuilder(String.format("%-28s", script));
            for (String engine : engines) {
                FileResult r = perEngine.get(engine);
                line.append(cells(r == null ? null : new int[] {r.passed(), r.failed(), r.skipped()}));
            }
            out.println(line);
        });
    }

    /** Writes the JSON summary: per engine, per file and per category, passed/failed/skipped. */
    public void writeSummary(Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> totals = byCategory();
        for (String engine : engines) {
            Map<String, Object> perEngine = new LinkedHashMap<>();
            Map<String, Object> files = new TreeMap<>();
            for (FileResult r : results) {
                if (r.engine().equals(engine)) files.put(r.script(), counts(r.passed(), r.failed(), r.skipped()));
            }
            Map<String, Object> categories = new TreeMap<>();
            totals.get(engine).forEach((c, t) -> categories.put(c, counts(t[0], t[1], t[2])));
            perEngine.put("categories", categories);
            perEngine.put("files", files);
            summary.put(engine, perEngine);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), summary);
    }

    /** Writes every failure line, grouped by engine and script, for diagnosis. */
    public void writeFailures(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (FileResult r : results) {
            if (r.failures().isEmpty()) continue;
            text.append("== ").append(r.engine()).append(' ').append(r.script()).append('\n');
            r.failures().forEach(f -> text.append("  ").append(f).append('\n'));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }

    private String header(String first) {
        StringBuilder h = new StringBuilder(String.format("%-28s", first));
        for (String engine : engines) h.append(String.format(" | %-26s", engine + " pass/fail/skip"));
        return h.toString();
    }

    private static String cells(int[] t) {
        return t == null ? String.format(" | %-26s", "-") : String.format(" | %8d %8d %8d", t[0], t[1], t[2]);
    }

    private static Map<String, Integer> counts(int passed, int failed, int skipped) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("passed", passed);
        m.put("failed", failed);
        m.put("skipped", skipped);
        return m;
    }
}
