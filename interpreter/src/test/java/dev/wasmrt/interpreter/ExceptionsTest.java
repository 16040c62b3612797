package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExceptionsTest {
    @Test
    void tryTableCatchDeliversThePayloadToTheLabel() {
        Instance i = Wat.instantiate("""
                (module (tag $e (param i32 i64))
                  (func $thrower (param i32) (throw $e (local.get 0) (i64.const 7)))
                  (func (export "f") (param i32) (result i32 i64)
                    (block $h (result i32 i64)
                      (try_table (catch $e $h) (call $thrower (local.get 0)))
                      (i32.const -1) (i64.const -1))))
                """);
        assertArrayEquals(new long[] {5, 7}, i.call("f", 5));
    }

    @Test
    void catchRefAndThrowRefRethrowTheSameException() {
        Instance i = Wat.instantiate("""
                (module (tag $e (param i32))
                  (func $inner (param i32) (result i32)
                    (block $h (result i32 exnref)
                      (try_table (catch_ref $e $h) (throw $e (local.get 0)))
                      (unreachable))
                    (throw_ref))
                  (func (export "f") (param i32) (result i32)
                    (block $outer (result i32)
                      (try_table (catch $e $outer) (drop (call $inner (local.get 0))))
                      (i32.const 0))))
                """);
        assertEquals(42, Wat.i32(i, "f", 42));
    }

    @Test
    void catchAllIgnoresThePayloadAndStackBelowIsRestored() {
        Instance i = Wat.instantiate("""
                (module (tag $e (param i32))
                  (func (export "f") (result i32)
                    (i32.const 100)
                    (block $h
                      (try_table (catch_all $h) (i32.const 1) (i32.const 2) (throw $e (i32.const 3)))
                      (unreachable))
                    (i32.const 1) (i32.add)))
                """);
        assertEquals(101, Wat.i32(i, "f"));
    }

    @Test
    void legacyTryCatchRethrowAndDelegate() {
        Instance i = Wat.instantiate("""
                (module (tag $e (param i32)) (tag $other)
                  (func (export "catch") (result i32)
                    (try (result i32) (do (throw $e (i32.const 9))) (catch $e (i32.add (i32.const 1))) (catch_all (i32.const -1))))
                  (func (export "rethrow") (result i32)
                    (try (result i32)
                      (do (try (do (throw $e (i32.const 4))) (catch $e (drop) (rethrow 0))) (i32.const 0))
                      (catch $e)))
                  (func (export "delegate") (result i32)
                    (try $outer (result i32)
                      (do (try (do (throw $e (i32.const 6))) (delegate $outer)) (i32.const 0))
                      (catch $e (i32.const 100) (i32.add))))
                  (func (export "mismatch") (result i32)
                    (try (result i32) (do (throw $e (i32.const 1))) (catch $other (i32.const 0)))))
                """);
        assertEquals(10, Wat.i32(i, "catch"));
        assertEquals(4, Wat.i32(i, "rethrow"));
        assertEquals(106, Wat.i32(i, "delegate"));
        WasmException escaped = assertThrows(WasmException.class, () -> i.call("mismatch"));
        assertEquals(1, escaped.exception().bits()[0]);
    }

    @Test
    void uncaughtExceptionReachesTheHostWithTagAndPayload() {
        Instance i = Wat.instantiate("""
                (module (tag $e (export "e") (param i64))
                  (func (export "f") (throw $e (i64.const 123))))
                """);
        WasmException e = assertThrows(WasmException.class, () -> i.call("f"));
        assertSame(i.tag("e"), e.tag());
        assertEquals(123, e.exception().bits()[0]);
    }

    @Test
    void exceptionsCrossHostFunctionsBothWays() {
        Tag hostTag = new Tag(FuncType.of(List.of(ValType.I32), List.of()));
        Store store = new Store();
        Imports imports = new Imports()
                .define("host", "tag", hostTag)
                .define("host", "raise", new HostFunction("raise", FuncType.of(List.of(ValType.I32), List.of()),
                        call -> { throw new WasmException(new ExceptionRef(hostTag, new long[] {call.argI32(0) * 2L}, new Object[1])); }));
        Instance i = Wat.instantiate(store, """
                (module (tag $t (import "host" "tag") (param i32))
                  (func $raise (import "host" "raise") (param i32))
                  (func (export "f") (param i32) (result i32)
                    (block $h (result i32)
                      (try_table (catch $t $h) (call $raise (local.get 0)))
                      (i32.const 0))))
                """, imports);
        assertEquals(42, Wat.i32(i, "f", 21));
    }
}
