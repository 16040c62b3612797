package dev.wasmrt.interpreter.gc;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class I31RefTest {
    @Test
    void theTopBitIsDroppedAndBit30IsTheSign() {
        assertEquals(-1, I31Ref.of(0x7FFF_FFFF).signed());
        assertEquals(0x7FFF_FFFF, I31Ref.of(0x7FFF_FFFF).unsigned());
        assertEquals(-0x4000_0000, I31Ref.of(0x4000_0000).signed());
        assertEquals(0x4000_0000, I31Ref.of(0x4000_0000).unsigned());
        assertEquals(5, I31Ref.of(0x8000_0005).signed());
        assertEquals(0x3FFF_FFFF, I31Ref.of(0xBFFF_FFFF).signed());
    }

    @Test
    void refEqComparesI31ByValueAndOtherReferencesByIdentity() {
        I31Ref a = I31Ref.of(123_456_789), b = I31Ref.of(123_456_789);
        assertNotSame(a, b, "values outside the cache are fresh objects");
        assertTrue(I31Ref.refEq(a, b));
        assertFalse(I31Ref.refEq(a, I31Ref.of(123_456_788)));
        assertTrue(I31Ref.refEq(null, null));
        assertFalse(I31Ref.refEq(a, null));
        assertFalse(I31Ref.refEq(null, a));
        Object x = new Object();
        assertFalse(I31Ref.refEq(x, new Object()));
        assertTrue(I31Ref.refEq(x, x));
    }

    @Property
    void getSAndGetUAgreeWithTheLow31Bits(@ForAll int value) {
        I31Ref ref = I31Ref.of(value);
        assertEquals(value & 0x7FFF_FFFF, ref.unsigned());
        assertEquals(ref.unsigned(), ref.signed() & 0x7FFF_FFFF);
        assertEquals((value & 0x4000_0000) != 0, ref.signed() < 0);
    }
}
