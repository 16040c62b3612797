package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.HostFunction;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallsAndTrapsDifferentialTest {
    private static Engines.Pair pair;

    private static final String WAT = """
            (module
              (import "host" "twice" (func $twice (param i64) (result i64)))
              (type $ii (func (param i32) (result i32)))
              (type $v (func))
              (table $t 4 funcref)
              (elem (table $t) (i32.const 0) func $inc $dec $noop)
              (memory 1)
              (global $g (mut i64) (i64.const 7))
              (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
              (func $dec (type $ii) (i32.sub (local.get 0) (i32.const 1)))
              (func $noop (type $v))
              (func (export "indirect") (param i32 i32) (result i32)
                (call_indirect $t (type $ii) (local.get 1) (local.get 0)))
              (func (export "by-ref") (param i32) (result i32)
                (call_ref $ii (local.get 0) (ref.func $dec)))
              (func (export "null-ref") (param i32) (result i32)
                (call_ref $ii (local.get 0) (ref.null $ii)))
              (func (export "host") (param i64) (result i64)
                (i64.add (call $twice (local.get 0)) (global.get $g)))
              (func (export "bump") (result i64)
                (global.set $g (i64.add (global.get $g) (i64.const 1)))
                (global.get $g))
              (func $recurse (export "recurse") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0))
                  (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $recurse (i32.sub (local.get 0) (i32.const 1)))))))
              (func $forever (export "forever") (param i32) (result i32)
                (call $forever (i32.add (local.get 0) (i32.const 1))))
              (func $count (export "count") (param i64 i64) (result i64)
                (if (result i64) (i64.eqz (local.get 0))
                  (then (local.get 1))
                  (else (return_call $count (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 2))))))
              (func (export "load") (param i32) (result i32) (i32.load offset=2 (local.get 0)))
              (func (export "store-load") (param i32 i64) (result i64)
                (i64.store (local.get 0) (local.get 1))
                (i64.load32_u (local.get 0)))
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
              (func (export "size") (result i32) (memory.size))
              (func (export "fill-sum") (param i32 i32) (result i32)
                (memory.fill (i32.const 100) (local.get 0) (local.get 1))
                (i32.add (i32.load8_u (i32.const 100)) (i32.load8_s (i32.const 101))))
              (func (export "copy") (param i32 i32 i32) (result i32)
                (memory.copy (local.get 0) (local.get 1) (local.get 2))
                (i32.load (local.get 0)))
              (func (export "table-ops") (param i32) (result i32)
                (table.set $t (i32.const 3) (table.get $t (local.get 0)))
                (i32.add (table.size $t) (ref.is_null (table.get $t (i32.const 3)))))
              (func (export "table-grow") (param i32) (result i32)
                (table.grow $t (ref.null func) (local.get 0)))
            )
            """;

    static Imports imports() {
        return new Imports().define("host", "twice",
                new HostFunction("twice", FuncType.of(List.of(ValType.I64), List.of(ValType.I64)), c -> c.resultI64(0, c.argI64(0) * 2)));
    }

    @BeforeAll
    static void build() {
        pair = Engines.pair(Wasm.parse(WAT), CallsAndTrapsDifferentialTest::imports);
        assertTrue(Engines.fallbacks(pair).isEmpty(), () -> "fell back: " + Engines.fallbacks(pair));
    }

    @Test
    void indirectCallsCheckBoundsNullsAndTypes() {
        for (long i : new long[] {0, 1, 2, 3, 4, -1}) pair.same("indirect", i, 10);
        assertEquals("[11]", pair.compiled("indirect", 0, 10).toString());
        assertEquals("trap: indirect call type mismatch", pair.compiled("indirect", 2, 10).toString());
        assertEquals("trap: undefined element", pair.compiled("indirect", 4, 10).toString());
        pair.same("by-ref", 5);
        assertEquals("[4]", pair.compiled("by-ref", 5).toString());
        assertEquals("trap: null function reference", pair.same("null-ref", 5).toString());
    }

    @Test
    void hostFunctionsAndGlobals() {
        assertEquals("[27]", pair.same("host", 10).toString());
        assertEquals(pair.interpreted("bump"), pair.compiled("bump"));
        assertEquals("[9]", pair.compiled("bump").toString());
    }

    @Test
    void deepRecursionAndStackExhaustion() {
        assertEquals("[5000]", pair.same("recurse", 5000).toString());
        assertEquals("trap: call stack exhausted", pair.same("forever", 0).toString());
        // The instance stays usable after the trap.
        assertEquals("[10]", pair.compiled("recurse", 10).toString());
    }

    @Test
    void exhaustionOnASmallThreadStackIsATrapNotAnError() throws Exception {
        Throwable[] seen = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                pair.compiled().call("forever", 0);
            } catch (Throwable e) {
                seen[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertTrue(seen[0] instanceof Trap trap && trap.reason().equals("call stack exhausted"), () -> String.valueOf(seen[0]));
    }

    @Test
    void selfTailCallsRunInConstantJvmStack() {
        assertEquals("[2000000]", pair.same("count", 1_000_000, 0).toString());
    }

    @Test
    void memoryAccessesAndBulkOperations() {
        pair.same("store-load", 8, 0x1122334455667788L);
        assertEquals("[" + 0x55667788L + "]", pair.compiled("store-load", 8, 0x1122334455667788L).toString());
        for (long a : new long[] {0, 65530, 65532, 65534, 0xFFFFFFFFL, -3}) pair.same("load", a);
        assertEquals("trap: out of bounds memory access", pair.compiled("load", 65534).toString());
        pair.same("fill-sum", 0xFF, 2);
        assertEquals("trap: out of bounds memory access", pair.same("fill-sum", 1, 70000).toString());
        pair.same("copy", 200, 8, 8);
        assertEquals("trap: out of bounds memory access", pair.same("copy", 65000, 8, 1000).toString());
        pair.same("size");
        pair.same("grow", 2);
        assertEquals("[3]", pair.same("size").toString());
        assertEquals("[-1]", pair.same("grow", 70000).toString());
    }

    @Test
    void tableInstructions() {
        pair.same("table-ops", 0);
        pair.same("table-ops", 3);
        assertEquals("trap: out of bounds table access", pair.same("table-ops", 9).toString());
        assertEquals("[4]", pair.same("table-grow", 2).toString());
    }

    @Test
    void interpretedAndCompiledFunctionsCallEachOther() {
        // A module compiled, calling an import that is a function of an interpreted instance, and back.
        Store interpreterStore = new Store();
        Instance callee = interpreterStore.instantiate(Wasm.parse("""
                (module (func (export "sq") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0))))
                """), new Imports());
        Store compiled = Engines.store(new Compiler());
        Instance caller = compiled.instantiate(Wasm.parse("""
                (module (import "m" "sq" (func $sq (param i32) (result i32)))
                  (func (export "sum-sq") (param i32 i32) (result i32)
                    (i32.add (call $sq (local.get 0)) (call $sq (local.get 1)))))
                """), new Imports().define("m", "sq", callee.function("sq")));
        assertEquals(25, (int) caller.call("sum-sq", 3, 4)[0]);
        assertThrows(IllegalArgumentException.class, () -> caller.call("sum-sq", 3));
    }
}
