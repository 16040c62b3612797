package dev.wasmrt.interpreter.gc;

import dev.wasmrt.decoder.model.FieldType;

/** How a struct field or array element is stored: its width and whether it is a reference. */
public enum StorageKind {
    I8(1), I16(2), I32(4), F32(4), I64(8), F64(8), V128(16), REF(0);

    /** Bytes per element in a data segment ({@code array.new_data}); 0 for references. */
    public final int bytes;

    StorageKind(int bytes) { this.bytes = bytes; }

    public static StorageKind of(FieldType field) {
        if (field.packedBits() == 8) return I8;
        if (field.packedBits() == 16) return I16;
        return switch (field.type().kind()) {
            case I32 -> I32;
            case F32 -> F32;
            case I64 -> I64;
            case F64 -> F64;
            case V128 -> V128;
            case REF -> REF;
        };
    }

    /** Operand stack slots a value of this kind takes. */
    public int slots() { return this == V128 ? 2 : 1; }

    /**
     * A stored packed or 32-bit value as the operand stack holds it: {@code i32} sign-extended,
     * {@code f32} as its zero-extended bits; {@code unsigned} zero-extends packed values.
     */
    long widen(long stored, boolean unsigned) {
        return switch (this) {
            case I8 -> unsigned ? stored & 0xFF : (byte) stored;
            case I16 -> unsigned ? stored & 0xFFFF : (short) stored;
            case I32 -> (int) stored;
            case F32 -> stored & 0xFFFF_FFFFL;
            default -> stored;
        };
    }
}
