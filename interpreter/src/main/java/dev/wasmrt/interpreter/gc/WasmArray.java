package dev.wasmrt.interpreter.gc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An array object, specialised by element storage so that nothing is boxed: {@code byte[]} for
 * i8, {@code short[]} for i16, {@code int[]} for i32/f32 bits, {@code long[]} for i64/f64 bits,
 * a {@code long[]} of low/high pairs for v128 and {@code Object[]} for references.
 *
 * <p>Index arguments are unsigned i32 values in a {@code long}; every method checks its range
 * and traps "out of bounds array access". Validation guarantees that only the accessors of the
 * array's own storage are called, so the others are unreachable.
 */
public abstract sealed class WasmArray {
    /** The most bytes one array may occupy: an implementation limit that keeps hostile sizes from exhausting the heap. */
    public static final long MAX_BYTES = 1L << 28;

    private static final VarHandle LE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int typeId;
    final StorageKind kind;

    private WasmArray(int typeId, StorageKind kind) {
        this.typeId = typeId;
        this.kind = kind;
    }

    /** A zero/null-filled array of {@code length} (an unsigned i32) elements. */
    public static WasmArray allocate(int typeId, StorageKind kind, long length) {
        long elementBytes = kind == StorageKind.REF ? 8 : kind.bytes;
        if (length < 0 || length * elementBytes > MAX_BYTES) throw GcTraps.allocationTooLarge();
        int n = (int) length;
        try {
            return switch (kind) {
                case I8 -> new Bytes(typeId, new byte[n]);
                case I16 -> new Shorts(typeId, new short[n]);
                case I32, F32 -> new Ints(typeId, kind, new int[n]);
                case I64, F64 -> new Longs(typeId, kind, new long[n]);
                case V128 -> new Vectors(typeId, new long[2 * n]);
                case REF -> new Refs(typeId, new Object[n]);
            };
        } catch (OutOfMemoryError e) {
            // Large arrays that the heap cannot hold right now: a trap, not a dead runtime.
            throw GcTraps.outOfMemory();
        }
    }

    /** The canonical type id, for casts. */
    public final int typeId() { return typeId; }

    public final StorageKind kind() { return kind; }

    public abstract int length();

    /** Element {@code index} as the operand stack holds it (the low half for v128). */
    public long getBits(long index, boolean unsigned) { throw wrongStorage(); }

    /** The high half of a v128 element. */
    public long getHigh(long index) { throw wrongStorage(); }

    public Object getRef(long index) { throw wrongStorage(); }

    public void setBits(long index, long value) { throw wrongStorage(); }

    public void setV128(long index, long low, long high) { throw wrongStorage(); }

    public void setRef(long index, Object value) { throw wrongStorage(); }

    /** array.fill with a number (for v128, {@code high} is the upper half; ignored otherwise). */
    public void fill(long from, long count, long value, long high) { throw wrongStorage(); }

    public void fillRef(long from, long count, Object value) { throw wrongStorage(); }

    /** array.copy from an array of the same storage; overlapping ranges copy as through a buffer. */
    public final void copyFrom(WasmArray src, long srcFrom, long dstFrom, long count) {
        checkRange(dstFrom, count);
        src.checkRange(srcFrom, count);
        int scale = this instanceof Vectors ? 2 : 1;
        System.arraycopy(src.storage(), (int) srcFrom * scale, storage(), (int) dstFrom * scale, (int) count * scale);
    }

    /**
     * Copies {@code count} elements from little-endian {@code data} at byte {@code offset}
     * (array.new_data, array.init_data). Traps for the array range first, then for the data.
     */
    public final void loadData(long dstFrom, byte[] data, long offset, long count) {
        checkRange(dstFrom, count);
        int size = kind.bytes;
        if (offset < 0 || offset + count * size > data.length) throw GcTraps.dataOutOfBounds();
        int at = (int) offset;
        int d = (int) dstFrom;
        for (int i = 0; i < count; i++, at += size) {
            switch (this) {
                case Bytes b -> b.values[d + i] = data[at];
                case Shorts s -> s.values[d + i] = (short) LE_SHORT.get(data, at);
                case Ints n -> n.values[d + i] = (int) LE_INT.get(data, at);
                case Longs n -> n.values[d + i] = (long) LE_LONG.get(data, at);
                case Vectors v -> {
                    v.values[2 * (d + i)] = (long) LE_LONG.get(data, at);
                    v.values[2 * (d + i) + 1] = (long) LE_LONG.get(data, at + 8);
                }
                case Refs r -> throw wrongStorage();
            }
        }
    }

