package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** WASI reads the memory of the instance whose code made the call, not the one that started the run. */
class CallingInstanceTest {
    /** Writes {@code text} to stdout from its own memory: iovec at 0, text at 16, count at 8. */
    private static String printer(String text, String extraImport) {
        return """
                (module
                  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
                  %s
                  (memory (export "memory") 1)
                  (data (i32.const 16) "%s")
                  (func $print (export "print")
                    (i32.store (i32.const 0) (i32.const 16))
                    (i32.store (i32.const 4) (i32.const %d))
                    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
                  (func (export "_start") %s (call $print)))"""
                .formatted(extraImport, text.replace("\n", "\\n"), text.length(),
                        extraImport.isEmpty() ? "" : "(call $library)");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void eachInstanceWritesFromItsOwnMemory(TestEngine engine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = new Wasi(new WasiConfig().stdout(out))) {
            Store store = engine.newStore();
            Imports imports = wasi.define(new Imports());
            Instance library = store.instantiate(Wasm.parse(printer("from the library\n", "")), imports);
            imports.defineAll("library", library);
            Instance main = store.instantiate(
                    Wasm.parse(printer("from main\n", "(import \"library\" \"print\" (func $library))")), imports);
            assertEquals(0, wasi.run(main));
        }
        assertEquals("from the library\nfrom main\n", out.toString(StandardCharsets.UTF_8));
    }
}
