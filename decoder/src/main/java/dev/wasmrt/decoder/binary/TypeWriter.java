package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.GlobalType;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.ValType;

import java.util.List;

/** Writes types in their shortest binary form: the inverse of {@link TypeDecoder}. */
final class TypeWriter {
    private TypeWriter() {}

    static void valType(ByteWriter out, ValType t) {
        switch (t.kind()) {
            case I32 -> out.u8(0x7F);
            case I64 -> out.u8(0x7E);
            case F32 -> out.u8(0x7D);
            case F64 -> out.u8(0x7C);
            case V128 -> out.u8(0x7B);
            case REF -> {
                if (t.nullable() && TypeDecoder.isAbstractHeapType(t.heapType())) {
                    out.u8(t.heapType() + 0x80); // the one-byte shorthand, e.g. funcref
                } else {
                    out.u8(t.nullable() ? TypeDecoder.REF_NULL : TypeDecoder.REF);
                    out.s64(t.heapType());
                }
            }
        }
    }

    static void valTypes(ByteWriter out, List<ValType> types) {
        out.u32(types.size());
        for (ValType t : types) valType(out, t);
    }

    static void subType(ByteWriter out, SubType s) {
        if (!s.isFinal() || !s.supertypes().isEmpty()) {
            out.u8(s.isFinal() ? TypeDecoder.SUB_FINAL : TypeDecoder.SUB);
            out.u32(s.supertypes().size());
            for (int index : s.supertypes()) out.u32(index);
        }
        switch (s.composite()) {
            case CompositeType.Func f -> {
                out.u8(TypeDecoder.FUNC);
                valTypes(out, f.params());
                valTypes(out, f.results());
            }
            case CompositeType.Struct st -> {
                out.u8(TypeDecoder.STRUCT);
                out.u32(st.fields().size());
                for (FieldType field : st.fields()) fieldType(out, field);
            }
            case CompositeType.Array a -> {
                out.u8(TypeDecoder.ARRAY);
                fieldType(out, a.element());
            }
        }
    }

    private static void fieldType(ByteWriter out, FieldType f) {
        switch (f.packedBits()) {
            case 8 -> out.u8(TypeDecoder.PACKED_I8);
            case 16 -> out.u8(TypeDecoder.PACKED_I16);
            default -> valType(out, f.type());
        }
        out.u8(f.mutable() ? 1 : 0);
    }

    static void globalType(ByteWriter out, GlobalType g) {
        valType(out, g.type());
        out.u8(g.mutable() ? 1 : 0);
    }

    static void tableType(ByteWriter out, TableType t) {
        valType(out, t.elementType());
        limits(out, t.limits(), t.is64() ? 0b100 : 0);
    }

    static void memoryType(ByteWriter out, MemoryType m) {
        boolean customPageSize = m.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        limits(out, m.limits(), (m.is64() ? 0b100 : 0) | (m.shared() ? 0b10 : 0) | (customPageSize ? 0b1000 : 0));
        if (customPageSize) out.u32(m.pageSizeLog2());
    }

    private static void limits(ByteWriter out, Limits l, int flags) {
        out.u8(flags | (l.hasMax() ? 1 : 0));
        out.u64(l.min());
        if (l.hasMax()) out.u64(l.max());
    }
}
