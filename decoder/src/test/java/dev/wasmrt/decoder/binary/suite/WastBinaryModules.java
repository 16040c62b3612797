package dev.wasmrt.decoder.binary.suite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the {@code (module binary "...")} forms out of a .wast script without a text-format
 * parser: it only tracks parentheses, comments and string literals, which is all these forms need.
 */
final class WastBinaryModules {
    /** One binary module: where it is, its bytes, and the assert_malformed text or null. */
    record Case(String where, byte[] bytes, String command, String expectedMalformed) {}

    private static final Pattern BINARY_MODULE = Pattern.compile("^\\(module(\\s+\\$\\S+)?(\\s+definition)?\\s+binary\\b");

    private WastBinaryModules() {}

    /** The cases of one script, each named by its path under {@code suite} and its line. */
    static List<Case> read(Path suite, Path wast) throws IOException {
        String text = Files.readString(wast, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineCountedTo = 0;
        while ((i = skipBlank(text, i)) < text.length()) {
            line += newlines(text, lineCountedTo, i);
            lineCountedTo = i;
            int end = formEnd(text, i);
            collect(suite.relativize(wast) + ":" + line, text.substring(i, end), cases);
            i = end;
        }
        return cases;
    }

    private static void collect(String where, String form, List<Case> cases) {
        String command = form.length() > 1 ? form.substring(1).split("[\\s()]", 2)[0] : "";
        if (command.equals("module")) {
            if (BINARY_MODULE.matcher(form).find()) cases.add(new Case(where, strings(form, 0), command, null));
            return;
        }
        int inner = skipBlank(form, 1 + command.length());
        if (inner >= form.length() - 1 || form.charAt(inner) != '(') return;
        int innerEnd = formEnd(form, inner);
        String module = form.substring(inner, innerEnd);
        if (!BINARY_MODULE.matcher(module).find()) return;
        String expected = null;
        if (command.equals("assert_malformed")) {
            Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(form);
            if (m.find(innerEnd)) expected = m.group(1);
        }
        cases.add(new Case(where, strings(module, 0), command, expected));
    }

    /** Concatenates the decoded string literals of a form. */
    private static byte[] strings(String form, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = from;
        while (i < form.length()) {
            char c = form.charAt(i);
            if (c == ';' && i + 1 < form.length() && form.charAt(i + 1) == ';') {
                i = lineEnd(form, i);
            } else if (c == '(' && i + 1 < form.length() && form.charAt(i + 1) == ';') {
                i = blockCommentEnd(form, i);
            } else if (c == '"') {
                i = literal(form, i + 1, out);
            } else {
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int literal(String s, int i, ByteArrayOutputStream out) {
        while (s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c != '\\') {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'n' -> { out.write('\n'); i += 2; }
                case 't' -> { out.write('\t'); i += 2; }
                case 'r' -> { out.write('\r'); i += 2; }
                case '\\', '\'', '"' -> { out.write(e); i += 2; }
                case 'u' -> {
                    int close = s.indexOf('}', i);
                    int cp = Integer.parseInt(s.substring(i + 3, close), 16);
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    i = close + 1;
                }
                default -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 3;
                }
            }
        }
        return i + 1;
    }

    private static int formEnd(String s, int i) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ';' && i + 1 < s.length() && s.charAt(i + 1) == ';') {
                i = lineEnd(s, i);
                continue;
            }
            if (c == '(' && i + 1 < s.length() && s.charAt(i + 1) == ';') {
                i = blockCommentEnd(s, i);
                continue;
            }
            if (c == '"') {
                i++;
                while (s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int skipBlank(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) i++;
            else if (c == ';' && i + 1 < s.length() && s.charAt(i + 1) == ';') i = lineEnd(s, i);
            else if (c == '(' && i + 1 < s.length() && s.charAt(i + 1) == ';') i = blockCommentEnd(s, i);
            else break;
        }
        return i;
    }

    private static int lineEnd(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl + 1;
    }

    private static int blockCommentEnd(String s, int i) {
        int depth = 0;
        while (i < s.length()) {
            if (s.startsWith("(;", i)) { depth++; i += 2; }
            else if (s.startsWith(";)", i)) { i += 2; if (--depth == 0) return i; }
            else i++;
        }
        return i;
    }

    private static int newlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }
}
