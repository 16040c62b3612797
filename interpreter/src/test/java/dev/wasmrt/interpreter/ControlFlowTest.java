package dev.wasmrt.interpreter;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.Wat.i32;
import static dev.wasmrt.interpreter.Wat.i64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ControlFlowTest {
    @Test
    void recursiveFactorial() {
        Instance i = Wat.instantiate("""
                (module (func $fac (export "fac") (param i64) (result i64)
                  (if (result i64) (i64.eqz (local.get 0))
                    (then (i64.const 1))
                    (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1))))))))
                """);
        assertEquals(2432902008176640000L, i64(i, "fac", 20));
    }

    @Test
    void loopWithBranchSumsOneToN() {
        Instance i = Wat.instantiate("""
                (module (func (export "sum") (param $n i32) (result i32) (local $acc i32)
                  (block $done
                    (loop $next
                      (br_if $done (i32.eqz (local.get $n)))
                      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
                      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                      (br $next)))
                  (local.get $acc)))
                """);
        assertEquals(5050, i32(i, "sum", 100));
        assertEquals(0, i32(i, "sum", 0));
    }

    @Test
    void brTableSelectsArmAndDefault() {
        Instance i = Wat.instantiate("""
                (module (func (export "pick") (param i32) (result i32)
                  (block $d (block $b (block $a
                    (br_table $a $b $d (local.get 0)))
                    (return (i32.const 10)))
                    (return (i32.const 20)))
                  (i32.const 30)))
                """);
        assertEquals(10, i32(i, "pick", 0));
        assertEquals(20, i32(i, "pick", 1));
        assertEquals(30, i32(i, "pick", 2));
        assertEquals(30, i32(i, "pick", -1));
    }

    @Test
    void branchCarriesValuesOutOfNestedBlocksDroppingTheRest() {
        Instance i = Wat.instantiate("""
                (module (func (export "f") (result i32 i32)
                  (block $out (result i32 i32)
                    (i32.const 99)
                    (block (result i32)
                      (i32.const 1) (i32.const 2) (i32.const 3)
                      (br $out))
                    (drop) (drop) (i32.const 0) (i32.const 0))))
                """);
        assertArrayEquals(new long[] {2, 3}, i.call("f"));
    }

    @Test
    void multiValueCallAndBlockParameters() {
        Instance i = Wat.instantiate("""
                (module
                  (func $swap (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
                  (func (export "f") (result i32)
                    (i32.const 7) (i32.const 3)
                    (call $swap)
                    (block (param i32 i32) (result i32) (i32.sub))))
                """);
        assertEquals(-4, i32(i, "f"));
    }

    @Test
    void ifWithoutElseKeepsParameters() {
        Instance i = Wat.instantiate("""
                (module (func (export "f") (param i32) (result i32)
                  (i32.const 5)
                  (if (param i32) (result i32) (local.get 0) (then (i32.const 1) (i32.add)))))
                """);
        assertEquals(6, i32(i, "f", 1));
        assertEquals(5, i32(i, "f", 0));
    }

    @Test
    void tailCallsRunInConstantStack() {
        Instance i = Wat.instantiate("""
                (module
                  (func $count (export "count") (param i64 i64) (result i64)
                    (if (result i64) (i64.eqz (local.get 0)) (then (local.get 1))
                      (else (return_call $count (i64.sub (local.get 0) (i64.const 1))
                                                (i64.add (local.get 1) (i64.const 2)))))))
                """);
        assertEquals(2_000_000L, i64(i, "count", 1_000_000, 0));
    }
}
