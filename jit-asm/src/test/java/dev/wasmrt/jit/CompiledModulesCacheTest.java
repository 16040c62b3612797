package dev.wasmrt.jit;

import dev.wasmrt.decoder.binary.BinaryWriter;
import dev.wasmrt.decoder.text.TextParser;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompiledModulesCacheTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final PrintStream warn = new PrintStream(warnings, true, StandardCharsets.UTF_8);

    /** A module whose "answer" export returns {@code value}. */
    private static byte[] module(int value) {
        // (module (func (export "answer") (result i32) (i32.const value))), value < 64
        return new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
                1, 5, 1, 0x60, 0, 1, 0x7F,
                3, 2, 1, 0,
                7, 10, 1, 6, 'a', 'n', 's', 'w', 'e', 'r', 0, 0,
                10, 6, 1, 4, 0, 0x41, (byte) value, 0x0B};
    }

    private Path wasm(int value) throws IOException {
        Path p = dir.resolve("m.wasm");
        Files.write(p, module(value));
        return p;
    }

    private CompiledModules.Loaded load(Path wasm) throws IOException {
        return CompiledModules.loadOrCompile(wasm, new Compiler(), warn);
    }

    private static int answer(CompiledModules.Loaded loaded) {
        Instance i = Engines.store(new Compiler()).instantiate(loaded.prepared(), loaded.module(), new Imports());
        return (int) i.call("answer")[0];
    }

    private String warningText() { return warnings.toString(StandardCharsets.UTF_8); }

    @Test
    void firstRunWritesTheCacheAndTheSecondLoadsItWithoutCompiling() throws IOException {
        Path wasm = wasm(42);
        CompiledModules.Loaded first = load(wasm);
        assertFalse(first.fromCache());
        assertTrue(Files.exists(dir.resolve("m.cwasm")));
        CompiledModules.Loaded second = load(wasm);
        assertTrue(second.fromCache());
        assertEquals(42, answer(second));
        assertEquals(first.code().classes().keySet(), second.code().classes().keySet());
        assertEquals("", warningText());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("m.cwasm", "m.wasm"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void aCachedModuleStillRunsTheFunctionsLeftToTheInterpreter() throws IOException {
        Path wasm = dir.resolve("m.wasm");
        // More parameter slots than a JVM method may take: that function stays interpreted.
        Files.write(wasm, BinaryWriter.write(TextParser.parseModule(
                "(module (func $wide (param" + " i64".repeat(130) + ") (result i32) (i32.const 42))"
                        + " (func (export \"answer\") (result i32) (call $wide" + " (i64.const 0)".repeat(130) + ")))")));
        CompiledModules.Loaded first = load(wasm);
        assertFalse(first.code().fallbacks().isEmpty(), "the test needs a function the compiler leaves to the interpreter");
        CompiledModules.Loaded second = load(wasm);
        assertTrue(second.fromCache());
        assertEquals(42, answer(second));
    }

    @Test
    void aModifiedSourceInvalidatesTheEntry() throws IOException {
        load(wasm(1));
        Path wasm = wasm(2);
        CompiledModules.Loaded reloaded = load(wasm);
        assertFalse(reloaded.fromCache());
        assertEquals(2, answer(reloaded));
        assertEquals(1, warningText().lines().count(), warningText());
        assertTrue(warningText().contains("different .wasm"), warningText());
        assertTrue(load(wasm).fromCache());
    }

    @Test
    void truncatedCorruptAndForeignFilesAreRebuiltWithOneWarningEach() throws IOException {
        Path wasm = wasm(9);
        load(wasm);
        Path cache = CompiledModules.cachePath(wasm);
        byte[] good = Files.readAllBytes(cache);
        List<byte[]> damaged = new ArrayList<>();
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2));
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x40;
        damaged.add(flipped);
        damaged.add("#!/bin/sh\necho not a cache\n".getBytes(StandardCharsets.US_ASCII));
        damaged.add(new byte[0]);
        for (byte[] bad : damaged) {
            Files.write(cache, bad);
            warnings.reset();
            CompiledModules.Loaded loaded = load(wasm);
            assertFalse(loaded.fromCache());
            assertEquals(9, answer(loaded));
            assertEquals(1, warningText().lines().count(), warningText());
            assertArrayEquals(good, Files.readAllBytes(cache), "the rebuilt entry is the same as the first");
        }
    }

    @Test
    void anUnwritableCacheLocationStillRunsWithAWarning() throws IOException {
        Path wasm = wasm(5);
        // A non-empty directory where the entry should go: unwritable even for root, unlike permission bits.
        Path blocked = Files.createDirectory(CompiledModules.cachePath(wasm));
        Files.writeString(blocked.resolve("keep"), "x");
        CompiledModules.Loaded loaded = load(wasm);
        assertFalse(loaded.fromCache());
        assertEquals(5, answer(loaded));
        assertEquals(1, warningText().lines().count(), warningText());
        assertTrue(warningText().contains("cannot write"), warningText());
    }

    @Test
    void twoThreadsRacingBothSucceed() throws Exception {
        Path wasm = wasm(33);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> task = () -> {
                start.await();
                return answer(load(wasm));
            };
            List<Future<Integer>> results = List.of(pool.submit(task), pool.submit(task));
            for (Future<Integer> f : results) assertEquals(33, f.get());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(load(wasm).fromCache());
        assertEquals("", warningText());
    }

    @Test
    void differentCompilerOptionsDoNotShareAnEntry() throws IOException {
        Path wasm = wasm(7);
        load(wasm);
        CompiledModules.Loaded noTicks = CompiledModules.loadOrCompile(wasm, new Compiler(CompilerOptions.defaults().withInterruptChecks(false)), warn);
        assertFalse(noTicks.fromCache());
        assertTrue(warningText().contains("options"), warningText());
        Store store = Engines.store(new Compiler(CompilerOptions.defaults().withInterruptChecks(false)));
        assertEquals(7, (int) store.instantiate(noTicks.prepared(), noTicks.module(), new Imports()).call("answer")[0]);
    }
    @Test
    void compileToWritesAnEntryAtTheChosenPathThatLoadsWithoutCompiling() throws IOException {
        Path wasm = wasm(12);
        Path chosen = Files.createDirectory(dir.resolve("out")).resolve("ahead.cwasm");
        CompiledCode written = CompiledModules.compileTo(wasm, chosen, new Compiler());
        assertTrue(Files.exists(chosen));
        assertFalse(Files.exists(CompiledModules.cachePath(wasm)), "nothing written next to the module");
        CompiledModules.Loaded loaded = CompiledModules.loadOrCompile(wasm, chosen, new Compiler(), warn);
        assertTrue(loaded.fromCache());
        assertEquals(written.classes().keySet(), loaded.code().classes().keySet());
        assertEquals(12, answer(loaded));
        assertEquals("", warningText());
    }

    @Test
    void compileToAnUnwritablePathFails() throws IOException {
        Path wasm = wasm(3);
        Path missingDirectory = dir.resolve("absent").resolve("m.cwasm");
        assertThrows(IOException.class,
                () -> CompiledModules.compileTo(wasm, missingDirectory, new Compiler()));
    }

    @Test
    void compileToRejectsAMalformedModule() throws IOException {
        Path bad = Files.write(dir.resolve("bad.wasm"), new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        assertThrows(dev.wasmrt.decoder.DecodeException.class,
                () -> CompiledModules.compileTo(bad, dir.resolve("bad.cwasm"), new Compiler()));
        assertFalse(Files.exists(dir.resolve("bad.cwasm")));
    }
}
