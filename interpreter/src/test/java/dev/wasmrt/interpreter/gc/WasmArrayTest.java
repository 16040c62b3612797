package dev.wasmrt.interpreter.gc;

import dev.wasmrt.interpreter.Trap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WasmArrayTest {
    private static String trap(Runnable r) {
        return assertThrows(Trap.class, r::run).reason();
    }

    @Test
    void packedElementsAreNarrowedOnWriteAndWidenedOnRead() {
        WasmArray bytes = WasmArray.allocate(0, StorageKind.I8, 2);
        bytes.setBits(0, 0x1FF);
        assertEquals(-1, bytes.getBits(0, false));
        assertEquals(0xFF, bytes.getBits(0, true));
        WasmArray shorts = WasmArray.allocate(0, StorageKind.I16, 1);
        shorts.setBits(0, 0x8001);
        assertEquals(-0x7FFF, shorts.getBits(0, false));
        assertEquals(0x8001, shorts.getBits(0, true));
    }

    @Test
    void i32ElementsComeBackSignExtendedAndF32ElementsAsUnsignedBits() {
        WasmArray ints = WasmArray.allocate(0, StorageKind.I32, 1);
        ints.setBits(0, 0xFFFF_FFFFL);
        assertEquals(-1, ints.getBits(0, false));
        WasmArray floats = WasmArray.allocate(0, StorageKind.F32, 1);
        floats.setBits(0, Float.floatToRawIntBits(-1.5f));
        assertEquals(Float.floatToRawIntBits(-1.5f) & 0xFFFF_FFFFL, floats.getBits(0, false));
    }

    @Test
    void indicesAtOrPastTheLengthTrap() {
        WasmArray a = WasmArray.allocate(0, StorageKind.I64, 3);
        assertEquals("out of bounds array access", trap(() -> a.getBits(3, false)));
        assertEquals("out of bounds array access", trap(() -> a.setBits(0xFFFF_FFFFL, 1)));
        assertEquals("out of bounds array access", trap(() -> a.fill(2, 2, 7, 0)));
        a.fill(3, 0, 7, 0); // an empty range at the end is fine
        a.fill(1, 2, 7, 0);
        assertEquals(0, a.getBits(0, false));
        assertEquals(7, a.getBits(2, false));
    }

    @Test
    void overlappingCopiesBehaveAsThroughABuffer() {
        WasmArray a = WasmArray.allocate(0, StorageKind.I16, 5);
        for (int i = 0; i < 5; i++) a.setBits(i, i + 1);
        a.copyFrom(a, 0, 1, 4);
        long[] got = new long[5];
        for (int i = 0; i < 5; i++) got[i] = a.getBits(i, false);
        assertArrayEquals(new long[] {1, 1, 2, 3, 4}, got);
        assertEquals("out of bounds array access", trap(() -> a.copyFrom(a, 2, 0, 4)));
    }

    @Test
    void v128ElementsKeepBothHalves() {
        WasmArray v = WasmArray.allocate(0, StorageKind.V128, 3);
        v.fill(0, 3, 0x1111, 0x2222);
        v.setV128(1, 5, 6);
        WasmArray w = WasmArray.allocate(0, StorageKind.V128, 3);
        w.copyFrom(v, 1, 0, 2);
        assertEquals(5, w.getBits(0, false));
        assertEquals(6, w.getHigh(0));
        assertEquals(0x1111, w.getBits(1, false));
        assertEquals(0x2222, w.getHigh(1));
        assertEquals(0, w.getHigh(2));
    }

    @Test
    void dataIsReadLittleEndianAndItsBoundsCheckedAfterTheArrays() {
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        WasmArray ints = WasmArray.allocate(0, StorageKind.I32, 2);
        ints.loadData(0, data, 1, 2);
        assertEquals(0x0504_0302, ints.getBits(0, false));
        assertEquals(0x0908_0706, ints.getBits(1, false));
        assertEquals("out of bounds memory access", trap(() -> ints.loadData(0, data, 2, 2)));
        assertEquals("out of bounds array access", trap(() -> ints.loadData(1, data, 100, 2)));
        WasmArray v = WasmArray.allocate(0, StorageKind.V128, 1);
        byte[] sixteen = new byte[16];
        sixteen[0] = 1;
        sixteen[15] = (byte) 0x80;
        v.loadData(0, sixteen, 0, 1);
        assertEquals(1, v.getBits(0, false));
        assertEquals(0x8000_0000_0000_0000L, v.getHigh(0));
    }

    @Test
    void referenceArraysLoadSegmentItemsAndFill() {
        Object x = new Object(), y = new Object();
        WasmArray refs = WasmArray.allocate(0, StorageKind.REF, 3);
        assertNull(refs.getRef(0));
        refs.loadRefs(1, new Object[] {x, y}, 0, 2);
        assertSame(x, refs.getRef(1));
        assertSame(y, refs.getRef(2));
        assertEquals("out of bounds table access", trap(() -> refs.loadRefs(0, new Object[] {x}, 1, 1)));
        refs.fillRef(0, 2, y);
        assertSame(y, refs.getRef(0));
        assertSame(y, refs.getRef(1));
    }

    @Test
    void hostileLengthsTrapInsteadOfExhaustingTheHeap() {
        String reason = trap(() -> WasmArray.allocate(0, StorageKind.I64, 0xFFFF_FFFFL));
        assertTrue(reason.contains("limit"), reason);
        assertEquals(0, WasmArray.allocate(0, StorageKind.REF, 0).length());
    }
}
