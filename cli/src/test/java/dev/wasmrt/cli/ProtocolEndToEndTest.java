package dev.wasmrt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protocol mode as Sysinspect uses it: a fresh process, one request in, one JSON answer out, exit 0. */
class ProtocolEndToEndTest {
    private static final String LOG_LINE = "\\[\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d] - ";

    @TempDir
    Path dir;
    Sharelib sharelib;

    @BeforeEach
    void layOut() {
        sharelib = new Sharelib(dir.resolve("share"));
    }

    private JsonNode answer(String request) {
        RuntimeProcess.Result result = RuntimeProcess.protocol(request, dir);
        assertEquals(0, result.exitCode(), result.stderr());
        assertFalse(result.stdout().contains("\tat "), "a stack trace reached stdout");
        return result.json();
    }

    @Test
    void listsModulesSorted() {
        sharelib.install("spin").install("logs").installFile("corrupt.wasm", new byte[] {1, 2, 3});
        JsonNode answer = answer("{\"options\": [\"rt.list\"], \"config\": {\"path.sharelib\": \"" + sharelib.root() + "/\"}}");
        assertEquals("{\"retcode\":0,\"message\":\"Listed available Wasm modules successfully.\","
                + "\"data\":{\"changed\":false,\"modules\":[\"corrupt\",\"logs\",\"spin\"]}}", answer.toString());
    }

    @Test
    void listingAMissingDirectoryFails() {
        JsonNode answer = answer("{\"options\": [\"rt.list\"], \"config\": {\"path.sharelib\": \"" + dir.resolve("absent") + "\"}}");
        assertEquals(3, answer.get("retcode").intValue());
        assertTrue(answer.get("message").textValue().startsWith("Failed to get WASM modules: "), answer.toString());
    }

    @Test
    void unknownModulesAreNotFound() {
        sharelib.install("logs");
        for (String id : new String[] {"nope", "../share/lib/runtime/wasm/logs", "logs.wat", ""}) {
            JsonNode answer = answer(sharelib.request(id, "", ""));
            assertEquals("{\"retcode\":4,\"message\":\"Module \\\"" + id.replace("\"", "\\\"") + "\\\" was not found\"}",
                    answer.toString());
        }
        assertEquals("{\"retcode\":4,\"message\":\"Module \\\"\\\" was not found\"}",
                answer("{\"config\": {\"path.sharelib\": \"" + sharelib.root() + "\"}}").toString());
    }

    @Test
    void badRequestsAreAnsweredInJson() {
        for (String bad : new String[] {"", "not json", "{\"timeout\": 300}", "{\"quiet\": 1}", "[]", "{\"opts\": {}}"}) {
            JsonNode answer = answer(bad);
            assertEquals(4, answer.get("retcode").intValue(), bad);
            assertTrue(answer.get("message").textValue().startsWith("Arguments error: "), answer.toString());
        }
    }

    @Test
    void emptyOrRootSharelibIsAConfigurationError() {
        for (String value : new String[] {"\"\"", "\"/\"", "false"}) {
            JsonNode answer = answer("{\"arguments\": {\"rt.mod\": \"x\"}, \"config\": {\"path.sharelib\": " + value + "}}");
            assertEquals("{\"retcode\":4,\"message\":\"Config entry \\\"path.sharelib\\\" is missing or empty\"}", answer.toString());
        }
    }

    @Test
    void relativeWriteDirIsRefusedEvenForListing() {
        JsonNode answer = answer("{\"options\": [\"rt.list\"], \"arguments\": {\"write-dir\": \"out\"},"
                + " \"config\": {\"path.sharelib\": \"" + sharelib.root() + "\"}}");
        assertEquals(4, answer.get("retcode").intValue());
        assertTrue(answer.get("message").textValue().contains("write-dir"), answer.toString());
    }

    @Test
    void hostLogLinesReachTheResponseEvenWithoutOutput() {
        sharelib.install("logs");
        JsonNode answer = answer(sharelib.request("logs", "", ""));
        assertEquals(0, answer.get("retcode").intValue(), answer.toString());
        assertEquals("Wasm runtime executed successfully", answer.get("message").textValue());
        JsonNode data = answer.get("data");
        assertEquals(false, data.get("changed").booleanValue());
        assertTrue(data.get("data").isNull());
        JsonNode logs = data.get("__sysinspect-module-logs");
        assertEquals(2, logs.size(), data.toString());
        assertTrue(logs.get(0).textValue().matches(LOG_LINE + "INFO: \\[logs] starting"), logs.toString());
        assertTrue(logs.get(1).textValue().matches(LOG_LINE + "ERROR: \\[logs] something failed"), logs.toString());
    }

    @Test
    void writeDirIsCreated() {
        sharelib.install("logs");
        Path writeDir = dir.resolve("out/nested");
        JsonNode answer = answer(sharelib.request("logs", "\"write-dir\": \"" + writeDir + "/\"", ""));
        assertEquals(0, answer.get("retcode").intValue(), answer.toString());
        assertTrue(Files.isDirectory(writeDir));
    }

    @Test
    void trapFailsTheModuleAndDropsItsLogs() {
        sharelib.install("trap");
        assertEquals("{\"retcode\":5,\"message\":\"Failed to run module \\\"trap\\\": wasm trap: unreachable\"}",
                answer(sharelib.request("trap", "", "")).toString());
    }

    @Test
    void timeoutStopsARunawayGuest() {
        sharelib.install("spin");
        RuntimeProcess.Result result = RuntimeProcess.protocol(sharelib.request("spin", "", "\"timeout\": 1"), dir);
        assertEquals(0, result.exitCode());
        assertEquals("{\"retcode\":5,\"message\":\"Failed to run module \\\"spin\\\": timed out after 1 s\"}", result.json().toString());
        assertTrue(result.millis() < 30_000, "took " + result.millis() + " ms");
    }

    @Test
    void modulesThatCannotStartFail() {
        sharelib.install("nostart").install("foreign")
                .installFile("garbage.wasm", "this is not wasm".getBytes(StandardCharsets.UTF_8))
                .installFile("truncated.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 9, 1})
                .installFile("broken.wat", "(module (func (export \"_start\") (i32.add)))".getBytes(StandardCharsets.UTF_8))
                .installFile("unclosed.wat", "(module (func".getBytes(StandardCharsets.UTF_8));
        String[][] expectations = {
            {"nostart", "_start"},
            {"foreign", "unknown import"},
            {"garbage", "malformed module"},
            {"truncated", "malformed module"},
            {"broken", "invalid module"},
            {"unclosed", "malformed module"},
        };
        for (String[] expected : expectations) {
            JsonNode answer = answer(sharelib.request(expected[0], "", ""));
            assertEquals(5, answer.get("retcode").intValue(), answer.toString());
            String message = answer.get("message").textValue();
            assertTrue(message.startsWith("Failed to run module \"" + expected[0] + "\": "), message);
            assertTrue(message.contains(expected[1]), message);
        }
    }
}