    /** Copies {@code count} references from a segment's items (array.new_elem, array.init_elem). */
    public final void loadRefs(long dstFrom, Object[] items, long offset, long count) {
        checkRange(dstFrom, count);
        if (offset < 0 || offset + count > items.length) throw GcTraps.elementsOutOfBounds();
        System.arraycopy(items, (int) offset, ((Refs) this).values, (int) dstFrom, (int) count);
    }

    final void checkRange(long from, long count) {
        if (from < 0 || count < 0 || from + count > length()) throw GcTraps.arrayOutOfBounds();
    }

    final int index(long index) {
        if (index < 0 || index >= length()) throw GcTraps.arrayOutOfBounds();
        return (int) index;
    }

    abstract Object storage();

    private static IllegalStateException wrongStorage() {
        return new IllegalStateException("access that does not fit the array's storage: validation rules it out");
    }

    @Override
    public String toString() { return "array#" + typeId + "[" + length() + "]"; }

    static final class Bytes extends WasmArray {
        final byte[] values;

        Bytes(int typeId, byte[] values) { super(typeId, StorageKind.I8); this.values = values; }

        @Override public int length() { return values.length; }
        @Override Object storage() { return values; }
        @Override public long getBits(long i, boolean unsigned) { byte v = values[index(i)]; return unsigned ? v & 0xFF : v; }
        @Override public void setBits(long i, long value) { values[index(i)] = (byte) value; }

        @Override
        public void fill(long from, long count, long value, long high) {
            checkRange(from, count);
            Arrays.fill(values, (int) from, (int) (from + count), (byte) value);
        }
    }

    static final class Shorts extends WasmArray {
        final short[] values;

        Shorts(int typeId, short[] values) { super(typeId, StorageKind.I16); this.values = values; }

        @Override public int length() { return values.length; }
        @Override Object storage() { return values; }
        @Override public long getBits(long i, boolean unsigned) { short v = values[index(i)]; return unsigned ? v & 0xFFFF : v; }
        @Override public void setBits(long i, long value) { values[index(i)] = (short) value; }

        @Override
        public void fill(long from, long count, long value, long high) {
            checkRange(from, count);
            Arrays.fill(values, (int) from, (int) (from + count), (short) value);
        }
    }

    static final class Ints extends WasmArray {
        final int[] values;

        Ints(int typeId, StorageKind kind, int[] values) { super(typeId, kind); this.values = values; }

        @Override public int length() { return values.length; }
        @Override Object storage() { return values; }
        @Override public long getBits(long i, boolean unsigned) { return kind.widen(values[index(i)], false); }
        @Override public void setBits(long i, long value) { values[index(i)] = (int) value; }

        @Override
        public void fill(long from, long count, long value, long high) {
            checkRange(from, count);
            Arrays.fill(values, (int) from, (int) (from + count), (int) value);
        }
    }

    static final class Longs extends WasmArray {
        final long[] values;

        Longs(int typeId, StorageKind kind, long[] values) { super(typeId, kind); this.values = values; }

        @Override public int length() { return values.length; }
        @Override Object storage() { return values; }
        @Override public long getBits(long i, boolean unsigned) { return values[index(i)]; }
        @Override public void setBits(long i, long value) { values[index(i)] = value; }

        @Override
        public void fill(long from, long count, long value, long high) {
            checkRange(from, count);
            Arrays.fill(values, (int) from, (int) (from + count), value);
        }
    }

    static final class Vectors extends WasmArray {
        /** Element i is {@code values[2i]} (low) and {@code values[2i+1]} (high). */
        final long[] values;

        Vectors(int typeId, long[] values) { super(typeId, StorageKind.V128); this.values = values; }

        @Override public int length() { return values.length / 2; }
        @Override Object storage() { return values; }
        @Override public long getBits(long i, boolean unsigned) { return values[2 * index(i)]; }
        @Override public long getHigh(long i) { return values[2 * index(i) + 1]; }

        @Override
        public void setV128(long i, long low, long high) {
            int at = 2 * index(i);
            values[at] = low;
            values[at + 1] = high;
        }

        @Override
        public void fill(long from, long count, long value, long high) {
            checkRange(from, count);
            for (int i = (int) from; i < from + count; i++) {
                values[2 * i] = value;
                values[2 * i + 1] = high;
            }
        }
    }

    static final class Refs extends WasmArray {
        final Object[] values;

        Refs(int typeId, Object[] values) { super(typeId, StorageKind.REF); this.values = values; }

        @Override public int length() { return values.length; }
        @Override Object storage() { return values; }
        @Override public Object getRef(long i) { return values[index(i)]; }
        @Override public void setRef(long i, Object value) { values[index(i)] = value; }

        @Override
        public void fillRef(long from, long count, Object value) {
            checkRange(from, count);
            Arrays.fill(values, (int) from, (int) (from + count), value);
        }
    }
}
