package dev.wasmrt.interpreter.gc;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class StructLayoutTest {
    private static StructLayout layout(String fields) {
        var m = Wasm.parse("(module (type (struct " + fields + ")))").module();
        return new StructLayout(7, (CompositeType.Struct) m.types().getFirst().composite());
    }

    @Test
    void numbersAndReferencesGetSeparateDenseSlots() {
        StructLayout l = layout("(field i8) (field anyref) (field v128) (field f64) (field externref)");
        assertEquals(0, l.slot(0));
        assertEquals(0, l.slot(1));
        assertEquals(1, l.slot(2));
        assertEquals(3, l.slot(3));
        assertEquals(1, l.slot(4));
        assertEquals(6, l.operandSlots(), "five fields, the v128 taking two");
        WasmStruct s = l.allocate();
        assertEquals(4, s.bits.length);
        assertEquals(2, s.refs.length);
        assertEquals(7, s.typeId());
    }

    @Test
    void fieldsReadBackAsWrittenWithPackedOnesNarrowed() {
        StructLayout l = layout("(field (mut i16)) (field (mut anyref)) (field (mut v128)) (field (mut i32))");
        WasmStruct s = l.allocate();
        assertNull(s.getRef(1));
        s.setBits(0, 0xABCD_8000L);
        s.setV128(2, 11, 12);
        s.setBits(3, 0xFFFF_FFFEL);
        Object ref = new Object();
        s.setRef(1, ref);
        assertEquals(-0x8000, s.getBits(0, false));
        assertEquals(0x8000, s.getBits(0, true));
        assertEquals(11, s.getBits(2, false));
        assertEquals(12, s.getHigh(2));
        assertEquals(-2, s.getBits(3, false));
        assertSame(ref, s.getRef(1));
    }
}
