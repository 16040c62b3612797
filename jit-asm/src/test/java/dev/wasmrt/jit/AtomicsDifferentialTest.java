package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicsDifferentialTest {
    private static Engines.Pair pair;

    private static final String WAT = """
            (module
              (memory $shared 1 1 shared)
              (memory $plain 1)
              (func (export "add32-wraps") (result i32 i32)
                (i32.atomic.store (i32.const 0) (i32.const 0x7fffffff))
                (i32.atomic.rmw.add (i32.const 0) (i32.const 1))
                (i32.atomic.load (i32.const 0)))
              (func (export "narrow-rmw") (result i32 i64 i64)
                (i64.atomic.store (i32.const 8) (i64.const -1))
                (i32.atomic.rmw8.add_u (i32.const 8) (i32.const 1))
                (i64.atomic.rmw16.sub_u (i32.const 10) (i64.const 2))
                (i64.atomic.load (i32.const 8)))
              (func (export "logic") (result i64 i64 i64 i32)
                (i64.atomic.store (i32.const 16) (i64.const 0xf0f0))
                (i64.atomic.rmw.and (i32.const 16) (i64.const 0xff00))
                (i64.atomic.rmw.or (i32.const 16) (i64.const 0x000f))
                (i64.atomic.rmw32.xor_u (i32.const 16) (i64.const 0xffffffff))
                (i32.atomic.rmw.xchg (i32.const 16) (i32.const 5)))
              (func (export "cmpxchg") (param i32) (result i32 i32 i64)
                (i32.atomic.store (i32.const 24) (i32.const 0xff))
                (i32.atomic.rmw8.cmpxchg_u (i32.const 24) (local.get 0) (i32.const 7))
                (i32.atomic.load8_u (i32.const 24))
                (i64.atomic.rmw32.cmpxchg_u (i32.const 24) (i64.const 7) (i64.const 0x1_0000_0009)))
              (func (export "load-at") (param i32) (result i64) (i64.atomic.load offset=1 (local.get 0)))
              (func (export "store-at") (param i32) (i32.atomic.store16 (local.get 0) (i32.const 1)))
              (func (export "fence") (result i32) (atomic.fence) (i32.const 1))
              (func (export "wait32") (param i32 i64) (result i32)
                (memory.atomic.wait32 (i32.const 32) (local.get 0) (local.get 1)))
              (func (export "wait64-plain") (result i32)
                (memory.atomic.wait64 $plain (i32.const 0) (i64.const 0) (i64.const 0)))
              (func (export "notify") (param i32 i32) (result i32)
                (memory.atomic.notify (local.get 0) (local.get 1)))
              (func (export "notify-plain") (result i32)
                (memory.atomic.notify $plain (i32.const 0) (i32.const 1)))
            )
            """;

    @BeforeAll
    static void build() {
        pair = Engines.pair(WAT);
        assertEquals(Map.of(), Engines.fallbacks(pair));
    }

    @Test
    void readModifyWriteReturnsTheOldValueZeroExtended() {
        assertEquals("[2147483647, -2147483648]", pair.same("add32-wraps").toString());
        // 0xff + 1 wraps byte 8 to 0; 0xffff - 2 at bytes 10-11: 0xffff_ffff_fffd_ff00.
        assertEquals("[255, 65535, -131328]", pair.same("narrow-rmw").toString());
        // 0xf0f0 & 0xff00 = 0xf000; | 0xf = 0xf00f; ^ 0xffffffff on the low half = 0xffff0ff0, read as i32.
        assertEquals("[61680, 61440, 61455, -61456]", pair.same("logic").toString());
    }

    @Test
    void compareExchangeComparesTheAccessWidthOnly() {
        assertEquals("[255, 7, 7]", pair.same("cmpxchg", 0x1ff).toString());
        assertEquals("[255, 255, 255]", pair.same("cmpxchg", 0xfe).toString());
    }

    @Test
    void misalignedAndOutOfBoundsAccessesTrap() {
        assertEquals("trap: unaligned atomic", pair.same("load-at", 0).toString());
        assertEquals("[0]", pair.same("load-at", 7).toString());
        assertEquals("trap: out of bounds memory access", pair.same("load-at", 65535).toString());
        assertEquals("trap: unaligned atomic", pair.same("store-at", 3).toString());
        assertEquals("trap: out of bounds memory access", pair.same("store-at", -2).toString());
        assertEquals("[1]", pair.same("fence").toString());
    }

    @Test
    void waitAndNotifyWithoutWaiters() {
        assertEquals("[1]", pair.same("wait32", 5, 0).toString());
        assertEquals("[2]", pair.same("wait32", 0, 1000).toString());
        assertEquals("trap: expected shared memory", pair.same("wait64-plain").toString());
        assertEquals("[0]", pair.same("notify", 32, 1).toString());
        assertEquals("trap: unaligned atomic", pair.same("notify", 33, 1).toString());
        assertEquals("[0]", pair.same("notify-plain").toString());
    }

    @Test
    void aCompiledWaiterIsWokenByACompiledNotify() throws Exception {
        Instance instance = Engines.store(new Compiler()).instantiate(Wasm.parse(WAT), new Imports());
        CompletableFuture<long[]> waiter = CompletableFuture.supplyAsync(() -> instance.call("wait32", 0, -1));
        long woken = 0;
        while (woken == 0) {
            woken = instance.call("notify", 32, 1)[0];
            Thread.onSpinWait();
        }
        assertEquals(1, woken);
        assertEquals(0, waiter.get(10, TimeUnit.SECONDS)[0]);
    }
}
