package dev.wasmrt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code wasm-runtime} (its main class) in a fresh JVM, as Sysinspect or a person would. */
final class RuntimeProcess {
    private static final long LIMIT_SECONDS = 120;

    record Result(int exitCode, String stdout, String stderr, long millis) {
        /** Standard output as the one JSON object protocol mode must print. */
        JsonNode json() {
            try {
                String[] lines = stdout.split("\n");
                if (lines.length != 1) {
                    throw new AssertionError("expected one line on stdout, got: " + stdout + "\nstderr: " + stderr);
                }
                return new ObjectMapper().readTree(lines[0]);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + stdout + "\nstderr: " + stderr, e);
            }
        }
    }

    private RuntimeProcess() {}

    static Result run(byte[] stdin, Path workingDirectory, String... args) {
        return run(Map.of(), stdin, workingDirectory, args);
    }

    /** Runs with {@code environment} added to this process's environment. */
    static Result run(Map<String, String> environment, byte[] stdin, Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dslf4j.internal.verbosity=ERROR", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return execute(command, environment, stdin, workingDirectory);
    }

    /** Runs {@code command} with {@code environment} added to this process's environment. */
    static Result execute(List<String> command, Map<String, String> environment, byte[] stdin, Path workingDirectory) {
        long started = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // The runtime may exit before reading everything; its answer still counts.
            }
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("wasm-runtime did not exit within " + LIMIT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Result protocol(String request, Path workingDirectory) {
        return run(request.getBytes(StandardCharsets.UTF_8), workingDirectory);
    }

    private static CompletableFuture<byte[]> drain(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
