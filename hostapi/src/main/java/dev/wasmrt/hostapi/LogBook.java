package dev.wasmrt.hostapi;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The log lines a guest writes through {@code api.log} during one run, in the runtime's format. */
public final class LogBook {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final String moduleId;
    private final Clock clock;
    private final List<String> lines = new ArrayList<>();

    /** @param clock the local time zone of the lines comes from this clock */
    public LogBook(String moduleId, Clock clock) {
        this.moduleId = moduleId;
        this.clock = clock;
    }

    /** Appends {@code [dd/mm/YYYY HH:MM:SS] - LEVEL: [<module id>] <message>}. */
    public synchronized void add(int level, String message) {
        lines.add("[" + LocalDateTime.now(clock).format(STAMP) + "] - " + levelName(level) + ": ["
                + moduleId + "] " + message);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** 0 DEBUG, 1 INFO, 2 WARN, 3 ERROR; anything else counts as INFO. */
    static String levelName(int level) {
        return switch (level) {
            case 0 -> "DEBUG";
            case 2 -> "WARN";
            case 3 -> "ERROR";
            default -> "INFO";
        };
    }
}
