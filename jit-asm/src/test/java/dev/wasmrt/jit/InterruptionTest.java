package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.InterruptTrap;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Compiled code polls only while its store has an interrupt, deadline or fuel set; these show
 * that a guest already running unwatched still notices each of them, in loops and in calls.
 */
class InterruptionTest {
    private static final String WAT = """
            (module
              (func (export "spin") (loop $l (br $l)))
              ;; Exponential and loop-free: only the polls at function entries can stop it.
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2))))))))
            """;

    private final Store store = Engines.store(new Compiler());
    private final Instance instance = store.instantiate(Wasm.parse(WAT), new Imports());

    @Test
    void anInterruptFromAnotherThreadStopsALoopThatStartedUnwatched() {
        assertStoppedFromOutside("spin");
    }

    @Test
    void anInterruptStopsARecursionWithoutLoops() {
        assertStoppedFromOutside("fib", 60);
    }

    @Test
    void theStoreRunsNormallyAgainOnceTheInterruptIsCleared() {
        assertStoppedFromOutside("fib", 60);
        store.clearInterrupt();
        assertEquals(6765, instance.call("fib", 20)[0]);
    }

    @Test
    void fuelSetBetweenCallsLimitsTheNextCall() {
        assertEquals(6765, instance.call("fib", 20)[0]);
        store.setFuel(50_000);
        assertEquals("out of fuel", assertThrows(InterruptTrap.class, () -> instance.call("fib", 40)).reason());
        store.setFuel(-1);
        assertEquals(6765, instance.call("fib", 20)[0]);
    }

    private void assertStoppedFromOutside(String export, long... args) {
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
                store.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            InterruptTrap t = assertThrows(InterruptTrap.class, () -> instance.call(export, args));
            assertEquals("interrupted", t.reason());
        });
        stopper.interrupt();
    }
}
