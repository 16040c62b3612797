package dev.wasmrt.hostapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code api.exec}: runs a host program with its standard input closed and the runtime's
 * environment, and reports {@code {"exit_code", "stdout", "stderr"}}. A program killed by signal
 * N reports 128 + N, as a shell would (the original reported 1, losing which signal it was).
 */
final class HostCommand {
    static final int CANNOT_START = 127;

    private HostCommand() {}

    /** The parsed request, or null when it is not {@code {"argv": [strings, ...], "cwd"?: string}}. */
    static Request parse(JsonNode request) {
        if (request == null || !request.isObject() || !request.path("argv").isArray() || request.get("argv").isEmpty()) {
            return null;
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode element : request.get("argv")) {
            if (!element.isTextual()) {
                return null;
            }
            argv.add(element.textValue());
        }
        JsonNode cwd = request.get("cwd");
        if (cwd != null && !cwd.isNull() && !cwd.isTextual()) {
            return null;
        }
        return new Request(argv, cwd == null || cwd.isNull() ? null : cwd.textValue());
    }

    record Request(List<String> argv, String cwd) {}

    /** Runs the program to its end; an interrupt kills it and leaves the thread interrupted. */
    static ObjectNode run(Request request) {
        ProcessBuilder builder = new ProcessBuilder(request.argv());
        if (request.cwd() != null) {
            File cwd = new File(request.cwd());
            if (!cwd.isDirectory()) {
                return result(CANNOT_START, "", "cannot use \"" + request.cwd() + "\" as working directory: not a directory");
            }
            builder.directory(cwd);
        }
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            return result(CANNOT_START, "", String.valueOf(e.getMessage()));
        }
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try {
            int exitCode = process.waitFor();
            return result(exitCode, text(stdout.get()), text(stderr.get()));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return result(CANNOT_START, "", "interrupted");
        } catch (ExecutionException e) {
            return result(process.exitValue(), "", "cannot read the program's output: " + e.getCause().getMessage());
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                bytes.complete(stream.readAllBytes());
            } catch (IOException e) {
                bytes.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return bytes;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ObjectNode result(int exitCode, String stdout, String stderr) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("exit_code", exitCode);
        result.put("stdout", stdout);
        result.put("stderr", stderr);
        return result;
    }
}
