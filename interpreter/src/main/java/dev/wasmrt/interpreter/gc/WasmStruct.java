package dev.wasmrt.interpreter.gc;

/**
 * A struct object. Fields are unboxed: numbers as raw bits in {@link #bits}, references in
 * {@link #refs}, at the positions its {@link #layout} gives. A packed field stores what was
 * written and is narrowed to its 8 or 16 bits when read.
 */
public final class WasmStruct {
    public final StructLayout layout;
    public final long[] bits;
    public final Object[] refs;

    WasmStruct(StructLayout layout, long[] bits, Object[] refs) {
        this.layout = layout;
        this.bits = bits;
        this.refs = refs;
    }

    /** The canonical type id, for casts. */
    public int typeId() { return layout.typeId(); }

    /** Field {@code field} as the operand stack holds it (the low half for {@code v128}). */
    public long getBits(int field, boolean unsigned) {
        return layout.kind(field).widen(bits[layout.slot(field)], unsigned);
    }

    /** The high half of a {@code v128} field. */
    public long getHigh(int field) { return bits[layout.slot(field) + 1]; }

    public Object getRef(int field) { return refs[layout.slot(field)]; }

    public void setBits(int field, long value) { bits[layout.slot(field)] = value; }

    public void setV128(int field, long low, long high) {
        int at = layout.slot(field);
        bits[at] = low;
        bits[at + 1] = high;
    }

    public void setRef(int field, Object value) { refs[layout.slot(field)] = value; }

    @Override
    public String toString() { return "struct#" + typeId(); }
}
