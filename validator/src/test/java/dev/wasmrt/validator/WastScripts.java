package dev.wasmrt.validator;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.text.TextParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the spec suite and pulls modules out of its .wast scripts: the {@code assert_invalid}
 * ones with their expected reasons, and the ones the suite expects to be valid. A small
 * S-expression scanner is enough, since only the extent of each command matters (strings and
 * comments may contain parentheses).
 */
final class WastScripts {
    private WastScripts() {}

    /** One assert_invalid: the file, the module text ({@code (module ...)}) and the expected reason. */
    record Case(Path file, String module, String reason) {}

    /** The suite root: system property wasm.testsuite, env WASM_TESTSUITE, or ../shared/wasm-testsuite from the repo root. */
    static Path suiteRoot() {
        String configured = System.getProperty("wasm.testsuite", System.getenv("WASM_TESTSUITE"));
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("wasm-testsuite");
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    /** Every assert_invalid of the suite. */
    static List<Case> invalid(Path root) {
        List<Case> cases = new ArrayList<>();
        forEachScript(root, (f, s) -> cases.addAll(invalidInFile(f, s)));
        return cases;
    }

    /**
     * Every module the suite expects to validate: top-level modules and those of
     * assert_unlinkable, assert_uninstantiable and assert_trap; the reason is empty.
     */
    static List<Case> valid(Path root) {
        List<Case> cases = new ArrayList<>();
        forEachScript(root, (f, s) -> {
            int i = 0;
            while (i < s.length()) {
                if (s.startsWith(";;", i)) {
                    int newline = s.indexOf('\n', i);
                    i = newline < 0 ? s.length() : newline;
                    continue;
                }
                if (s.startsWith("(;", i)) {
                    i = s.indexOf(";)", i) + 2;
                    continue;
                }
                if (s.charAt(i) != '(') {
                    i++;
                    continue;
                }
                int start = i;
                int end = skipExpression(s, start);
                String command = s.substring(start, end);
                if (command.startsWith("(module")) {
                    cases.add(new Case(f, command, ""));
                } else if (command.startsWith("(assert_unlinkable") || command.startsWith("(assert_uninstantiable")
                        || command.startsWith("(assert_trap")) {
                    int inner = s.indexOf('(', start + 1);
                    if (s.startsWith("(module", inner)) cases.add(new Case(f, s.substring(inner, skipExpression(s, inner)), ""));
                }
                i = end;
            }
        });
        return cases;
    }

    private static void forEachScript(Path root, java.util.function.BiConsumer<Path, String> action) {
        try (Stream<Path> files = Files.walk(root)) {
            // Custom descriptors (exact types, descriptor allocation) are not modelled and change some 3.0 rules.
            for (Path f : files.filter(p -> p.toString().endsWith(".wast") && !p.toString().contains("custom-descriptors"))
                    .sorted().toList()) {
                action.accept(f, Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> invalidInFile(Path file, String s) {
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (true) {
            int start = s.indexOf("(assert_invalid", i);
            if (start < 0) return cases;
            int moduleStart = s.indexOf('(', start + 1);
            int moduleEnd = skipExpression(s, moduleStart);
            int quote = s.indexOf('"', moduleEnd);
            int close = skipString(s, quote);
            cases.add(new Case(file, s.substring(moduleStart, moduleEnd), s.substring(quote + 1, close - 1)));
            i = skipExpression(s, start);
        }
    }

    /**
     * Reads a script module: text modules through the text parser, {@code (module binary ...)}
     * through the binary decoder; null for {@code (module quote ...)} (text the suite means to
     * be malformed) and {@code (module instance ...)} (no module of its own).
     */
    static Module parse(String module) {
        java.util.regex.Matcher head = java.util.regex.Pattern
                .compile("^\\(module(\\s+definition)?(\\s+\\$\\S+)?(\\s+(binary|quote|instance)\\b)?").matcher(module);
        if (!head.find()) return null;
        String form = head.group(4);
        if (form == null) return TextParser.parseModule(head.group(1) == null ? module : "(module" + module.substring(head.end(1)));
        return form.equals("binary") ? BinaryDecoder.decode(strings(module, head.end())) : null;
    }

    /** The bytes of the string literals from {@code from} on, concatenated, with escapes decoded. */
    private static byte[] strings(String s, int from) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = s.indexOf('"', from);
        while (i >= 0) {
            int end = skipString(s, i) - 1;
            for (int k = i + 1; k < end; k++) {
                char c = s.charAt(k);
                if (c != '\\') {
                    byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    out.write(utf8, 0, utf8.length);
                    continue;
                }
                char e = s.charAt(++k);
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case 'r' -> out.write('\r');
                    case '\\', '"', '\'' -> out.write(e);
                    default -> {
                        out.write(Integer.parseInt(s.substring(k, k + 2), 16));
                        k++;
                    }
                }
            }
            i = s.indexOf('"', end + 1);
        }
        return out.toByteArray();
    }

    /** The index just after the parenthesised expression starting at {@code at}. */
    private static int skipExpression(String s, int at) {
        int depth = 0;
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (c == ';' && i + 1 < s.length() && s.charAt(i + 1) == ';') {
                i = s.indexOf('\n', i);
                if (i < 0) return s.length();
                continue;
            }
            if (c == '(' && i + 1 < s.length() && s.charAt(i + 1) == ';') {
                i = s.indexOf(";)", i) + 2;
                continue;
            }
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return i + 1;
            i++;
        }
        return s.length();
    }

    private static int skipString(String s, int quote) {
        int i = quote + 1;
        while (i < s.length() && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
        return i + 1;
    }
}
