package dev.wasmrt.hostapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode run(String request) throws Exception {
        HostCommand.Request parsed = HostCommand.parse(JSON.readTree(request));
        assertNotNull(parsed, request);
        return HostCommand.run(parsed);
    }

    @Test
    void reportsExitCodeAndBothStreams() throws Exception {
        JsonNode result = run("{\"argv\": [\"sh\", \"-c\", \"echo out; echo err >&2; exit 3\"]}");
        assertEquals("{\"exit_code\":3,\"stdout\":\"out\\n\",\"stderr\":\"err\\n\"}", result.toString());
    }

    @Test
    void runsInTheRequestedDirectory(@TempDir Path dir) throws Exception {
        JsonNode result = run("{\"argv\": [\"pwd\"], \"cwd\": \"" + dir + "\"}");
        assertEquals(dir.toRealPath() + "\n", result.get("stdout").textValue());
    }

    @Test
    void standardInputIsClosed() throws Exception {
        assertEquals("0", run("{\"argv\": [\"sh\", \"-c\", \"wc -c\"]}").get("stdout").textValue().strip());
    }

    @Test
    void invalidUtf8OutputIsReplaced() throws Exception {
        assertEquals("a\uFFFDb", run("{\"argv\": [\"printf\", \"a\\\\377b\"]}").get("stdout").textValue());
    }

    @Test
    void programKilledBySignalReports128PlusSignal() throws Exception {
        assertEquals(128 + 9, run("{\"argv\": [\"sh\", \"-c\", \"kill -9 $$\"]}").get("exit_code").intValue());
    }

    @Test
    void programThatCannotStartReports127() throws Exception {
        JsonNode missing = run("{\"argv\": [\"/nonexistent/program\"]}");
        assertEquals(127, missing.get("exit_code").intValue());
        assertEquals("", missing.get("stdout").textValue());
        assertTrue(missing.get("stderr").textValue().contains("/nonexistent/program"), missing.toString());
        JsonNode badCwd = run("{\"argv\": [\"true\"], \"cwd\": \"/nonexistent/dir\"}");
        assertEquals(127, badCwd.get("exit_code").intValue());
        assertTrue(badCwd.get("stderr").textValue().contains("/nonexistent/dir"), badCwd.toString());
    }

    @Test
    void malformedRequestsAreRejected() throws Exception {
        for (String bad : new String[] {"{}", "{\"argv\": []}", "{\"argv\": \"ls\"}", "{\"argv\": [1]}",
            "{\"argv\": [\"ls\"], \"cwd\": 5}", "[\"ls\"]"}) {
            assertNull(HostCommand.parse(JSON.readTree(bad)), bad);
        }
    }

    @Test
    void anInterruptKillsTheProgram() throws Exception {
        HostCommand.Request sleep = HostCommand.parse(JSON.readTree("{\"argv\": [\"sleep\", \"30\"]}"));
        JsonNode[] result = new JsonNode[1];
        Thread runner = new Thread(() -> result[0] = HostCommand.run(sleep));
        long started = System.nanoTime();
        runner.start();
        Thread.sleep(300);
        runner.interrupt();
        runner.join(5_000);
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "the program outlived the interrupt");
        assertEquals(127, result[0].get("exit_code").intValue());
    }
}
