package dev.wasmrt.wasi;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WASI test guests (guests/wasi) run on each engine under the same conditions as
 * guests/build.sh gives them under node, and must print the expected transcript line for line.
 */
class WasiGuestsTest {
    @TempDir
    Path scratch;

    private Guests.Run runInSandbox(TestEngine engine, String name, Path sandbox) throws IOException {
        WasiConfig config = new WasiConfig()
                .arg(name, "alpha", "beta gamma")
                .env("WASI_TEST", "1")
                .env("GREETING", "hello world")
                .stdin(new ByteArrayInputStream(Files.readAllBytes(Guests.ROOT.resolve("wasi/stdin.txt"))))
                .preopen("/sandbox", sandbox);
        return Guests.run(engine, name, config);
    }

    static Stream<Arguments> guests() {
        return TestEngine.each("wasi_basics", "wasi_files", "wasi_sandbox", "wasi_std");
    }

    @ParameterizedTest
    @MethodSource("guests")
    void printsTheExpectedTranscript(TestEngine engine, String name) throws IOException {
        Path sandbox = Sandbox.create(scratch);
        List<String> outsideBefore = Sandbox.outside(scratch, sandbox);
        Guests.Run run = runInSandbox(engine, name, sandbox);
        assertEquals(Guests.expectedStdout(name), run.stdout());
        assertEquals(Guests.expectedExitCode(name), run.exitCode());
        assertEquals(outsideBefore, Sandbox.outside(scratch, sandbox), "nothing outside the sandbox may change");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void basicsWritesToStderrSeparately(TestEngine engine) throws IOException {
        Guests.Run run = runInSandbox(engine, "wasi_basics", Sandbox.create(scratch));
        assertEquals("to stderr\n", run.stderr());
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void sandboxEscapesLeaveTheHostUntouched(TestEngine engine) throws IOException {
        Path sandbox = Sandbox.create(scratch);
        runInSandbox(engine, "wasi_sandbox", sandbox);
        assertFalse(Files.exists(scratch.resolve("outer/outside-created.txt")));
        assertFalse(Files.exists(scratch.resolve("outside-dir")));
        assertFalse(Files.exists(scratch.resolve("stolen.txt")));
        assertFalse(Files.exists(scratch.resolve("outer/linked.txt")));
        assertTrue(Files.exists(sandbox.resolve("data.txt")), "data.txt was not moved out");
        assertEquals("twelve bytes", Files.readString(sandbox.resolve("data.txt")));
    }
}
