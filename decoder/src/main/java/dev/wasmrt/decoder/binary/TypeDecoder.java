package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.GlobalType;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.ValType;

import java.util.ArrayList;
import java.util.List;

/** Decodes value, reference, heap, storage, composite, table, memory and global types. */
final class TypeDecoder {
    static final int FUNC = 0x60, STRUCT = 0x5F, ARRAY = 0x5E, SUB = 0x50, SUB_FINAL = 0x4F, REC = 0x4E;
    static final int REF = 0x64, REF_NULL = 0x63, PACKED_I8 = 0x78, PACKED_I16 = 0x77;

    /** Type indices are packed into 29 signed bits by {@link ValType#encode()}. */
    private static final long MAX_TYPE_INDEX = (1 << 28) - 1;

    private final ByteReader in;

    TypeDecoder(ByteReader in) { this.in = in; }

    ValType valType() {
        int at = in.pos();
        ValType t = valTypeOrNull(typeCode());
        if (t == null) throw in.errorAt("malformed value type", at);
        return t;
    }

    ValType refType() {
        int at = in.pos();
        ValType t = valTypeOrNull(typeCode());
        if (t == null || !t.isRef()) throw in.errorAt("malformed reference type", at);
        return t;
    }

    /** A type constructor: a one-byte signed LEB128 value, so a continuation bit means too long. */
    private int typeCode() {
        int at = in.pos();
        int b = in.u8();
        if ((b & 0x80) != 0) throw in.errorAt("integer representation too long", at);
        return b;
    }

    /** The value type that starts with the already-read byte {@code b}, or null when none does. */
    ValType valTypeOrNull(int b) {
        return switch (b) {
            case 0x7F -> ValType.I32;
            case 0x7E -> ValType.I64;
            case 0x7D -> ValType.F32;
            case 0x7C -> ValType.F64;
            case 0x7B -> ValType.V128;
            case REF -> ValType.ref(false, heapType());
            case REF_NULL -> ValType.ref(true, heapType());
            default -> isAbstractHeapType(b - 0x80) ? ValType.ref(true, b - 0x80) : null;
        };
    }

    static boolean isAbstractHeapType(int s7) {
        return s7 <= ValType.HT_NOEXN && s7 >= ValType.HT_EXN;
    }

    int heapType() {
        int at = in.pos();
        long v = in.s33();
        if (v < 0) {
            if (v < -0x40 || !isAbstractHeapType((int) v)) throw in.errorAt("malformed heap type", at);
            return (int) v;
        }
        return typeIndex(v, at);
    }

    int typeIndex(long v, int at) {
        if (v > MAX_TYPE_INDEX) throw in.errorAt("integer too large", at);
        return (int) v;
    }

    /** One entry of the type section: a rec group of several subtypes, or a single one. */
    List<SubType> recGroup() {
        if (in.peek() == REC) {
            in.u8();
            int n = in.count();
            List<SubType> group = new ArrayList<>(n);
            for (int i = 0; i < n; i++) group.add(subType());
            return group;
        }
        return List.of(subType());
    }

    SubType subType() {
        int b = in.peek();
        if (b == SUB || b == SUB_FINAL) {
            in.u8();
            int n = in.count();
            List<Integer> supers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int at = in.pos();
                supers.add(typeIndex(Integer.toUnsignedLong(in.u32()), at));
            }
            return new SubType(b == SUB_FINAL, supers, compositeType());
        }
        return SubType.plain(compositeType());
    }

    CompositeType compositeType() {
        int at = in.pos();
        return switch (typeCode()) {
            case FUNC -> new CompositeType.Func(valTypes(), valTypes());
            case STRUCT -> {
                int n = in.count();
                List<FieldType> fields = new ArrayList<>(n);
                for (int i = 0; i < n; i++) fields.add(fieldType());
                yield new CompositeType.Struct(fields);
            }
            case ARRAY -> new CompositeType.Array(fieldType());
            default -> throw in.errorAt("malformed definition type", at);
        };
    }

    List<ValType> valTypes() {
        int n = in.count();
        List<ValType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) types.add(valType());
        return types;
    }

    FieldType fieldType() {
        int at = in.pos();
        int b = in.u8();
        int packedBits = b == PACKED_I8 ? 8 : b == PACKED_I16 ? 16 : 0;
        ValType type = packedBits != 0 ? ValType.I32 : valTypeOrNull(b);
        if (type == null) throw in.errorAt("malformed storage type", at);
        return new FieldType(type, packedBits, mutability());
    }

    boolean mutability() {
        int at = in.pos();
        int b = in.u8();
        if (b > 1) throw in.errorAt("malformed mutability", at);
        return b == 1;
    }

    GlobalType globalType() {
        ValType t = valType();
        return new GlobalType(t, mutability());
    }

    TableType tableType() {
        ValType element = refType();
        int at = in.pos();
        int flags = in.u8();
        if ((flags & ~0b101) != 0) throw in.errorAt("malformed limits flags", at);
        boolean is64 = (flags & 0b100) != 0;
        return new TableType(element, limits(flags), is64);
    }

    MemoryType memoryType() {
        int at = in.pos();
        int flags = in.u8();
        if ((flags & ~0b1111) != 0) throw in.errorAt("malformed limits flags", at);
        boolean is64 = (flags & 0b100) != 0;
        Limits limits = limits(flags);
        int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        if ((flags & 0b1000) != 0) {
            int exponentAt = in.pos();
            pageSizeLog2 = in.u32();
            // A page of 2^64 bytes or more cannot be described at all; smaller odd sizes are the validator's call.
            if (pageSizeLog2 < 0 || pageSizeLog2 >= 64) throw in.errorAt("invalid custom page size", exponentAt);
        }
        return new MemoryType(limits, is64, (flags & 0b10) != 0, pageSizeLog2);
    }

    private Limits limits(int flags) {
        // Read as u64 even for 32-bit types, like the reference: the range is the validator's check.
        long min = in.u64();
        return (flags & 1) == 0 ? Limits.of(min) : Limits.of(min, in.u64());
    }
}
