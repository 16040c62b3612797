package dev.wasmrt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasmrt.cli.engine.GuestFailure;
import dev.wasmrt.cli.engine.GuestLauncher;
import dev.wasmrt.cli.engine.GuestRun;
import dev.wasmrt.cli.engine.Preopen;
import dev.wasmrt.hostapi.PackageKit;
import dev.wasmrt.hostapi.PackageKitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request-to-response path around an engine, with a scripted engine in its place. */
class ProtocolModeTest {
    @TempDir
    Path dir;
    Sharelib sharelib;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private GuestRun lastRun;
    private byte[] guestStdin;

    /** What the scripted guest does with its run. */
    private interface Script {
        int run(GuestRun run) throws GuestFailure, IOException;
    }

    @BeforeEach
    void layOut() {
        sharelib = new Sharelib(dir.resolve("share")).installFile("mod.wasm", new byte[] {0});
    }

    private JsonNode respond(String request, Script script) {
        GuestLauncher launcher = new GuestLauncher() {
            @Override
            public int run(GuestRun run) throws GuestFailure {
                lastRun = run;
                try {
                    guestStdin = run.stdin().readAllBytes();
                    return script.run(run);
                } catch (IOException e) {
                    throw new GuestFailure("script failed: " + e.getMessage(), List.of());
                }
            }

            @Override
            public void interrupt() {
                // Scripts that wait are stopped by the thread interrupt.
            }
        };
        return new ProtocolMode(launcher, "/usr/share/sysinspect", stderr, new NoPackageKit())
                .handle(request.getBytes(StandardCharsets.UTF_8)).toJson();
    }

    private static void print(GuestRun run, String text) throws IOException {
        run.stdout().write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theGuestGetsOneHeaderLineAndTheHostRootByDefault() {
        JsonNode answer = respond(sharelib.request("mod", "\"k\": [1], \"rt.x\": 0", "\"opts\": [\"o\", \"rt.y\"], \"host\": {\"h\": 1}, \"z\": 2"),
                run -> 0);
        assertEquals(0, answer.get("retcode").intValue(), answer.toString());
        assertEquals("{\"opts\":[\"o\"],\"args\":{\"k\":[1]},\"config\":{\"path.sharelib\":\"" + sharelib.root()
                + "\"},\"ext\":{\"z\":2},\"host\":{\"h\":1}}\n", new String(guestStdin, StandardCharsets.UTF_8));
        assertEquals(List.of(new Preopen(Path.of("/"), "/")), lastRun.preopens());
        assertEquals(List.of("mod"), lastRun.argv());
        assertEquals(Map.of(), lastRun.environment());
        assertEquals(sharelib.modules().resolve("mod.wasm"), lastRun.moduleFile());
    }

    @Test
    void writeDirBecomesTheGuestRoot() {
        respond(sharelib.request("mod", "\"write-dir\": \"" + dir.resolve("w") + "//\"", ""), run -> 0);
        assertEquals(List.of(new Preopen(dir.resolve("w"), "/")), lastRun.preopens());
    }

    @Test
    void outputBecomesData() {
        JsonNode answer = respond(sharelib.request("mod", "", ""), run -> {
            print(run, "{\"changed\": true, \"n\": 1}\n");
            return 0;
        });
        assertEquals("{\"retcode\":0,\"message\":\"Wasm runtime executed successfully\","
                + "\"data\":{\"changed\":true,\"n\":1,\"__sysinspect-module-logs\":[]}}", answer.toString());
    }

    @Test
    void nonZeroExitFailsTheModuleAndDropsItsOutput() {
        JsonNode answer = respond(sharelib.request("mod", "", ""), run -> {
            print(run, "{\"n\": 1}");
            return 3;
        });
        assertEquals("{\"retcode\":5,\"message\":\"Failed to run module \\\"mod\\\": module exited with status 3\"}", answer.toString());
    }

    @Test
    void engineFailuresNameTheModule() {
        JsonNode answer = respond(sharelib.request("mod", "", ""), run -> {
            throw new GuestFailure("wasm trap: unreachable", List.of("f"));
        });
        assertEquals("Failed to run module \"mod\": wasm trap: unreachable", answer.get("message").textValue());
        assertNull(answer.get("data"));
    }

    @Test
    void outputBeyondTheLimitIsAClearError() {
        JsonNode answer = respond(sharelib.request("mod", "\"rt.max-output\": 10", ""), run -> {
            print(run, "0123456789");
            try {
                print(run, "x");
            } catch (IOException expected) {
                return 1;
            }
            return 0;
        });
        assertEquals(5, answer.get("retcode").intValue());
        assertEquals("Failed to run module \"mod\": its standard output exceeded the limit of 10 bytes"
                + " (the argument \"rt.max-output\" raises it)", answer.get("message").textValue());
    }

    @Test
    void timeoutInterruptsTheGuest() {
        long started = System.nanoTime();
        JsonNode answer = respond(sharelib.request("mod", "", "\"timeout\": 1"), run -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                throw new GuestFailure("interrupted", List.of());
            }
            return 0;
        });
        assertEquals("Failed to run module \"mod\": timed out after 1 s", answer.get("message").textValue());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000);
    }

    @Test
    void guestStandardErrorGoesToTheRuntimesStandardError() {
        respond(sharelib.request("mod", "", ""), run -> {
            run.stderr().write("warning from guest\n".getBytes(StandardCharsets.UTF_8));
            return 0;
        });
        assertEquals("warning from guest\n", stderr.toString(StandardCharsets.UTF_8));
    }

    /** PackageKit is never reached in these tests. */
    private static final class NoPackageKit implements PackageKit {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Status status() throws PackageKitException {
            throw new PackageKitException("not in this test");
        }

        @Override
        public List<PackageSignal> packages(long filter) throws PackageKitException {
            throw new PackageKitException("not in this test");
        }

        @Override
        public Map<String, List<Map<String, Object>>> history(List<String> names, int count) throws PackageKitException {
            throw new PackageKitException("not in this test");
        }

        @Override
        public List<PackageSignal> resolve(long filter, List<String> names) throws PackageKitException {
            throw new PackageKitException("not in this test");
        }

        @Override
        public List<String> change(Change change, List<String> packageIds) throws PackageKitException {
            throw new PackageKitException("not in this test");
        }
    }
}
