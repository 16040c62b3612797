package dev.wasmrt.wasi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plain guests (no files, no arguments) print on each engine exactly what they print on node. */
class BasicGuestsTest {
    static Stream<Arguments> guests() {
        return TestEngine.each("hello", "sort_checksum", "big_switch", "collections");
    }

    @ParameterizedTest
    @MethodSource("guests")
    void printsWhatNodePrints(TestEngine engine, String name) {
        Guests.Run run = Guests.run(engine, name, new WasiConfig().arg(name));
        assertEquals(Guests.expectedStdout(name), run.stdout());
        assertEquals(Guests.expectedExitCode(name), run.exitCode());
    }
}
