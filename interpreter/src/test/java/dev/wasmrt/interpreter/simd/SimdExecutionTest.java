package dev.wasmrt.interpreter.simd;

import dev.wasmrt.interpreter.Global;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** v128 values moving through the interpreter: locals, globals, select, drop, blocks, calls, memory. */
class SimdExecutionTest {
    private static Instance instantiate(String wat) {
        return new Store().instantiate(Wasm.parse(wat), new Imports());
    }

    @Test
    void vectorsTravelThroughLocalsBlocksAndCalls() {
        Instance i = instantiate("""
                (module
                  (func $swap (param v128 v128) (result v128 v128) (local.get 1) (local.get 0))
                  (func (export "f") (param i32 v128 i64) (result i64 v128 i32)
                    (local v128)
                    (local.set 3 (i32x4.add (local.get 1) (v128.const i32x4 1 2 3 4)))
                    (local.get 2)
                    (v128.const i64x2 7 8)
                    (block (param v128) (result v128)
                      (call $swap (local.get 3))
                      (drop))
                    (local.get 0)))
                """);
        long[] out = i.call("f", 5, 0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L, -9);
        // i32x4 (1 2 3 4) + (1 2 3 4) = (2 4 6 8); the swap puts the constant on top, which is dropped.
        assertArrayEquals(new long[] {-9, 0x0000_0004_0000_0002L, 0x0000_0008_0000_0006L, 5}, out);
    }

    @Test
    void selectPicksWholeVectors() {
        Instance i = instantiate("""
                (module
                  (func (export "untyped") (param v128 v128 i32) (result v128) (select (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "typed") (param v128 v128 i32) (result v128) (select (result v128) (local.get 0) (local.get 1) (local.get 2))))
                """);
        assertArrayEquals(new long[] {1, 2}, i.call("untyped", 1, 2, 3, 4, 1));
        assertArrayEquals(new long[] {3, 4}, i.call("untyped", 1, 2, 3, 4, 0));
        assertArrayEquals(new long[] {3, 4}, i.call("typed", 1, 2, 3, 4, 0));
    }

    @Test
    void exceptionPayloadsCarryVectors() {
        Instance i = instantiate("""
                (module (tag $t (param i32 v128))
                  (func (export "f") (result i32 v128)
                    (block $h (result i32 v128)
                      (try_table (catch $t $h) (throw $t (i32.const 7) (v128.const i64x2 -3 9)))
                      (unreachable))))
                """);
        assertArrayEquals(new long[] {7, -3, 9}, i.call("f"));
    }

    @Test
    void globalsHoldBothHalvesFromConstantExpressions() {
        Instance i = instantiate("""
                (module
                  (global $k v128 (v128.const i64x2 -1 2))
                  (global $g (export "g") (mut v128) (global.get $k))
                  (func (export "get") (result v128) (global.get $g))
                  (func (export "bump") (global.set $g (i64x2.add (global.get $g) (global.get $k)))))
                """);
        assertArrayEquals(new long[] {-1, 2}, i.call("get"));
        i.call("bump");
        assertArrayEquals(new long[] {-2, 4}, i.call("get"));
        Global g = i.global("g");
        assertEquals(-2, g.bits);
        assertEquals(4, g.high);
    }

    @Test
    void laneInstructionsAndReductions() {
        Instance i = instantiate("""
                (module
                  (func (export "lanes") (param i32) (result i32)
                    (i8x16.extract_lane_u 15 (i8x16.replace_lane 15 (i8x16.splat (i32.const 1)) (local.get 0))))
                  (func (export "bitmask") (param v128) (result i32) (i16x8.bitmask (local.get 0))))
                """);
        assertEquals(0xFE, (int) i.call("lanes", -2)[0]);
        assertEquals(0b1000_0001, (int) i.call("bitmask", 0x0000_0000_0000_8000L, 0x8000_0000_0000_0000L)[0]);
    }

    @Test
    void memoryAccessesUseLittleEndianOrderAndTrapAtTheEnd() {
        Instance i = instantiate("""
                (module (memory 1)
                  (func (export "store") (param i32 v128) (v128.store (local.get 0) (local.get 1)))
                  (func (export "load16x4_s") (param i32) (result v128) (v128.load16x4_s (local.get 0)))
                  (func (export "lane") (param i32) (result v128) (v128.load8_lane 3 (local.get 0) (v128.const i64x2 0 0))))
                """);
        i.call("store", 0, 0x8000_0003_0002_0001L, 0);
        assertArrayEquals(new long[] {0x0000_0002_0000_0001L, 0xFFFF_8000_0000_0003L}, i.call("load16x4_s", 0));
        assertArrayEquals(new long[] {0x0100_0000L, 0}, i.call("lane", 0));
        assertEquals("out of bounds memory access", assertThrows(Trap.class, () -> i.call("store", 65536 - 15, -1, -1)).reason());
        assertArrayEquals(new long[] {0, 0}, i.call("load16x4_s", 65536 - 8));
    }
}
