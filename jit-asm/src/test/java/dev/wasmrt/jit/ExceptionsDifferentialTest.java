package dev.wasmrt.jit;

import dev.wasmrt.interpreter.InterruptTrap;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.WasmException;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionsDifferentialTest {
    private static Engines.Pair pair;

    private static final String WAT = """
            (module
              (tag $e (param i32))
              (tag $pair (param i64 f64))
              (tag $empty)
              (func $throw-if (param i32)
                (if (local.get 0) (then (throw $e (i32.mul (local.get 0) (i32.const 10))))))
              (func (export "catch") (param i32) (result i32)
                (block $h (result i32)
                  (try_table (catch $e $h)
                    (call $throw-if (local.get 0)))
                  (i32.const -1)))
              (func (export "keeps-stack-below") (param i32) (result i32)
                (i32.add (i32.const 1000)
                  (i32.add (i32.const 200)
                    (block $h (result i32)
                      (try_table (result i32) (catch $e $h)
                        (call $throw-if (local.get 0))
                        (i32.const 7))))))
              (func (export "payload") (param i64) (result f64)
                (block $h (result i64 f64)
                  (try_table (catch $pair $h)
                    (throw $pair (local.get 0) (f64.const 2.5)))
                  (unreachable))
                (f64.add (f64.convert_i64_s (drop) (drop) (local.get 0)) (f64.const 0)))
              (func (export "catch-all-ref-rethrow") (param i32) (result i32)
                (block $outer (result i32)
                  (try_table (catch $e $outer)
                    (block $h (result exnref)
                      (try_table (catch_all_ref $h)
                        (call $throw-if (local.get 0)))
                      (return (i32.const -2)))
                    (throw_ref))
                  (i32.const -3)))
              (func (export "uncaught") (param i32) (result i32)
                (block $h
                  (try_table (catch $empty $h)
                    (call $throw-if (local.get 0))))
                (i32.const 5))
              (func (export "in-loop") (param i32) (result i32) (local $sum i32)
                (loop $l
                  (block $h (result i32)
                    (try_table (catch $e $h)
                      (call $throw-if (local.get 0)))
                    (i32.const 0))
                  (local.set $sum (i32.add (local.get $sum)))
                  (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                  (br_if $l (i32.gt_s (local.get 0) (i32.const 0))))
                (local.get $sum))
              (func (export "spin") (loop $l (br $l)))
              (func $throw-empty (result i32) (throw $empty))
              (func (export "tail-call-leaves-try") (result i32)
                (block $h
                  (try_table (catch $empty $h)
                    (return_call $throw-empty)))
                (i32.const 1))
            )
            """;

    @BeforeAll
    static void build() {
        pair = Engines.pair(WAT);
        assertEquals(Map.of(), Engines.fallbacks(pair));
    }

    @Test
    void tryTableCatchesWithPayloadAndKeepsTheStackBelow() {
        assertEquals("[-1]", pair.same("catch", 0).toString());
        assertEquals("[30]", pair.same("catch", 3).toString());
        assertEquals("[1207]", pair.same("keeps-stack-below", 0).toString());
        assertEquals("[1240]", pair.same("keeps-stack-below", 4).toString());
        pair.same("payload", 41);
        assertEquals(pair.interpreted("in-loop", 5), pair.compiled("in-loop", 5));
        assertEquals("[150]", pair.compiled("in-loop", 5).toString());
    }

    @Test
    void exnrefRethrowAndUncaughtExceptions() {
        assertEquals("[-2]", pair.same("catch-all-ref-rethrow", 0).toString());
        assertEquals("[20]", pair.same("catch-all-ref-rethrow", 2).toString());
        assertEquals("[5]", pair.same("uncaught", 0).toString());
        pair.same("uncaught", 1);
        WasmException e = assertThrows(WasmException.class, () -> pair.compiled().call("uncaught", 6));
        assertEquals(60, e.exception().bits()[0]);
    }

    @Test
    void anExceptionFromATailCalledFunctionSkipsTheCallersHandlers() {
        // Both compiled: the caller's try_table is gone once it tail-calls.
        assertTrue(pair.same("tail-call-leaves-try").toString().startsWith("exception"));
    }

    @Test
    void interruptionStopsACompiledLoop() {
        Store store = Engines.store(new Compiler());
        Instance instance = store.instantiate(Wasm.parse(WAT), new Imports());
        store.setDeadline(System.nanoTime() + 50_000_000L);
        InterruptTrap t = assertThrows(InterruptTrap.class, () -> instance.call("spin"));
        assertEquals("deadline exceeded", t.reason());
        store.clearDeadline();
        store.setFuel(10_000);
        assertEquals("out of fuel", assertThrows(InterruptTrap.class, () -> instance.call("spin")).reason());
    }
}
