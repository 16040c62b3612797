package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Wasm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed guest programs of guests/ (built by guests/build.sh) and a way to run them. */
final class Guests {
    static final Path ROOT = Path.of("..", "guests").toAbsolutePath().normalize();

    record Run(int exitCode, String stdout, String stderr) {}

    private Guests() {}

    static byte[] wasm(String name) {
        return read(ROOT.resolve("wasm").resolve(name + ".wasm"));
    }

    /** What node printed for the guest, or the corrected transcript where node is wrong (guests/wasi/README.md). */
    static String expectedStdout(String name) {
        Path corrected = ROOT.resolve("wasi/expected").resolve(name + ".stdout.txt");
        Path recorded = ROOT.resolve("wasm").resolve(name + ".stdout.txt");
        return new String(read(Files.exists(corrected) ? corrected : recorded), StandardCharsets.UTF_8);
    }

    static int expectedExitCode(String name) {
        return Integer.parseInt(new String(read(ROOT.resolve("wasm").resolve(name + ".exit.txt")), StandardCharsets.UTF_8).trim());
    }

    /** Runs guest {@code name} on {@code engine} with {@code config}, capturing its output. */
    static Run run(TestEngine engine, String name, WasiConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig withName = config.stdout(out).stderr(err);
        try (Wasi wasi = new Wasi(withName)) {
            Instance instance = engine.newStore().instantiate(Wasm.load(wasm(name)), wasi.define(new Imports()));
            int code = wasi.run(instance);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
