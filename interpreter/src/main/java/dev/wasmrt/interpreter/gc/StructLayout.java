package dev.wasmrt.interpreter.gc;

import dev.wasmrt.decoder.model.CompositeType;

/**
 * Where each field of a struct type lives in a {@link WasmStruct}: numbers in its {@code bits}
 * (one long per field, two for {@code v128}), references in its {@code refs}.
 */
public final class StructLayout {
    private final int typeId;
    private final StorageKind[] kinds;
    private final int[] slots;
    private final int bitsLength;
    private final int refsLength;
    private final int operandSlots;

    /** @param typeId the canonical type id the structs of this layout carry */
    public StructLayout(int typeId, CompositeType.Struct type) {
        this.typeId = typeId;
        int n = type.fields().size();
        kinds = new StorageKind[n];
        slots = new int[n];
        int bits = 0, refs = 0;
        for (int i = 0; i < n; i++) {
            StorageKind k = StorageKind.of(type.fields().get(i));
            kinds[i] = k;
            if (k == StorageKind.REF) slots[i] = refs++;
            else {
                slots[i] = bits;
                bits += k.slots();
            }
        }
        bitsLength = bits;
        refsLength = refs;
        operandSlots = bits + refs;
    }

    public int typeId() { return typeId; }

    public int fieldCount() { return kinds.length; }

    public StorageKind kind(int field) { return kinds[field]; }

    /** The field's index in {@code bits} or, for a reference, in {@code refs}. */
    public int slot(int field) { return slots[field]; }

    /** A struct with every field at its default (zero or null). */
    public WasmStruct allocate() {
        return new WasmStruct(this, new long[bitsLength], refsLength == 0 ? NO_REFS : new Object[refsLength]);
    }

    /** Operand stack slots all fields take together ({@code struct.new}'s operands). */
    public int operandSlots() { return operandSlots; }

    private static final Object[] NO_REFS = new Object[0];
}
