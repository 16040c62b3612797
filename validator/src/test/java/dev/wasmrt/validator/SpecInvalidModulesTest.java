package dev.wasmrt.validator;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.Module;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every text-format {@code assert_invalid} module of the spec suite through the text
 * parser and the validator and counts how many fail with the expected reason (compared as a
 * prefix, as the suite's own runner does). Modules the parser cannot read are counted apart.
 */
class SpecInvalidModulesTest {
    @Test
    void invalidModulesAreRejectedWithTheSuitesReasons() {
        Path root = WastScripts.suiteRoot();
        Assumptions.assumeTrue(root != null, "spec test suite not found");
        List<WastScripts.Case> cases = WastScripts.invalid(root);
        int expected = 0, parserRejected = 0, skipped = 0;
        List<String> accepted = new ArrayList<>();
        List<String> otherReason = new ArrayList<>();
        List<String> crashed = new ArrayList<>();
        for (WastScripts.Case c : cases) {
            Module module;
            try {
                module = WastScripts.parse(c.module());
                if (module == null) {
                    skipped++;
                    continue;
                }
            } catch (DecodeException e) {
                parserRejected++;
                if (Boolean.getBoolean("validator.verbose")) System.out.println("PARSER " + e.getMessage() + " " + oneLine(c.module()));
                continue;
            }
            String where = root.relativize(c.file()) + ": " + oneLine(c.module());
            try {
                ModuleValidator.validate(module);
                accepted.add(where + " expected \"" + c.reason() + "\"");
            } catch (ValidationException e) {
                if (e.reason().startsWith(c.reason())) expected++;
                else otherReason.add(where + " expected \"" + c.reason() + "\" got \"" + e.reason() + "\"");
            } catch (RuntimeException | StackOverflowError e) {
                crashed.add(where + " " + e);
            }
        }
        Map<String, Integer> summary = new TreeMap<>();
        summary.put("cases", cases.size());
        summary.put("expected reason", expected);
        summary.put("other reason", otherReason.size());
        summary.put("wrongly accepted", accepted.size());
        summary.put("parser rejected", parserRejected);
        summary.put("quote skipped", skipped);
        System.out.println("[spec assert_invalid] " + summary);
        if (Boolean.getBoolean("validator.verbose")) {
            accepted.forEach(s -> System.out.println("ACCEPTED " + s));
            otherReason.forEach(s -> System.out.println("REASON " + s));
        }
        assertEquals(List.of(), crashed, "validation may only throw ValidationException");
        assertEquals(List.of(), otherReason);
        // Wasm 3.0 allows several memories and tables (the threads proposal's copies of older
        // tests still forbid them), and branch hint annotations are not part of the module model.
        assertEquals(List.of(), accepted.stream().filter(s -> !s.contains("\"multiple memories\"")
                && !s.contains("\"multiple tables\"") && !s.contains("branch_hint")).toList());
        assertTrue(expected > 2500, "expected reasons: " + expected);
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
