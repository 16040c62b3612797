package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tail calls to other functions: compiled under the trampoline, in constant JVM stack. */
class TailCallsDifferentialTest {
    private static Engines.Pair pair;

    private static final String WAT = """
            (module
              (type $step (func (param i64 i64) (result i64)))
              (type $pair (func (param i32) (result i32 i64)))
              (table $t 4 funcref)
              (elem (table $t) (i32.const 0) func $even $odd $plain $split)
              (func $even (export "even") (type $step)
                (if (result i64) (i64.eqz (local.get 0))
                  (then (local.get 1))
                  (else (return_call $odd (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 1))))))
              (func $odd (type $step)
                (if (result i64) (i64.eqz (local.get 0))
                  (then (i64.sub (i64.const 0) (local.get 1)))
                  (else (return_call_indirect $t (type $step)
                    (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 2)) (i32.const 0)))))
              (func $plain (type $step) (i64.mul (local.get 0) (local.get 1)))
              (func (export "by-ref") (param i64 i64) (result i64)
                (return_call_ref $step (local.get 0) (local.get 1) (ref.func $even)))
              (func (export "to-plain") (param i64 i64) (result i64)
                (return_call_indirect $t (type $step) (local.get 0) (local.get 1) (i32.const 2)))
              (func (export "bad-index") (param i32) (result i64)
                (return_call_indirect $t (type $step) (i64.const 1) (i64.const 1) (local.get 0)))
              (func (export "null-ref") (result i64)
                (return_call_ref $step (i64.const 1) (i64.const 1) (ref.null $step)))
              (func $split (type $pair) (i32.mul (local.get 0) (i32.const 3)) (i64.extend_i32_s (local.get 0)))
              (func (export "two-results") (param i32) (result i32 i64)
                (return_call $split (i32.add (local.get 0) (i32.const 1))))
              (func $unwound (param i32) (result i32)
                (block $own (try_table (catch_all $own) (return_call $thrower (local.get 0))))
                (i32.const -1))
              (tag $boom)
              (func $thrower (param i32) (result i32) (throw $boom))
              (func (export "leaves-handlers") (param i32) (result i32)
                (block $caught (try_table (catch_all $caught) (drop (call $unwound (local.get 0)))) (return (i32.const 7)))
                (i32.const 99)))
            """;

    @BeforeAll
    static void build() {
        pair = Engines.pair(Wasm.parse(WAT), Imports::new);
        assertTrue(Engines.fallbacks(pair).isEmpty(), () -> "fell back: " + Engines.fallbacks(pair));
    }

    @Test
    void aMillionMutuallyRecursiveTailCallsRunInConstantStack() {
        // even/odd alternate 1,000,000 times, half of them through the table.
        assertEquals("[1500000]", pair.same("even", 1_000_000, 0).toString());
        assertEquals("[-1499999]", pair.same("even", 999_999, 1).toString());
    }

    @Test
    void tailCallsThroughReferencesAndTablesReachEveryKindOfCallee() {
        assertEquals("[15]", pair.same("by-ref", 10, 0).toString());
        assertEquals("[42]", pair.same("to-plain", 6, 7).toString());
        assertEquals("trap: indirect call type mismatch", pair.same("bad-index", 3).toString());
        assertEquals("trap: undefined element", pair.same("bad-index", 4).toString());
        assertEquals("trap: undefined element", pair.same("bad-index", -1).toString());
        assertEquals("trap: null function reference", pair.same("null-ref").toString());
    }

    @Test
    void multipleResultsComeBackFromTheTailCallee() {
        assertEquals("[15, 5]", pair.same("two-results", 4).toString());
    }

    @Test
    void aTailCallLeavesTheCallersHandlers() {
        // The callee's exception skips the try_table around the tail call (that frame is gone).
        assertEquals("[99]", pair.same("leaves-handlers", 1).toString());
    }

    @Test
    void onlyFunctionsWithTailCallsToOthersGetATrampoline() {
        List<String> methods = new ArrayList<>();
        new ClassReader(pair.code().classes().get("dev.wasmrt.jit.generated.Code0")).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                methods.add(name);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        // $even (0) tail-calls $odd; $plain (2) and $split (7) make no tail calls.
        assertTrue(methods.containsAll(List.of("f0", "t0", "b0")), methods::toString);
        assertTrue(methods.containsAll(List.of("f2", "f7")), methods::toString);
        assertFalse(methods.contains("t2") || methods.contains("t7"), methods::toString);
    }
}
