package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Wasm;

import java.nio.charset.StandardCharsets;

/**
 * A tiny guest written in the text format that re-exports chosen WASI functions through Wasm
 * wrappers (so the host sees a Wasm caller, as with a real guest), plus access to its memory.
 */
final class WasiHarness implements AutoCloseable {
    final Wasi wasi;
    final Instance instance;
    final Memory memory;

    /** {@code functions} alternates WASI names and parameter letters ({@code i} i32, {@code I} i64). */
    WasiHarness(TestEngine engine, WasiConfig config, String... functions) {
        StringBuilder imports = new StringBuilder();
        StringBuilder wrappers = new StringBuilder();
        for (int i = 0; i < functions.length; i += 2) {
            String name = functions[i];
            String params = functions[i + 1];
            String type = "(param" + params.chars().mapToObj(c -> c == 'I' ? " i64" : " i32").reduce("", String::concat) + ")"
                    + (name.equals("proc_exit") ? "" : " (result i32)");
            imports.append("  (import \"wasi_snapshot_preview1\" \"").append(name).append("\" (func $").append(name)
                   .append(' ').append(type).append("))\n");
            wrappers.append("  (func (export \"").append(name).append("\") ").append(type);
            for (int p = 0; p < params.length(); p++) wrappers.append(" local.get ").append(p);
            wrappers.append(" call $").append(name).append(")\n");
        }
        String wat = "(module\n" + imports + "  (memory (export \"memory\") 1)\n" + wrappers + ")";
        wasi = new Wasi(config);
        instance = engine.newStore().instantiate(Wasm.parse(wat), wasi.define(new Imports()));
        memory = instance.memory("memory");
    }

    /** Calls the wrapper of WASI function {@code name}; returns its errno. */
    int call(String name, long... args) {
        return (int) instance.call(name, args)[0];
    }

    void putString(int address, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        memory.write(address, bytes, 0, bytes.length);
    }

    String string(int address, int length) {
        byte[] bytes = new byte[length];
        memory.read(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    int i32(int address) { return memory.loadI32(address); }

    long i64(int address) { return memory.loadI64(address); }

    @Override
    public void close() { wasi.close(); }
}
