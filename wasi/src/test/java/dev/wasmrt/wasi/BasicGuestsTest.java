package dev.wasmrt.wasi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plain guests (no files, no arguments) print on our interpreter exactly what they print on node. */
class BasicGuestsTest {
    @ParameterizedTest
    @ValueSource(strings = {"hello", "sort_checksum", "big_switch", "collections"})
    void printsWhatNodePrints(String name) {
        Guests.Run run = Guests.run(name, new WasiConfig().arg(name));
        assertEquals(Guests.expectedStdout(name), run.stdout());
        assertEquals(Guests.expectedExitCode(name), run.exitCode());
    }
}
