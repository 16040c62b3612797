package dev.wasmrt.jit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlFlowDifferentialTest {
    private static Engines.Pair pair;

    private static final String WAT = """
            (module
              (type $pair (func (result i32 i64)))
              (type $swap (func (param i32 i64) (result i64 i32)))
              (func (export "fac") (param i64) (result i64)
                (if (result i64) (i64.eqz (local.get 0))
                  (then (i64.const 1))
                  (else (i64.mul (local.get 0) (call 0 (i64.sub (local.get 0) (i64.const 1)))))))
              (func (export "sum-loop") (param i32) (result i32) (local i32)
                (block $done
                  (loop $again
                    (br_if $done (i32.eqz (local.get 0)))
                    (local.set 1 (i32.add (local.get 1) (local.get 0)))
                    (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                    (br $again)))
                (local.get 1))
              (func (export "block-value") (param i32) (result i32)
                (i32.add (i32.const 100)
                  (block (result i32)
                    (drop (br_if 0 (i32.const 7) (local.get 0)))
                    (i32.const 9))))
              (func (export "switch") (param i32) (result i32)
                (block $d (block $c (block $b (block $a
                  (br_table $a $b $c $d (local.get 0)))
                  (return (i32.const 10)))
                  (return (i32.const 11)))
                  (return (i32.const 12)))
                (i32.const 13))
              (func (export "switch-values") (param i32) (result i32)
                (i32.add (i32.const 1000)
                  (block $outer (result i32)
                    (i32.mul (i32.const 3)
                      (block $inner (result i32)
                        (br_table $inner $outer $inner (i32.const 5) (local.get 0)))))))
              (func (export "deep-stack-branch") (param i32) (result i32)
                (i32.add (i32.const 1)
                  (i32.add (i32.const 2)
                    (block (result i32)
                      (i32.add (i32.const 40)
                        (br_if 1 (i32.const 50) (local.get 0)))))))
              (func (export "multi") (param i32) (result i32 i64)
                (block (type $pair) (local.get 0) (i64.const -5)))
              (func (export "multi-swap") (param i32 i64) (result i64 i32)
                (local.get 0) (local.get 1)
                (block (type $swap) (param i32 i64) (result i64 i32)
                  (local.set 1) (local.set 0) (local.get 1) (local.get 0)))
              (func (export "multi-call") (param i32) (result i64)
                (local i64)
                (call 6 (local.get 0))
                (local.set 1)
                (i64.extend_i32_s)
                (i64.add (local.get 1)))
              (func (export "loop-params") (param i32) (result i32)
                (i32.const 0) (local.get 0)
                (loop (param i32 i32) (result i32)
                  (local.set 0)
                  (i32.add (local.get 0))
                  (i32.sub (local.get 0) (i32.const 1))
                  (local.tee 0)
                  (local.get 0)
                  (br_if 0)
                  (drop)))
              (func (export "if-no-else") (param i32) (result i32)
                (i32.const 5)
                (if (param i32) (result i32) (local.get 0) (then (i32.const 2) (i32.mul))))
              (func (export "select") (param i32 i64 i64) (result i64)
                (select (local.get 1) (local.get 2) (local.get 0)))
              (func (export "select-f64") (param i32) (result f64)
                (select (f64.const 1.5) (f64.const -2.5) (local.get 0)))
              (func (export "dead-code") (param i32) (result i32)
                (block (result i32)
                  (br 0 (local.get 0))
                  (i32.add (unreachable))
                  (block (loop (br 0)))
                  (if (then (nop)) (else (nop)))))
              (func (export "return-from-loop") (param i32) (result i32)
                (loop $l
                  (if (i32.gt_s (local.get 0) (i32.const 100)) (then (return (local.get 0))))
                  (local.set 0 (i32.mul (local.get 0) (i32.const 3)))
                  (br $l))
                (i32.const -1))
              (func (export "unreachable") (unreachable))
              (func (export "br-table-default-only") (param i32) (result i32)
                (i32.const 1)
                (block (result i32) (i32.const 8) (local.get 0) (br_table 0))
                (i32.add))
              (func (export "nested-if") (param i32 i32) (result i32)
                (if (result i32) (local.get 0)
                  (then (if (result i32) (local.get 1) (then (i32.const 1)) (else (i32.const 2))))
                  (else (if (result i32) (local.get 1) (then (i32.const 3)) (else (br 1 (i32.const 4)))))))
              (func (export "wide") (param i64 i64) (result i64 i64)
                (i64.mul_wide_u (local.get 0) (local.get 1)))
              (func (export "add128") (param i64 i64 i64 i64) (result i64 i64)
                (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
            )
            """;

    @BeforeAll
    static void build() {
        pair = Engines.pair(WAT);
        assertTrue(Engines.fallbacks(pair).isEmpty(), () -> "fell back: " + Engines.fallbacks(pair));
    }

    @Test
    void recursionAndLoops() {
        for (long n : new long[] {0, 1, 5, 20, 25}) pair.same("fac", n);
        assertEquals("[120]", pair.compiled("fac", 5).toString());
        for (long n : new long[] {0, 1, 10, 1000}) pair.same("sum-loop", n);
        assertEquals("[500500]", pair.compiled("sum-loop", 1000).toString());
        for (long n : new long[] {1, 50, 101, 2}) pair.same("return-from-loop", n);
        for (long n : new long[] {1, 2, 5}) pair.same("loop-params", n);
        assertEquals("[15]", pair.compiled("loop-params", 5).toString());
    }

    @Test
    void branchesCarryValuesAndDropTheRest() {
        for (long c : new long[] {0, 1}) {
            pair.same("block-value", c);
            pair.same("deep-stack-branch", c);
            pair.same("if-no-else", c);
            pair.same("select-f64", c);
            pair.same("dead-code", c);
        }
        assertEquals("[107]", pair.compiled("block-value", 1).toString());
        assertEquals("[50]", pair.compiled("deep-stack-branch", 1).toString());
        assertEquals("[93]", pair.compiled("deep-stack-branch", 0).toString());
        for (long c : new long[] {0, 1}) for (long d : new long[] {0, 1}) pair.same("nested-if", c, d);
        pair.same("select", 0, 7, 8);
        pair.same("select", 5, 7, 8);
    }

    @Test
    void brTableDispatchesEveryEntryAndTheDefault() {
        for (long i : new long[] {0, 1, 2, 3, 4, 100, -1}) pair.same("switch", i);
        assertEquals("[12]", pair.compiled("switch", 2).toString());
        assertEquals("[13]", pair.compiled("switch", -1).toString());
        for (long i : new long[] {0, 1, 2, 3}) pair.same("switch-values", i);
        assertEquals("[1015]", pair.compiled("switch-values", 0).toString());
        assertEquals("[1005]", pair.compiled("switch-values", 1).toString());
        assertEquals("[9]", pair.same("br-table-default-only", 3).toString());
    }

    @Test
    void multipleResultsTravelThroughBlocksCallsAndTheEntry() {
        pair.same("multi", 3);
        assertEquals("[3, -5]", pair.compiled("multi", 3).toString());
        assertEquals("[9, 4]", pair.compiled("multi-swap", 4, 9).toString());
        pair.same("multi-call", 10);
        assertEquals("[5]", pair.compiled("multi-call", 10).toString());
        pair.same("wide", -1, -1);
        pair.same("add128", -1, 0, 1, 0);
        assertEquals("[0, 1]", pair.compiled("add128", -1, 0, 1, 0).toString());
        assertEquals("trap: unreachable", pair.compiled("unreachable").toString());
    }
}
