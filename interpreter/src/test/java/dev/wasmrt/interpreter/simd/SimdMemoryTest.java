package dev.wasmrt.interpreter.simd;

import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Trap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimdMemoryTest {
    @Test
    void storeAndLoadRoundTripLittleEndian() {
        Memory m = Memory.of(1, 1);
        SimdMemory.store(m, 100, 0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L);
        assertEquals(0x00, m.loadU8(100));
        assertEquals(0x0F, m.loadU8(115));
        assertEquals(0x0706_0504_0302_0100L, SimdMemory.loadLo(m, 100));
        assertEquals(0x0F0E_0D0C_0B0A_0908L, SimdMemory.loadHi(m, 100));
    }

    @Test
    void aStoreStraddlingTheEndWritesNothing() {
        Memory m = Memory.of(1, 1);
        long ea = 65536 - 8;
        Trap t = assertThrows(Trap.class, () -> SimdMemory.store(m, ea, -1L, -1L));
        assertEquals("out of bounds memory access", t.reason());
        assertEquals(0L, m.loadI64(ea));
    }

    @Test
    void overflowedAddressesTrap() {
        Memory m = Memory.of(1, 1);
        assertThrows(Trap.class, () -> SimdMemory.store(m, -1, 0, 0));
        assertThrows(Trap.class, () -> SimdMemory.loadLo(m, -1));
        assertThrows(Trap.class, () -> SimdMemory.loadHi(m, 65536 - 8));
    }
}
