package dev.wasmrt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options and subcommands a person uses at a terminal. */
class CommandLineEndToEndTest {
    private static final byte[] NO_INPUT = new byte[0];
    /** picocli's exit status for a command line it cannot parse. */
    private static final int USAGE_STATUS = 2;

    @TempDir
    Path dir;
    Sharelib sharelib;

    @BeforeEach
    void layOut() {
        sharelib = new Sharelib(dir.resolve("share")).install("logs").install("spin");
    }

    @Test
    void listHonoursTheSharelibOption() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "-l", "-s", sharelib.root().toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("Available Wasm/WASI modules:\n 1. logs\n 2. spin\n", result.stdout());
    }

    @Test
    void listOfAMissingSharelibFails() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "--list-modules", "--sharelib", dir.resolve("none").toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().startsWith("Failed to get WASM modules: "), result.stderr());
    }

    @Test
    void manualDescribesTheProtocol() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "--man");
        assertEquals(0, result.exitCode());
        assertTrue(result.stdout().contains("rt.mod"), result.stdout());
        assertTrue(result.stdout().contains("__sysinspect-module-logs"), result.stdout());
    }

    @Test
    void versionAndHelp() {
        RuntimeProcess.Result version = RuntimeProcess.run(NO_INPUT, dir, "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().matches("wasm-runtime \\d+\\.\\d+\\.\\d+.*\n"), version.stdout());
        RuntimeProcess.Result help = RuntimeProcess.run(NO_INPUT, dir, "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("--list-modules") && help.stdout().contains("run"), help.stdout());
    }

    @Test
    void sharelibOptionAloneIsTheProtocolWithThatDefault() {
        RuntimeProcess.Result result = RuntimeProcess.run("{\"options\": [\"rt.list\"]}".getBytes(), dir, "-s", sharelib.root().toString());
        assertEquals("{\"retcode\":0,\"message\":\"Listed available Wasm modules successfully.\","
                + "\"data\":{\"changed\":false,\"modules\":[\"logs\",\"spin\"]}}", result.json().toString());
    }

    @Test
    void runReportsATrapWithItsWasmStack() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "run",
                sharelib.install("trap").modules().resolve("trap.wat").toString());
        assertEquals(RunCommand.TRAP_STATUS, result.exitCode());
        assertTrue(result.stderr().contains("wasm trap: unreachable"), result.stderr());
        assertTrue(result.stderr().contains("Wasm stack (innermost first):\n  0: "), result.stderr());
        assertTrue(result.stderr().contains("\n  2: "), "three frames expected: " + result.stderr());
    }

    @Test
    void runExitsWithTheGuestsStatus() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "run",
                sharelib.install("status").modules().resolve("status.wat").toString());
        assertEquals(42, result.exitCode(), result.stderr());
    }

    @Test
    void runMapsDirectoriesForTheGuest() throws java.io.IOException {
        Path scratch = java.nio.file.Files.createDirectories(dir.resolve("scratch"));
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "run", "--dir", scratch + "::/",
                sharelib.install("writer").modules().resolve("writer.wat").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("{\"wrote\": \"out.txt\"}", result.stdout());
        assertEquals("written by the guest\n", java.nio.file.Files.readString(scratch.resolve("out.txt")));
    }

    @Test
    void runPrintsTheGuestLogLinesOnStandardError() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "run", sharelib.modules().resolve("logs.wat").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("INFO: [logs] starting"), result.stderr());
    }

    @Test
    void runWithTheCompilerEngineBehavesLikeTheInterpreter() {
        Path status = sharelib.install("status").modules().resolve("status.wat");
        assertEquals(42, RuntimeProcess.run(NO_INPUT, dir, "run", "--engine", "compiler", status.toString()).exitCode());
        RuntimeProcess.Result trap = RuntimeProcess.run(NO_INPUT, dir, "run", "--engine", "compiler",
                sharelib.install("trap").modules().resolve("trap.wat").toString());
        assertEquals(RunCommand.TRAP_STATUS, trap.exitCode());
        assertTrue(trap.stderr().contains("wasm trap: unreachable"), trap.stderr());
    }

    @Test
    void runRefusesBadOptions() {
        Path module = sharelib.modules().resolve("logs.wat");
        RuntimeProcess.Result unknownEngine = RuntimeProcess.run(NO_INPUT, dir, "run", "--engine", "jit", module.toString());
        assertEquals(USAGE_STATUS, unknownEngine.exitCode());
        assertTrue(unknownEngine.stderr().contains("expected interpreter or compiler"), unknownEngine.stderr());
        RuntimeProcess.Result badEnv = RuntimeProcess.run(NO_INPUT, dir, "run", "--env", "NOVALUE", module.toString());
        assertEquals(USAGE_STATUS, badEnv.exitCode());
        assertTrue(badEnv.stderr().contains("NAME=VALUE"), badEnv.stderr());
    }

    @Test
    void runOfAMissingFileFails() {
        RuntimeProcess.Result result = RuntimeProcess.run(NO_INPUT, dir, "run", dir.resolve("absent.wasm").toString());
        assertEquals(RunCommand.TRAP_STATUS, result.exitCode());
        assertTrue(result.stderr().contains("cannot read"), result.stderr());
    }
}
