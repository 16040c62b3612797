package dev.wasmrt.jit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legacy exception instructions (try, catch, catch_all, delegate, rethrow) on both engines. */
class LegacyExceptionsDifferentialTest {
    private static Engines.Pair pair;

    private static final String WAT = """
            (module
              (tag $a (param i32))
              (tag $b (param i64 f32))
              (tag $c)
              (func $throw (param i32)
                (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $a (i32.const 11))))
                (if (i32.eq (local.get 0) (i32.const 2)) (then (throw $b (i64.const 22) (f32.const 0.5))))
                (if (i32.eq (local.get 0) (i32.const 3)) (then (throw $c))))
              (func (export "catches") (param i32) (result i32)
                (i32.add (i32.const 1000)
                  (try (result i32)
                    (do (call $throw (local.get 0)) (i32.const 0))
                    (catch $a (i32.add (i32.const 100)))
                    (catch $b (drop) (i32.wrap_i64) (i32.const 200) (i32.add))
                    (catch_all (i32.const 300)))))
              (func (export "no-catch-all") (param i32) (result i32)
                (try (result i32)
                  (do (call $throw (local.get 0)) (i32.const 0))
                  (catch $b (drop) (drop) (i32.const 2))))
              (func (export "rethrow") (param i32) (result i32)
                (try (result i32)
                  (do
                    (try
                      (do (call $throw (local.get 0)))
                      (catch_all
                        (block (try (do (throw $c)) (catch $c (rethrow 2))))))
                    (i32.const 0))
                  (catch $a)
                  (catch $c (i32.const -1))))
              (func (export "catch-body-throws") (param i32) (result i32)
                (try (result i32)
                  (do
                    (try (result i32)
                      (do (call $throw (local.get 0)) (i32.const 5))
                      (catch $a (throw $c))))
                  (catch $c (i32.const 7))))
              (func (export "delegate-outer") (param i32) (result i32)
                (try $outer (result i32)
                  (do
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do (call $throw (local.get 0)) (i32.const 1))
                          (delegate $outer)))
                      (catch_all (i32.const 2))))
                  (catch_all (i32.const 3))))
              (func (export "delegate-to-block") (param i32) (result i32)
                (try (result i32)
                  (do (block (try (do (call $throw (local.get 0))) (delegate 0))) (i32.const 0))
                  (catch_all (i32.const 4))))
              (func (export "delegate-from-catch") (param i32) (result i32)
                (try (result i32)
                  (do
                    (try
                      (do (call $throw (local.get 0)))
                      (catch_all (try (do (throw $c)) (delegate 0))))
                    (i32.const 0))
                  (catch $c (i32.const 8))))
              (func (export "delegate-to-caller") (param i32)
                (try (do (try (do (call $throw (local.get 0))) (delegate 1))) (catch_all)))
              (func (export "delegate-to-try-table") (param i32) (result i32)
                (block $h (result i32)
                  (try_table (catch $a $h)
                    (try (do (call $throw (local.get 0))) (delegate 0)))
                  (i32.const 12)))
              (func (export "delegate-chain") (param i32) (result i32)
                (try (result i32)
                  (do
                    (try
                      (do (try (do (call $throw (local.get 0))) (delegate 0)))
                      (delegate 0))
                    (i32.const 13))
                  (catch $c (i32.const 14))))
              (func (export "passes-through") (param i32) (result i32)
                (try (result i32) (do (call $throw (local.get 0)) (i32.const 9))))
              (func (export "stack-below") (param i32) (result i32)
                (i32.add (i32.const 40)
                  (i32.mul (i32.const 3)
                    (try (result i32)
                      (do (call $throw (local.get 0)) (i32.const 1))
                      (catch_all (i32.const 2))))))
              (func (export "loop") (param i32) (result i32) (local $sum i32)
                (loop $l
                  (try
                    (do (call $throw (i32.const 1)))
                    (catch $a (local.set $sum (i32.add (local.get $sum)))))
                  (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
                (local.get $sum))
              (func (export "branch-out-of-catch") (param i32) (result i32)
                (block $done (result i32)
                  (try
                    (do (call $throw (local.get 0)))
                    (catch $a (br $done)))
                  (i32.const -5)))
            )
            """;

    @BeforeAll
    static void build() {
        pair = Engines.pair(WAT);
        assertEquals(Map.of(), Engines.fallbacks(pair));
    }

    @Test
    void catchClausesMatchInOrderAndPushThePayload() {
        assertEquals("[1000]", pair.same("catches", 0).toString());
        assertEquals("[1111]", pair.same("catches", 1).toString());
        assertEquals("[1222]", pair.same("catches", 2).toString());
        assertEquals("[1300]", pair.same("catches", 3).toString());
        assertEquals("[2]", pair.same("no-catch-all", 2).toString());
        assertTrue(pair.same("no-catch-all", 1).toString().startsWith("exception"));
        assertEquals("[46]", pair.same("stack-below", 1).toString());
        assertEquals("[43]", pair.same("stack-below", 0).toString());
        assertEquals("[9]", pair.same("passes-through", 0).toString());
        assertTrue(pair.same("passes-through", 3).toString().startsWith("exception"));
        assertEquals("[11]", pair.same("branch-out-of-catch", 1).toString());
        assertEquals("[-5]", pair.same("branch-out-of-catch", 0).toString());
    }

    @Test
    void rethrowAndThrowsFromCatchBodiesReachOuterHandlers() {
        assertEquals("[11]", pair.same("rethrow", 1).toString());
        assertEquals("[-1]", pair.same("rethrow", 3).toString());
        assertEquals("[0]", pair.same("rethrow", 0).toString());
        assertEquals("[7]", pair.same("catch-body-throws", 1).toString());
        assertEquals("[7]", pair.same("catch-body-throws", 3).toString());
        assertEquals("[5]", pair.same("catch-body-throws", 0).toString());
    }

    @Test
    void delegateSkipsToTheHandlersOfItsLabel() {
        assertEquals("[3]", pair.same("delegate-outer", 1).toString());
        assertEquals("[1]", pair.same("delegate-outer", 0).toString());
        assertEquals("[4]", pair.same("delegate-to-block", 3).toString());
        assertEquals("[8]", pair.same("delegate-from-catch", 2).toString());
        assertTrue(pair.same("delegate-to-caller", 1).toString().startsWith("exception"));
        assertEquals("[]", pair.same("delegate-to-caller", 0).toString());
        assertEquals("[11]", pair.same("delegate-to-try-table", 1).toString());
        assertEquals("[12]", pair.same("delegate-to-try-table", 0).toString());
        assertTrue(pair.same("delegate-to-try-table", 3).toString().startsWith("exception"));
        assertEquals("[14]", pair.same("delegate-chain", 3).toString());
        assertEquals("[13]", pair.same("delegate-chain", 0).toString());
        assertTrue(pair.same("delegate-chain", 1).toString().startsWith("exception"));
    }

    @Test
    void catchingInALoopKeepsTheCallDepth() {
        assertEquals("[110000]", pair.same("loop", 10_000).toString());
    }
}
