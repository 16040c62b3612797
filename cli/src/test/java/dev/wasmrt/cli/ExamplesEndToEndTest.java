package dev.wasmrt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed example modules (C and Rust, in examples/), as the README runs them. */
class ExamplesEndToEndTest {
    private static final Path SHARELIB = Path.of(System.getProperty("wasm.examples", "../examples"), "sharelib").toAbsolutePath();

    @TempDir
    Path dir;

    private JsonNode answer(String arguments) {
        RuntimeProcess.Result result = RuntimeProcess.protocol(
                "{\"arguments\": {" + arguments + "}, \"config\": {\"path.sharelib\": \"" + SHARELIB + "\"}}", dir);
        assertEquals(0, result.exitCode(), result.stderr());
        return result.json();
    }

    @Test
    void theProtocolCompilesAndCachesByDefaultKeyedOnTheModulesContent() throws IOException {
        Path modules = Files.createDirectories(dir.resolve("share/lib/runtime/wasm"));
        Files.copy(SHARELIB.resolve("lib/runtime/wasm/hello.wasm"), modules.resolve("hello.wasm"));
        String request = "{\"arguments\": {\"rt.mod\": \"hello\", \"name\": 1}, \"config\": {\"path.sharelib\": \"" + dir.resolve("share") + "\"}}";
        Map<String, String> defaults = Map.of(); // no engine named: the protocol's default

        JsonNode first = RuntimeProcess.run(defaults, request.getBytes(StandardCharsets.UTF_8), dir).json();
        assertEquals("Hello from C", first.get("data").get("greeting").textValue(), first.toString());
        assertTrue(Files.isRegularFile(modules.resolve("hello.cwasm")), "no compiled-code cache written");
        JsonNode cached = RuntimeProcess.run(defaults, request.getBytes(StandardCharsets.UTF_8), dir).json();
        assertEquals(first.get("data").get("greeting"), cached.get("data").get("greeting"));

        // A different module under the same name must not run the old compiled code.
        Files.copy(SHARELIB.resolve("lib/runtime/wasm/reader.wasm"), modules.resolve("hello.wasm"), StandardCopyOption.REPLACE_EXISTING);
        JsonNode replaced = RuntimeProcess.run(defaults, request.getBytes(StandardCharsets.UTF_8), dir).json();
        assertEquals("the argument path must be a string", replaced.get("data").get("error").textValue(), replaced.toString());
    }

    @Test
    void aDamagedCacheIsRebuiltWithOneNoteThatQuietSilences() throws IOException {
        Path modules = Files.createDirectories(dir.resolve("share/lib/runtime/wasm"));
        Files.copy(SHARELIB.resolve("lib/runtime/wasm/hello.wasm"), modules.resolve("hello.wasm"));
        for (boolean quiet : new boolean[] {false, true}) {
            Files.write(modules.resolve("hello.cwasm"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'c', 'a', 'c', 'h', 'e'});
            String request = "{\"arguments\": {\"rt.mod\": \"hello\"}, \"config\": {\"path.sharelib\": \""
                    + dir.resolve("share") + "\"}, \"quiet\": " + quiet + "}";
            RuntimeProcess.Result result = RuntimeProcess.run(Map.of(), request.getBytes(StandardCharsets.UTF_8), dir);
            assertEquals("Hello from C", result.json().get("data").get("greeting").textValue(), result.stdout());
            assertEquals(quiet ? 0 : 1, result.stderr().lines().filter(line -> line.contains("hello.cwasm")).count(), result.stderr());
            assertTrue(Files.size(modules.resolve("hello.cwasm")) > 1_000, "cache not rebuilt");
        }
    }

    @Test
    void examplesAreListed() {
        RuntimeProcess.Result result = RuntimeProcess.protocol(
                "{\"opts\": [\"rt.list\"], \"config\": {\"path.sharelib\": \"" + SHARELIB + "\"}}", dir);
        assertEquals("[\"hello\",\"reader\"]", result.json().get("data").get("modules").toString());
    }

    @Test
    void cGuestGreetsWithHeaderLookupsAndLogs() {
        JsonNode data = answer("\"rt.mod\": \"hello\", \"name\": {\"first\": \"Ada\"}").get("data");
        assertEquals("Hello from C", data.get("greeting").textValue(), data.toString());
        assertEquals("{\"first\":\"Ada\"}", data.get("name").toString());
        assertEquals(true, data.get("has_host").booleanValue());
        assertEquals(1, data.get("__sysinspect-module-logs").size());
        assertTrue(data.get("__sysinspect-module-logs").get(0).textValue().endsWith("INFO: [hello] hello: preparing a greeting"));
    }

    @Test
    void cGuestDocumentsItselfWithMan() {
        JsonNode data = answer("\"rt.mod\": \"hello\", \"rt.man\": true").get("data");
        assertEquals("hello", data.get("name").textValue(), data.toString());
        assertTrue(data.get("arguments").has("name"));
    }

    @Test
    void rustGuestReadsAHostFileThroughWasi() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "first line \"quoted\"\nsecond\n");
        JsonNode data = answer("\"rt.mod\": \"reader\", \"path\": \"" + file + "\"").get("data");
        assertEquals(file.toString(), data.get("path").textValue(), data.toString());
        assertEquals(Files.size(file), data.get("size").longValue());
        assertEquals("first line \"quoted\"", data.get("first_line").textValue());
    }

    @Test
    void rustGuestReadsALongArgumentByGrowingItsBuffer() throws IOException {
        Path deep = Files.createDirectories(dir.resolve("d".repeat(200)).resolve("e".repeat(200)));
        Path file = Files.writeString(deep.resolve("f.txt"), "deep\n");
        JsonNode data = answer("\"rt.mod\": \"reader\", \"path\": \"" + file + "\"").get("data");
        assertEquals("deep", data.get("first_line").textValue(), data.toString());
    }

    @Test
    void rustGuestReportsAMissingFileAndLogsTheError() {
        JsonNode data = answer("\"rt.mod\": \"reader\", \"path\": \"" + dir.resolve("absent") + "\"").get("data");
        assertTrue(data.has("error"), data.toString());
        JsonNode logs = data.get("__sysinspect-module-logs");
        assertEquals(2, logs.size());
        assertTrue(logs.get(1).textValue().contains("ERROR: [reader]"), logs.toString());
    }
}
