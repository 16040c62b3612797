package dev.wasmrt.hostapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmrt.decoder.text.TextParser;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.LinkException;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.validator.ModuleValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The imports as a guest links and calls them: types, and the memory found through the caller. */
class ApiImportsTest {

    private static Instance instantiate(String wat, ApiModule api) {
        Imports imports = new Imports();
        api.defineInto(imports);
        return new Store().instantiate(ModuleValidator.validate(TextParser.parseModule(wat)), imports);
    }

    private static ApiModule api() {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.putObject("args").put("name", "guest");
        return new ApiModule("linked", header, new FakePackageKit(), Clock.systemUTC());
    }

    @Test
    void guestCallsReachItsExportedMemory() {
        ApiModule api = api();
        Instance instance = instantiate("""
                (module
                  (import "api" "header_get" (func $get (param i32 i32 i32 i32) (result i32)))
                  (import "api" "last_output_len" (func $len (result i32)))
                  (import "api" "log" (func $log (param i32 i32 i32)))
                  (import "api" "packagekit_available" (func $pk (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 0) "/args/name")
                  (func (export "get") (param $cap i32) (result i32)
                    (call $get (i32.const 0) (i32.const 10) (i32.const 100) (local.get $cap)))
                  (func (export "len") (result i32) (call $len))
                  (func (export "pk") (result i32) (call $pk))
                  (func (export "log") (call $log (i32.const 2) (i32.const 1) (i32.const 4))))
                """, api);
        assertEquals(7, (int) instance.call("get", 50)[0]);
        byte[] written = new byte[7];
        instance.memory("memory").read(100, written, 0, 7);
        assertEquals("\"guest\"", new String(written, StandardCharsets.UTF_8));
        assertEquals(3, (int) instance.call("get", 3)[0]);
        assertEquals(7, (int) instance.call("len")[0]);
        assertEquals(1, (int) instance.call("pk")[0]);
        instance.call("log");
        assertEquals(1, api.logLines().size());
        assertEquals(" - WARN: [linked] args", api.logLines().getFirst().substring(21));
    }

    @Test
    void withoutAnExportedMemoryEveryRegionIsBad() {
        Instance instance = instantiate("""
                (module
                  (import "api" "header" (func $header (param i32 i32) (result i32)))
                  (memory 1)
                  (func (export "header") (result i32) (call $header (i32.const 0) (i32.const 10))))
                """, api());
        assertEquals(-2, (int) instance.call("header")[0]);
    }

    @Test
    void importsOutsideTheApiDoNotLink() {
        assertThrows(LinkException.class, () -> instantiate("""
                (module (import "api" "no_such_function" (func)))
                """, api()));
        assertThrows(LinkException.class, () -> instantiate("""
                (module (import "api" "header" (func (param i32) (result i32))))
                """, api()));
    }
}
