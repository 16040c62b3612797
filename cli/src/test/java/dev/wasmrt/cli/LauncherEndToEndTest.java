package dev.wasmrt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged executable's start-up cache: whatever state the per-user cache directory is in,
 * protocol mode still prints exactly its one JSON response on standard output.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherEndToEndTest {
    /** Assembling the cache runs in the background and takes seconds on a loaded machine. */
    private static final long CACHE_WAIT_MILLIS = 180_000;

    @TempDir
    static Path shared;
    static Path executable;

    @TempDir
    Path dir;
    Sharelib sharelib;

    @BeforeAll
    static void buildExecutable() {
        executable = LauncherExecutable.build(shared.resolve("wasm-runtime"));
    }

    @BeforeEach
    void layOut() {
        sharelib = new Sharelib(dir.resolve("share")).install("logs");
    }

    private RuntimeProcess.Result call(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("JAVA_HOME", System.getProperty("java.home"));
        all.put("WASM_RUNTIME_AOT_CACHE", "on");
        byte[] request = sharelib.request("logs", "", "").getBytes(StandardCharsets.UTF_8);
        return RuntimeProcess.execute(List.of(executable.toString()), all, request, dir);
    }

    private static void assertAnswered(RuntimeProcess.Result result) {
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode answer = result.json();
        assertEquals(0, answer.get("retcode").intValue(), answer + "\nstderr: " + result.stderr());
        assertEquals("Wasm runtime executed successfully", answer.get("message").textValue());
        assertEquals(2, answer.get("data").get("__sysinspect-module-logs").size(), answer.toString());
    }

    @Test
    void runsWhenTheCacheDirectoryCannotBeCreated() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        RuntimeProcess.Result result = call(Map.of("XDG_CACHE_HOME", notADirectory.resolve("cache").toString()));
        assertAnswered(result);
        assertEquals("", Files.readString(notADirectory));
    }

    @Test
    void runsWithoutAnyCacheDirectory() {
        assertAnswered(call(Map.of("XDG_CACHE_HOME", "", "HOME", "")));
    }

    @Test
    void createsTheCacheThenSurvivesItsCorruption() throws Exception {
        Path cacheHome = dir.resolve("cache");
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cacheHome.toString());
        assertAnswered(call(environment));
        Path cache = awaitCache(cacheHome);

        assertAnswered(call(environment));
        assertTrue(Files.exists(cache), "a usable cache must stay");

        Files.write(cache, "not an AOT cache".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        assertAnswered(call(environment));
        assertFalse(Files.exists(cache), "a refused cache is deleted so the next run records a new one");
        assertAnswered(call(environment));
        awaitCache(cacheHome);
    }

    /** The cache, once the background job that assembles it has finished (its lock is gone). */
    private static Path awaitCache(Path cacheHome) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + CACHE_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<String> names = fileNames(cacheHome);
            Optional<String> cache = names.stream().filter(name -> name.endsWith(".aot")).findFirst();
            if (cache.isPresent() && names.stream().noneMatch(name -> name.endsWith(".lock"))) {
                try (Stream<Path> files = Files.walk(cacheHome)) {
                    return files.filter(file -> file.getFileName().toString().equals(cache.get())).findFirst().orElseThrow();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no AOT cache appeared under " + cacheHome + ": " + fileNames(cacheHome));
    }

    private static List<String> fileNames(Path cacheHome) throws IOException {
        if (!Files.isDirectory(cacheHome)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cacheHome)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
