package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemoryTest {
    private static Memory memory(long min, long max, boolean is64, boolean shared, long cap) {
        return new Memory(new MemoryType(Limits.of(min, max), is64, shared, MemoryType.DEFAULT_PAGE_SIZE_LOG2), cap);
    }

    @Test
    void accessesAreLittleEndian() {
        Memory m = Memory.of(1, 1);
        m.storeI32(0, 0x11223344);
        assertEquals(0x44, m.loadU8(0));
        assertEquals(0x3344, m.loadU16(0));
        m.storeI64(8, 0x0102030405060708L);
        assertEquals(0x05060708, m.loadI32(8));
        assertEquals(-1, m.loadI8(100) - 1);
        m.storeI8(100, 0xFF);
        assertEquals(-1, m.loadI8(100));
        assertEquals(255, m.loadU8(100));
    }

    @Test
    void growReturnsTheOldSizeKeepsContentAndRefusesBeyondTheMaximum() {
        Memory m = Memory.of(1, 3);
        m.storeI32(65532, 77);
        assertEquals(1, m.grow(1));
        assertEquals(77, m.loadI32(65532));
        assertEquals(0, m.loadI32(65536 * 2 - 4));
        assertEquals(-1, m.grow(2));
        assertEquals(2, m.grow(0));
        assertEquals(2, m.grow(1));
        assertEquals(3, m.pages());
    }

    @Test
    void growingOnePageAtATimeKeepsContentZeroesNewPagesAndChecksTheNewSize() {
        Memory m = Memory.of(1, 40);
        for (int pages = 1; pages < 40; pages++) {
            long top = (long) pages << 16;
            m.storeI64(top - 8, pages);
            assertEquals(pages, m.grow(1));
            // The segment may be larger than the memory now: bounds still follow the size.
            assertEquals("out of bounds memory access", assertThrows(Trap.class, () -> m.loadU8(top + 65536)).reason());
            assertEquals(0, m.loadI64(top), "a new page reads as zero");
            assertEquals(0, m.loadI64(top + 65536 - 8));
        }
        for (int pages = 1; pages < 40; pages++) assertEquals(pages, m.loadI64(((long) pages << 16) - 8));
    }

    @Test
    void storePageCapRefusesGrowthEvenWithoutAMaximum() {
        Store store = new Store(StoreConfig.defaults().withMemoryPageCap(4));
        Instance i = Wat.instantiate(store, """
                (module (memory 1)
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
                """, new Imports());
        assertEquals(1, Wat.i32(i, "grow", 3));
        assertEquals(-1, Wat.i32(i, "grow", 1));
        assertEquals(-1, Wat.i32(i, "grow", -1));
    }

    @Test
    void sharedMemoryGrowsInPlace() {
        Memory m = memory(1, 4, false, true, Long.MAX_VALUE);
        m.storeI64(16, 99);
        assertEquals(1, m.grow(3));
        assertEquals(99, m.loadI64(16));
        m.storeI32(4 * 65536 - 4, 5);
        assertEquals(5, m.loadI32(4 * 65536 - 4));
    }

    @Test
    void memory64AddressesAboveFourGibibytesAreBoundsChecked() {
        Memory m = memory(1, 10, true, false, Long.MAX_VALUE);
        assertEquals(-1, m.effectiveAddress(-1L, 1), "an overflowing sum is rejected");
        assertEquals("out of bounds memory access", assertThrows(Trap.class, () -> m.loadI32(m.effectiveAddress(1L << 32, 0))).reason());
        Memory m32 = Memory.of(1, 1);
        assertEquals(0xFFFFFFFFL + 0xFFFFFFFFL, m32.effectiveAddress(-1, 0xFFFFFFFFL), "32-bit addresses are unsigned");
    }

    @Test
    void bulkOperationsCheckTheWholeRangeFirst() {
        Memory m = Memory.of(1, 1);
        m.fill(10, 7, 5);
        assertEquals(0x07070707, m.loadI32(10));
        assertThrows(Trap.class, () -> m.fill(65530, 1, 7));
        assertEquals(0, m.loadU8(65530), "nothing is written when the range is out of bounds");
        m.copyFrom(m, 10, 12, 5);
        assertEquals(0x07070707, m.loadI32(13));
        assertEquals(0, m.loadU8(17));
    }

    @Test
    void waitAndNotifyInASingleThreadedGuest() {
        Memory unshared = Memory.of(1, 1);
        assertEquals("expected shared memory", assertThrows(Trap.class, () -> unshared.waitI32(0, 0, 0)).reason());
        assertEquals(0, unshared.notifyWaiters(0, 1));
        Memory shared = memory(1, 1, false, true, Long.MAX_VALUE);
        shared.storeI32(0, 5);
        assertEquals(1, shared.waitI32(0, 6, -1), "a different value returns at once");
        assertEquals(2, shared.waitI32(0, 5, 1_000_000), "the timeout expires");
        assertEquals(0, shared.notifyWaiters(0, 10));
        assertEquals("unaligned atomic", assertThrows(Trap.class, () -> shared.waitI32(2, 0, 0)).reason());
    }

    @Test
    void aWaiterIsWokenByNotifyFromAnotherThread() throws Exception {
        Memory shared = memory(1, 1, false, true, Long.MAX_VALUE);
        int[] result = {-1};
        Thread waiter = Thread.ofPlatform().start(() -> result[0] = shared.waitI32(8, 0, 10_000_000_000L));
        int woken = 0;
        for (int tries = 0; tries < 1000 && woken == 0; tries++) {
            Thread.sleep(5);
            woken = shared.notifyWaiters(8, 1);
        }
        waiter.join();
        assertEquals(1, woken);
        assertEquals(0, result[0]);
    }
}
