package dev.wasmrt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasmrt.cli.engine.EngineKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasm-runtime compile}: ahead-of-time compilation into the cache file the compiler engine loads. */
class CompileCommandEndToEndTest {
    private static final byte[] NO_INPUT = new byte[0];
    private static final Path EXAMPLES = Path.of(System.getProperty("wasm.examples", "../examples"), "sharelib").toAbsolutePath();

    @TempDir
    Path dir;

    private Path installHello() throws IOException {
        Path modules = Files.createDirectories(dir.resolve("share/lib/runtime/wasm"));
        return Files.copy(EXAMPLES.resolve("lib/runtime/wasm/hello.wasm"), modules.resolve("hello.wasm"));
    }

    @Test
    void writesTheCacheBesideTheModuleAndTheCompilerEngineUsesIt() throws IOException {
        Path hello = installHello();
        Path cache = hello.resolveSibling("hello.cwasm");
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "compile", hello.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().startsWith("wrote " + cache + " ("), result.stdout());
        byte[] written = Files.readAllBytes(cache);

        String request = "{\"arguments\": {\"rt.mod\": \"hello\", \"name\": 1}, \"config\": {\"path.sharelib\": \"" + dir.resolve("share") + "\"}}";
        RuntimeProcess.Result run = RuntimeProcess.run(Map.of(EngineKind.ENVIRONMENT, "compiler"), request.getBytes(StandardCharsets.UTF_8), dir);
        JsonNode answer = run.json();
        assertEquals("Hello from C", answer.get("data").get("greeting").textValue(), answer.toString());
        assertFalse(run.stderr().contains("rebuilding"), "the entry should have matched: " + run.stderr());
        assertArrayEquals(written, Files.readAllBytes(cache), "a matching entry is not rewritten");
    }

    @Test
    void outputOptionChoosesThePath() throws IOException {
        Path hello = installHello();
        Path chosen = dir.resolve("elsewhere.cwasm");
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "compile", hello.toString(), "-o", chosen.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(Files.size(chosen) > 0);
        assertFalse(Files.exists(hello.resolveSibling("hello.cwasm")));
    }

    @Test
    void aMissingModuleFails() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "compile", dir.resolve("absent.wasm").toString());
        assertEquals(CompileCommand.FAILURE_STATUS, result.exitCode());
        assertTrue(result.stderr().startsWith("Error: no such file: "), result.stderr());
    }

    @Test
    void aMalformedModuleFailsWithTheDecodersReasonAndWritesNothing() throws IOException {
        Path text = Files.writeString(dir.resolve("text.wasm"), "(module)");
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "compile", text.toString());
        assertEquals(CompileCommand.FAILURE_STATUS, result.exitCode());
        assertTrue(result.stderr().startsWith("Error: malformed module " + text + ": "), result.stderr());
        assertFalse(Files.exists(dir.resolve("text.cwasm")));
    }

    @Test
    void aTextModuleCompilesLikeABinaryOne() throws IOException {
        Path text = Files.writeString(dir.resolve("m.wat"), "(module (func (export \"f\") (result i32) (i32.const 7)))");
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "compile", text.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(Files.isRegularFile(dir.resolve("m.cwasm")), "no cache entry for the text module");
    }

    @Test
    void anInvalidModuleFails() throws IOException {
        // (module (func (result i32))): the body leaves nothing for its i32 result.
        byte[] invalid = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7F, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x0B};
        Path module = Files.write(dir.resolve("invalid.wasm"), invalid);
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "compile", module.toString());
        assertEquals(CompileCommand.FAILURE_STATUS, result.exitCode());
        assertTrue(result.stderr().startsWith("Error: invalid module " + module + ": "), result.stderr());
    }

    @Test
    void anOutputInAMissingDirectoryFails() throws IOException {
        Path hello = installHello();
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "compile", hello.toString(), "-o", dir.resolve("no/such/dir/x.cwasm").toString());
        assertEquals(CompileCommand.FAILURE_STATUS, result.exitCode());
        assertTrue(result.stderr().startsWith("Error: cannot compile " + hello + " to "), result.stderr());
    }
}
