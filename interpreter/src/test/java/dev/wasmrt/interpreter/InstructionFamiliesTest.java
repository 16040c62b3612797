package dev.wasmrt.interpreter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Memory, table, atomic, wide-arithmetic and reference instructions as guests use them. */
class InstructionFamiliesTest {
    @Test
    void memoryGrowAndOverlappingCopyInTheGuest() {
        Instance i = Wat.instantiate("""
                (module (memory (export "m") 1 2)
                  (data (i32.const 0) "\\01\\02\\03\\04\\05")
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
                  (func (export "size") (result i32) (memory.size))
                  (func (export "shift") (memory.copy (i32.const 1) (i32.const 0) (i32.const 4))))
                """);
        assertEquals(1, Wat.i32(i, "grow", 1));
        assertEquals(-1, Wat.i32(i, "grow", 1));
        assertEquals(2, Wat.i32(i, "size"));
        i.call("shift");
        assertEquals(0x04030201_01L, i.memory("m").loadI64(0) & 0xFF_FFFFFFFFL);
    }

    @Test
    void memory64UsesSixtyFourBitAddressesAndSizes() {
        Instance i = Wat.instantiate("""
                (module (memory i64 1)
                  (func (export "rw") (param i64 i64) (result i64) (i64.store (local.get 0) (local.get 1)) (i64.load (local.get 0)))
                  (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0))))
                """);
        assertEquals(-5, Wat.i64(i, "rw", 65528, -5));
        assertEquals("out of bounds memory access", assertThrows(Trap.class, () -> i.call("rw", 1L << 32, 1)).reason());
        assertEquals(1, Wat.i64(i, "grow", 1));
        assertEquals(-1, Wat.i64(i, "grow", Long.MIN_VALUE));
    }

    @Test
    void tableGrowFillCopyAndInit() {
        Instance i = Wat.instantiate("""
                (module (table $t (export "t") 1 funcref)
                  (func $a (result i32) (i32.const 1)) (func $b (result i32) (i32.const 2))
                  (elem $seg func $a $b)
                  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.func $a) (local.get 0)))
                  (func (export "init") (table.init $t $seg (i32.const 2) (i32.const 0) (i32.const 2)))
                  (func (export "copy") (table.copy $t $t (i32.const 0) (i32.const 3) (i32.const 1)))
                  (func (export "call") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0))))
                """);
        assertEquals(1, Wat.i32(i, "grow", 3));
        assertEquals(4, i.table("t").size());
        i.call("init");
        i.call("copy");
        assertEquals(2, Wat.i32(i, "call", 0));
        assertEquals(1, Wat.i32(i, "call", 1));
        assertEquals(2, Wat.i32(i, "call", 3));
        assertEquals(-1, Wat.i32(i, "grow", 1 << 30));
    }

    @Test
    void atomicReadModifyWriteReturnsTheOldValue() {
        Instance i = Wat.instantiate("""
                (module (memory 1 1 shared)
                  (func (export "add") (param i32) (result i32) (i32.atomic.rmw.add (i32.const 8) (local.get 0)))
                  (func (export "cas8") (param i32 i32) (result i32) (i32.atomic.rmw8.cmpxchg_u (i32.const 8) (local.get 0) (local.get 1)))
                  (func (export "load") (result i32) (i32.atomic.load (i32.const 8)))
                  (func (export "unaligned") (result i32) (i32.atomic.load (i32.const 2)))
                  (func (export "wait") (param i32) (result i32) (memory.atomic.wait32 (i32.const 8) (local.get 0) (i64.const 0))))
                """);
        assertEquals(0, Wat.i32(i, "add", 300));
        assertEquals(300, Wat.i32(i, "add", 1));
        assertEquals(0x2D, Wat.i32(i, "cas8", 301, 7), "the expected value is wrapped to the byte 0x2D, which matches");
        assertEquals(7, Wat.i32(i, "cas8", 0x2D, 9), "0x07 does not match, nothing is stored");
        assertEquals(0x107, Wat.i32(i, "load"));
        assertEquals("unaligned atomic", assertThrows(Trap.class, () -> i.call("unaligned")).reason());
        assertEquals(1, Wat.i32(i, "wait", 0));
        assertEquals(2, Wat.i32(i, "wait", 0x107));
    }

    @Test
    void wideArithmeticProducesBothWords() {
        Instance i = Wat.instantiate("""
                (module
                  (func (export "add128") (param i64 i64 i64 i64) (result i64 i64)
                    (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
                  (func (export "mul") (param i64 i64) (result i64 i64) (i64.mul_wide_u (local.get 0) (local.get 1))))
                """);
        assertArrayEquals(new long[] {0, 1}, i.call("add128", -1, 0, 1, 0));
        assertArrayEquals(new long[] {1, -2}, i.call("mul", -1, -1));
    }

    @Test
    void typedReferencesBranchOnNull() {
        Instance i = Wat.instantiate("""
                (module (type $t (func (result i32)))
                  (func $seven (type $t) (i32.const 7))
                  (elem declare func $seven)
                  (func (export "f") (param i32) (result i32)
                    (block $null
                      (return (call_ref $t (br_on_null $null
                        (select (result (ref null $t)) (ref.func $seven) (ref.null $t) (local.get 0))))))
                    (i32.const -1)))
                """);
        assertEquals(7, Wat.i32(i, "f", 1));
        assertEquals(-1, Wat.i32(i, "f", 0));
    }
}
