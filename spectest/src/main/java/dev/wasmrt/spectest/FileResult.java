package dev.wasmrt.spectest;

import java.util.List;

/**
 * The outcome of one script on one engine: every assertion counted on its own. {@code failures}
 * holds a readable line per failed assertion (script line and cause) for diagnosis.
 */
public record FileResult(String script, String engine, int passed, int failed, int skipped, List<String> failures) {
    public FileResult {
        failures = List.copyOf(failures);
    }

    public String category() { return Category.of(script); }
}
