package dev.wasmrt.hostapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBookTest {

    @Test
    void linesCarryLocalTimeLevelAndModule() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneId.of("Europe/Berlin"));
        LogBook log = new LogBook("hello", clock);
        log.add(0, "zero");
        log.add(1, "one");
        log.add(2, "two");
        log.add(3, "three");
        log.add(42, "other");
        log.add(-1, "negative");
        assertEquals(List.of(
                "[04/03/2026 06:06:07] - DEBUG: [hello] zero",
                "[04/03/2026 06:06:07] - INFO: [hello] one",
                "[04/03/2026 06:06:07] - WARN: [hello] two",
                "[04/03/2026 06:06:07] - ERROR: [hello] three",
                "[04/03/2026 06:06:07] - INFO: [hello] other",
                "[04/03/2026 06:06:07] - INFO: [hello] negative"), log.lines());
    }
}
