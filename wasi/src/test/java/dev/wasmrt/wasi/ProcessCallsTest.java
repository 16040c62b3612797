package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** proc_exit, proc_raise, random_get, environment encoding and pointer faults. */
class ProcessCallsTest {
    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void procExitEndsTheGuestWithItsCode(TestEngine engine) {
        try (WasiHarness h = new WasiHarness(engine, new WasiConfig(), "proc_exit", "i")) {
            WasiExit exit = assertThrows(WasiExit.class, () -> h.instance.call("proc_exit", 42));
            assertEquals(42, exit.code());
            assertEquals(0, exit.signal());
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aGuestWithoutMemoryCanExitButNotPassPointers(TestEngine engine) {
        String wat = """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
                  (func (export "sizes") (result i32) (call $sizes (i32.const 0) (i32.const 4)))
                  (func (export "_start") (call $exit (i32.const 3))))""";
        try (Wasi wasi = new Wasi(new WasiConfig())) {
            Instance instance = engine.newStore().instantiate(Wasm.parse(wat), wasi.define(new Imports()));
            assertEquals(Errno.FAULT, (int) instance.call("sizes")[0]);
            assertEquals(3, wasi.run(instance));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void procExitFromAStartFunctionNeedsNoExportedMemory(TestEngine engine) {
        String wat = """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory 1)
                  (func $init (call $exit (i32.const 9)))
                  (start $init))""";
        try (Wasi wasi = new Wasi(new WasiConfig())) {
            Imports imports = wasi.define(new Imports());
            WasiExit exit = assertThrows(WasiExit.class, () -> engine.newStore().instantiate(Wasm.parse(wat), imports));
            assertEquals(9, exit.code());
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void exitingFromDeepRecursionGivesTheCallDepthBack(TestEngine engine) {
        String wat = """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (func $down (export "down") (param $n i32)
                    (if (i32.eqz (local.get $n)) (then (call $exit (i32.const 4))))
                    (call $down (i32.sub (local.get $n) (i32.const 1)))))""";
        try (Wasi wasi = new Wasi(new WasiConfig())) {
            Instance instance = engine.newStore().instantiate(Wasm.parse(wat), wasi.define(new Imports()));
            // Four exits from 3000 frames deep: more than the default depth limit if any frame stayed counted.
            for (int i = 0; i < 4; i++) {
                WasiExit exit = assertThrows(WasiExit.class, () -> instance.call("down", 3000));
                assertEquals(4, exit.code());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aWasmCatchAllCannotStopProcExit(TestEngine engine) {
        String wat = """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (func (export "_start")
                    (block $caught
                      (try_table (catch_all $caught) (call $exit (i32.const 6))))
                    (call $exit (i32.const 7))))""";
        try (Wasi wasi = new Wasi(new WasiConfig())) {
            Instance instance = engine.newStore().instantiate(Wasm.parse(wat), wasi.define(new Imports()));
            assertEquals(6, wasi.run(instance));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void procRaiseTerminatesLikeAShellReportsASignal(TestEngine engine) {
        try (WasiHarness h = new WasiHarness(engine, new WasiConfig(), "proc_raise", "i")) {
            WasiExit exit = assertThrows(WasiExit.class, () -> h.call("proc_raise", 15));
            assertEquals(128 + 15, exit.code());
            assertEquals(15, exit.signal());
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void procRaiseOfIgnoredSignalsReturns(TestEngine engine) {
        try (WasiHarness h = new WasiHarness(engine, new WasiConfig(), "proc_raise", "i")) {
            assertEquals(Errno.SUCCESS, h.call("proc_raise", 0));
            assertEquals(Errno.SUCCESS, h.call("proc_raise", 16)); // SIGCHLD
            assertEquals(Errno.SUCCESS, h.call("proc_raise", 27)); // SIGWINCH
            assertEquals(Errno.INVAL, h.call("proc_raise", 31));
            assertEquals(Errno.INVAL, h.call("proc_raise", -1));
        }
    }

    private static byte[] randomBytes(TestEngine engine, Random source, int length) {
        try (WasiHarness h = new WasiHarness(engine, new WasiConfig().random(source), "random_get", "ii")) {
            assertEquals(Errno.SUCCESS, h.call("random_get", 8, length));
            byte[] bytes = new byte[length + 16];
            h.memory.read(0, bytes, 0, bytes.length);
            return bytes;
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void randomGetFillsExactlyTheRangeFromTheConfiguredSource(TestEngine engine) {
        for (int length : new int[] {13, 65536 - 16}) {
            byte[] first = randomBytes(engine, new Random(7), length);
            assertArrayEquals(first, randomBytes(engine, new Random(7), length), "same seed, same bytes");
            assertFalse(Arrays.equals(first, randomBytes(engine, new Random(8), length)), "another seed, other bytes");
            for (int i = 0; i < 8; i++) assertEquals(0, first[i], "nothing before the range");
            for (int i = length + 8; i < length + 16; i++) assertEquals(0, first[i], "nothing after the range");
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void environmentIsNameEqualsValueNulTerminated(TestEngine engine) {
        WasiConfig config = new WasiConfig().env("A", "1").env("LANG", "é");
        try (WasiHarness h = new WasiHarness(engine, config, "environ_sizes_get", "ii", "environ_get", "ii")) {
            assertEquals(Errno.SUCCESS, h.call("environ_sizes_get", 0, 4));
            assertEquals(2, h.i32(0));
            assertEquals("A=1\0LANG=é\0".getBytes(StandardCharsets.UTF_8).length, h.i32(4));
            assertEquals(Errno.SUCCESS, h.call("environ_get", 16, 64));
            assertEquals(64, h.i32(16));
            assertEquals(68, h.i32(20));
            assertEquals("A=1\0LANG=é\0", h.string(64, 12));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void pointersOutsideMemoryAreFault(TestEngine engine) {
        try (WasiHarness h = new WasiHarness(engine, new WasiConfig().arg("x"), "args_sizes_get", "ii", "clock_time_get", "iIi",
                "random_get", "ii")) {
            assertEquals(Errno.FAULT, h.call("args_sizes_get", 65534, 0));
            assertEquals(Errno.FAULT, h.call("clock_time_get", 0, 1, -4));
            assertEquals(Errno.FAULT, h.call("random_get", 65530, 7));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void hugeLengthsFromAHostileGuestAreFaultsNotHostAllocations(TestEngine engine) {
        try (WasiHarness h = new WasiHarness(engine, new WasiConfig().preopen("/", Path.of(".")), "path_open", "iiiiiIIii",
                "poll_oneoff", "iiii", "fd_write", "iiii")) {
            assertEquals(Errno.FAULT, h.call("path_open", 3, 0, 0, -1, 0, 0, 0, 0, 0));
            assertEquals(Errno.FAULT, h.call("poll_oneoff", 0, 0, Integer.MAX_VALUE, 0));
            // One iovec claiming 4 GiB at address 0: the write stops at the transfer limit, then faults past memory.
            h.memory.storeI32(100, 0);
            h.memory.storeI32(104, -1);
            assertEquals(Errno.FAULT, h.call("fd_write", 1, 100, 1, 200));
            assertEquals(Errno.INVAL, h.call("fd_write", 1, 100, 100000, 200));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void clocksAreInvalForUnknownIds(TestEngine engine) {
        try (WasiHarness h = new WasiHarness(engine, new WasiConfig(), "clock_res_get", "ii", "clock_time_get", "iIi")) {
            assertEquals(Errno.INVAL, h.call("clock_res_get", 4, 0));
            assertEquals(Errno.INVAL, h.call("clock_time_get", -1, 0, 0));
            assertEquals(Errno.SUCCESS, h.call("clock_time_get", 1, 0, 0));
            long first = h.i64(0);
            assertEquals(Errno.SUCCESS, h.call("clock_time_get", 1, 0, 0));
            assertTrue(h.i64(0) >= first);
        }
    }
}
