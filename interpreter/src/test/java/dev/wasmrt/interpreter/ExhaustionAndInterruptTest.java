package dev.wasmrt.interpreter;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ExhaustionAndInterruptTest {
    private static final String RECURSE = """
            (module (func $down (export "down") (param i32) (result i32)
              (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1))))))))
            """;
    private static final String SPIN = "(module (func (export \"spin\") (loop $l (br $l))))";

    @Test
    void unboundedRecursionTrapsAndTheStoreStaysUsable() {
        Instance i = Wat.instantiate(RECURSE);
        Trap t = assertThrows(Trap.class, () -> i.call("down", -1));
        assertEquals("call stack exhausted", t.reason());
        assertEquals(9_000, Wat.i32(i, "down", 9_000));
    }

    @Test
    void callDepthLimitIsConfigurable() {
        Store store = new Store(StoreConfig.defaults().withMaxCallDepth(100));
        Instance i = Wat.instantiate(store, RECURSE, new Imports());
        assertEquals(98, Wat.i32(i, "down", 98));
        assertEquals("call stack exhausted", assertThrows(Trap.class, () -> i.call("down", 100)).reason());
    }

    @Test
    void aFrameLargerThanTheValueStackLimitTrapsOnEntry() {
        StoreConfig defaults = StoreConfig.defaults();
        Store store = new Store(new StoreConfig(defaults.engine(), defaults.maxCallDepth(), 1500, defaults.memoryPageCap()));
        String locals = " i64".repeat(2000);
        Instance i = Wat.instantiate(store, "(module (func (export \"big\") (local" + locals + ")))", new Imports());
        Trap t = assertThrows(Trap.class, () -> i.call("big"));
        assertEquals("call stack exhausted", t.reason());
        assertEquals(1, t.wasmStack().size());
    }

    @Test
    void interruptFromAnotherThreadStopsALoop() {
        Store store = new Store();
        Instance i = Wat.instantiate(store, SPIN, new Imports());
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.interrupt();
        });
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            InterruptTrap t = assertThrows(InterruptTrap.class, () -> i.call("spin"));
            assertEquals("interrupted", t.reason());
        });
        stopper.interrupt();
        store.clearInterrupt();
    }

    @Test
    void deadlineAndFuelStopALoop() {
        Store store = new Store();
        Instance i = Wat.instantiate(store, SPIN, new Imports());
        store.setDeadline(System.nanoTime() + 50_000_000L);
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertEquals("deadline exceeded", assertThrows(InterruptTrap.class, () -> i.call("spin")).reason()));
        store.clearDeadline();
        store.setFuel(100_000);
        assertEquals("out of fuel", assertThrows(InterruptTrap.class, () -> i.call("spin")).reason());
        assertEquals(0, store.fuel());
    }

    @Test
    void fuelIsSpentOnlyByWhatRuns() {
        Store store = new Store();
        Instance i = Wat.instantiate(store, RECURSE, new Imports());
        store.setFuel(1_000_000);
        assertEquals(10, Wat.i32(i, "down", 10));
        store.setFuel(-1);
        assertEquals(5000, Wat.i32(i, "down", 5000));
    }
}
