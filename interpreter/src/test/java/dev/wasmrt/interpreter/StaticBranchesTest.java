package dev.wasmrt.interpreter;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.interpreter.Wat.i32;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Branches are resolved when a body is lowered, and only exception handlers keep a run-time
 * label: these cases check that branches leave exactly the handlers they exit, and that handler
 * depths (rethrow, delegate) skip plain blocks.
 */
class StaticBranchesTest {
    @Test
    void brTableOutOfThousandsOfNestedBlocksLandsAfterTheChosenOne() {
        int arms = 3000;
        StringBuilder wat = new StringBuilder("(module (func (export \"pick\") (param i32) (result i32)\n");
        wat.append("block $exit (result i32)\n");
        // Block $b<arms> is the default; leaving block i runs the arm that returns i squared.
        for (int i = arms; i >= 0; i--) wat.append("block $b").append(i).append('\n');
        wat.append("local.get 0 br_table");
        for (int i = 0; i <= arms; i++) wat.append(" $b").append(i);
        wat.append('\n');
        for (int i = 0; i < arms; i++) wat.append("end i32.const ").append(i * i).append(" br $exit\n");
        wat.append("end i32.const -1 br $exit\nend))");
        Instance instance = Wat.instantiate(wat.toString());

        assertEquals(0, i32(instance, "pick", 0));
        assertEquals(49, i32(instance, "pick", 7));
        assertEquals(1234 * 1234, i32(instance, "pick", 1234));
        assertEquals((arms - 1) * (arms - 1), i32(instance, "pick", arms - 1));
        assertEquals(-1, i32(instance, "pick", arms));
        assertEquals(-1, i32(instance, "pick", -1));
    }

    @Test
    void branchingOutOfATryTableRemovesItsHandler() {
        Instance instance = Wat.instantiate("""
                (module (tag $e (param i32))
                  (func (export "f") (result i32)
                    (block $outer (result i32)
                      (try_table (result i32) (catch $e $outer)
                        (block $skip
                          (block $stale
                            (try_table (catch_all $stale) (br $skip)))
                          (return (i32.const -1)))
                        (throw $e (i32.const 7))))))
                """);
        assertEquals(7, i32(instance, "f"));
    }

    @Test
    void loopBackEdgesOutOfHandlersDoNotAccumulateThem() {
        Instance instance = Wat.instantiate("""
                (module (tag $e)
                  (func (export "count") (param $n i32) (result i32) (local $caught i32)
                    (loop $again
                      (block $handler
                        (try_table (catch $e $handler)
                          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                          (br_if $again (i32.and (local.get $n) (i32.const 1)))
                          (throw $e)))
                      (local.set $caught (i32.add (local.get $caught) (i32.const 1)))
                      (br_if $again (local.get $n)))
                    (local.get $caught)))
                """);
        assertEquals(50_000, i32(instance, "count", 100_000));
    }

    @Test
    void rethrowDepthCountsTheBlocksAroundIt() {
        Instance instance = Wat.instantiate("""
                (module (tag $e (param i32))
                  (func (export "f") (result i32)
                    (try (result i32)
                      (do
                        (try
                          (do (throw $e (i32.const 5)))
                          (catch $e (drop) (block (block (rethrow 2)))))
                        (i32.const 0))
                      (catch $e))))
                """);
        assertEquals(5, i32(instance, "f"));
    }

    @Test
    void delegateSkipsTheHandlersInsideItsTarget() {
        Instance instance = Wat.instantiate("""
                (module (tag $e (param i32))
                  (func (export "f") (result i32)
                    (try $target (result i32)
                      (do
                        (try (result i32)
                          (do
                            (block (block
                              (try (do (throw $e (i32.const 3))) (delegate $target))))
                            (i32.const 0))
                          (catch $e (drop) (i32.const -1))))
                      (catch $e (i32.const 100) (i32.add)))))
                """);
        assertEquals(103, i32(instance, "f"));
    }
}
