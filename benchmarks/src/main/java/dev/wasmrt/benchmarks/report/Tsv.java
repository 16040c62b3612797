package dev.wasmrt.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tab-separated files with a header line, as node-times.mjs and process-times.sh write them. */
final class Tsv {
    private Tsv() {}

    /** One map per data line, keyed by the header's column names; empty when the file is absent. */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (file == null || !Files.exists(file)) return rows;
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return rows;
        String[] header = lines.getFirst().split("\t");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) row.put(header[i], cells[i]);
            rows.add(row);
        }
        return rows;
    }
}
