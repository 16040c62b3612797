package dev.wasmrt.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JMH JSON result file, node's in-process times and the whole-process times into
 * {@code summary.md} (tables with medians and ratios) and {@code ratios.svg} (the ratios as bars).
 *
 * <p>usage: {@code ResultsReport --jmh FILE [--node FILE] [--process FILE] [--note TEXT] --out DIR}
 */
public final class ResultsReport {
    private static final String[] ENGINES = {"interpreter", "compiler", "chicory-interpreter", "chicory-compiler"};

    /** Ratio columns: numerator engine, denominator engine ("node": node in-process), heading, bar color. */
    private record Ratio(String of, String to, String heading, String color) {}

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("interpreter", "chicory-interpreter", "interpreter / Chicory interpreter", "#4e79a7"),
            new Ratio("compiler", "chicory-compiler", "compiler / Chicory compiler", "#f28e2b"),
            new Ratio("interpreter", "node", "interpreter / node", "#76b7b2"),
            new Ratio("compiler", "node", "compiler / node", "#e15759"));

    private ResultsReport() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
        if (!options.containsKey("--jmh") || !options.containsKey("--out")) {
            System.err.println("usage: ResultsReport --jmh FILE [--node FILE] [--process FILE] [--note TEXT] --out DIR");
            System.exit(2);
        }
        List<JmhResult> jmh = JmhResult.read(Path.of(options.get("--jmh")));
        List<Map<String, String>> node = Tsv.read(pathOrNull(options.get("--node")));
        List<Map<String, String>> process = Tsv.read(pathOrNull(options.get("--process")));
        Path out = Path.of(options.get("--out"));
        Files.createDirectories(out);

        Execution execution = Execution.of(jmh, node);
        StringBuilder md = new StringBuilder("# wasmrt benchmark results\n\n");
        md.append(String.format(Locale.ROOT, "Java %s on %s, %d processors. %s%n%n",
                System.getProperty("java.version"), System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), options.getOrDefault("--note", "")));
        execution.appendTable(md);
        appendPhases(md, jmh);
        appendProcesses(md, process);
        Files.writeString(out.resolve("summary.md"), md);

        List<SvgBarChart.Series> series = new ArrayList<>();
        for (Ratio r : RATIOS) {
            double[] values = execution.workloads.stream().mapToDouble(w -> execution.ratio(w, r)).toArray();
            series.add(new SvgBarChart.Series(r.heading(), r.color(), values));
        }
        Files.writeString(out.resolve("ratios.svg"), SvgBarChart.render(
                "Run time ratios (lower is faster for wasmrt; scale " + execution.scale + ")", execution.workloads, series));
        System.out.println("wrote " + out.resolve("summary.md") + " and " + out.resolve("ratios.svg"));
    }

    private static Path pathOrNull(String path) {
        return path == null ? null : Path.of(path);
    }

    /** Median ms per workload and engine, node's in-process median added as engine "node". */
    private static final class Execution {
        final List<String> workloads = new ArrayList<>();
        final Map<String, Map<String, Double>> millis = new LinkedHashMap<>();
        String scale = "?";

        static Execution of(List<JmhResult> jmh, List<Map<String, String>> node) {
            Execution e = new Execution();
            for (JmhResult r : jmh) {
                if (!r.benchmark().equals("WorkloadBenchmark.run")) continue;
                e.scale = r.param("scale");
                e.put(r.param("workload"), r.param("engine"), toMillis(r.median(), r.unit()));
            }
            for (Map<String, String> row : node) {
                if (e.millis.containsKey(row.get("workload")) && e.scale.equals(row.get("scale"))) {
                    e.put(row.get("workload"), "node", Double.parseDouble(row.get("median_ms")));
                }
            }
            return e;
        }

        void put(String workload, String engine, double value) {
            if (!millis.containsKey(workload)) workloads.add(workload);
            millis.computeIfAbsent(workload, w -> new LinkedHashMap<>()).put(engine, value);
        }

        double ratio(String workload, Ratio r) {
            Map<String, Double> row = millis.get(workload);
            Double of = row.get(r.of()), to = row.get(r.to());
            return of == null || to == null ? Double.NaN : of / to;
        }

        void appendTable(StringBuilder md) {
            if (workloads.isEmpty()) return;
            md.append("## Execution: one run of each workload (median ms, scale ").append(scale).append(")\n\n");
            md.append("Module preparation excluded; node is the same module inside one node process (node-times.mjs).\n\n");
            md.append("| workload | interpreter | compiler | Chicory interpreter | Chicory compiler | node |");
            RATIOS.forEach(r -> md.append(' ').append(r.heading()).append(" |"));
            md.append("\n|---|---:|---:|---:|---:|---:|");
            RATIOS.forEach(r -> md.append("---:|"));
            md.append('\n');
            for (String w : workloads) {
                md.append("| ").append(w).append(" |");
                for (String engine : ENGINES) md.append(' ').append(ms(millis.get(w).get(engine))).append(" |");
                md.append(' ').append(ms(millis.get(w).get("node"))).append(" |");
                for (Ratio r : RATIOS) md.append(' ').append(ratioText(ratio(w, r))).append(" |");
                md.append('\n');
            }
            md.append("| **geometric mean** | | | | | |");
            for (Ratio r : RATIOS) md.append(' ').append(ratioText(geometricMean(r))).append(" |");
            md.append("\n\n![ratios](ratios.svg)\n\n");
        }

        private double geometricMean(Ratio r) {
            double logSum = 0;
            int n = 0;
            for (String w : workloads) {
                double v = ratio(w, r);
                if (v > 0 && Double.isFinite(v)) {
                    logSum += Math.log(v);
                    n++;
                }
            }
            return n == 0 ? Double.NaN : Math.exp(logSum / n);
        }
    }

    /** Phases in the order a module goes through them, ours first; others follow as JMH lists them. */
    private static final List<String> PHASE_ORDER = List.of("decode", "validate", "prepareInterpreter", "compile",
            "compileUnsplit", "loadFromCache", "instantiateInterpreted", "instantiateCompiled", "chicoryParse",
            "chicoryCompile", "chicoryInstantiateInterpreted");

    private static void appendPhases(StringBuilder md, List<JmhResult> jmh) {
        Set<String> found = new LinkedHashSet<>();
        Map<String, Map<String, Double>> byModule = new LinkedHashMap<>();
        for (JmhResult r : jmh) {
            if (!r.benchmark().startsWith("ModulePhasesBenchmark.")) continue;
            String phase = r.benchmark().substring("ModulePhasesBenchmark.".length());
            found.add(phase);
            byModule.computeIfAbsent(r.param("module"), m -> new LinkedHashMap<>()).put(phase, toMillis(r.median(), r.unit()));
        }
        if (byModule.isEmpty()) return;
        List<String> phases = new ArrayList<>(PHASE_ORDER);
        phases.retainAll(found);
        found.stream().filter(p -> !phases.contains(p)).forEach(phases::add);
        md.append("## Module phases (ms per operation)\n\n| module |");
        phases.forEach(p -> md.append(' ').append(p).append(" |"));
        md.append("\n|---|");
        phases.forEach(p -> md.append("---:|"));
        md.append('\n');
        byModule.forEach((module, values) -> {
            md.append("| ").append(module).append(" |");
            phases.forEach(p -> md.append(' ').append(ms(values.get(p))).append(" |"));
            md.append('\n');
        });
        md.append('\n');
    }

    private static void appendProcesses(StringBuilder md, List<Map<String, String>> rows) {
        Map<String, Map<String, Double>> byWorkload = new LinkedHashMap<>();
        String scale = "?", runs = "?";
        for (Map<String, String> row : rows) {
            byWorkload.computeIfAbsent(row.get("workload"), w -> new LinkedHashMap<>())
                    .put(row.get("runner"), Double.parseDouble(row.get("median_ms")));
            scale = row.get("scale");
            runs = row.get("runs");
        }
        if (byWorkload.isEmpty()) return;
        md.append("## Whole processes (median wall ms of ").append(runs).append(" runs, scale ").append(scale).append(")\n\n");
        md.append("`wasm-runtime run` (compiler: .cwasm cache warm) against `node` with node:wasi; JVM start-up included.\n\n");
        md.append("| workload | wasm-runtime interpreter | wasm-runtime compiler | node | interpreter / node | compiler / node |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        byWorkload.forEach((w, v) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", w,
                ms(v.get("interpreter")), ms(v.get("compiler")), ms(v.get("node")),
                ratioText(divide(v.get("interpreter"), v.get("node"))), ratioText(divide(v.get("compiler"), v.get("node"))))));
        md.append('\n');
    }

    private static double divide(Double a, Double b) {
        return a == null || b == null ? Double.NaN : a / b;
    }

    static double toMillis(double value, String unit) {
        return switch (unit) {
            case "ms/op" -> value;
            case "s/op" -> value * 1e3;
            case "us/op" -> value / 1e3;
            case "ns/op" -> value / 1e6;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    private static String ms(Double value) {
        if (value == null) return "–";
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 1 ? "%.1f" : "%.2g", value);
    }

    private static String ratioText(double v) {
        return Double.isNaN(v) ? "–" : SvgBarChart.ratio(v);
    }
}
