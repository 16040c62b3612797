package dev.wasmrt.decoder.model;

/**
 * A struct field or array element: a value type or a packed {@code i8}/{@code i16}, and its
 * mutability. {@code packedBits} is 0 for an unpacked field, else 8 or 16; the value type of a
 * packed field is {@code i32}, as it is on the operand stack.
 */
public record FieldType(ValType type, int packedBits, boolean mutable) {
    public FieldType {
        if (packedBits != 0 && packedBits != 8 && packedBits != 16) throw new IllegalArgumentException("packedBits");
        if (packedBits != 0 && type != ValType.I32) throw new IllegalArgumentException("packed field must be i32");
    }

    public boolean isPacked() { return packedBits != 0; }
}
