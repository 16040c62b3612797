package dev.wasmrt.spectest;

import dev.wasmrt.spectest.script.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The features declared out of scope, read from {@code spectest/skips.txt}: one per line,
 * {@code file PREFIX REASON} (scripts whose path starts with PREFIX) or
 * {@code command KIND REASON} (a script command such as {@code assert_malformed_custom}).
 * Skipped assertions are counted as skipped, never as passed.
 */
public final class Skips {
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> commands = new LinkedHashMap<>();

    public static Skips read(Path file) {
        Skips skips = new Skips();
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("\\s+", 3);
                if (parts.length < 3) throw new IllegalArgumentException(file + ": a skip needs a kind, a subject and a reason: " + line);
                switch (parts[0]) {
                    case "file" -> skips.files.put(parts[1], parts[2]);
                    case "command" -> skips.commands.put(parts[1], parts[2]);
                    default -> throw new IllegalArgumentException(file + ": unknown skip kind " + parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return skips;
    }

    /** The reason a whole script is skipped, or null. */
    public String fileReason(String script) {
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (script.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    /** The reason a command is skipped, or null. */
    public String commandReason(Command command) {
        String kind = switch (command) {
            case Command.AssertMalformedCustom _ -> "assert_malformed_custom";
            case Command.AssertInvalidCustom _ -> "assert_invalid_custom";
            default -> null;
        };
        return kind == null ? null : commands.get(kind);
    }
}
