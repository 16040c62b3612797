package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;

import java.util.Arrays;

/**
 * A table of references. Engines read {@link #elements} directly (its length is the table's
 * size; growth replaces the array, so read the field on each access rather than caching it).
 */
public final class Table implements Extern {
    /** The most entries a table may reach: an implementation limit, so hostile growth fails with -1 rather than OutOfMemoryError. */
    public static final long MAX_ELEMENTS = 1L << 24;

    private final ValType elementType;
    final RtType rtType;
    private final long max;
    private final boolean hasMax;
    private final boolean is64;

    public Object[] elements;

    public Table(ValType elementType, long min, long max, boolean hasMax, boolean is64, Object init) {
        this(elementType, RtType.of(elementType), min, max, hasMax, is64, init);
    }

    Table(ValType elementType, RtType rtType, long min, long max, boolean hasMax, boolean is64, Object init) {
        if (min > MAX_ELEMENTS) throw new Trap("table size exceeds the implementation limit");
        this.elementType = elementType;
        this.rtType = rtType;
        this.max = max;
        this.hasMax = hasMax;
        this.is64 = is64;
        this.elements = new Object[(int) min];
        if (init != null) Arrays.fill(elements, init);
    }

    public ValType elementType() { return elementType; }

    public long size() { return elements.length; }

    public boolean hasMax() { return hasMax; }

    public long max() { return max; }

    public boolean is64() { return is64; }

    public Object get(long index) {
        Object[] e = elements;
        if (index < 0 || index >= e.length) throw Trap.tableOutOfBounds();
        return e[(int) index];
    }

    public void set(long index, Object value) {
        Object[] e = elements;
        if (index < 0 || index >= e.length) throw Trap.tableOutOfBounds();
        e[(int) index] = value;
    }

    /** Grows by {@code delta} entries filled with {@code init}; returns the old size or -1. */
    public long grow(long delta, Object init) {
        long old = elements.length;
        long limit = hasMax ? Math.min(max, MAX_ELEMENTS) : MAX_ELEMENTS;
        if (delta < 0 || delta > limit - old) return -1;
        Object[] next = Arrays.copyOf(elements, (int) (old + delta));
        Arrays.fill(next, (int) old, next.length, init);
        elements = next;
        return old;
    }

    public void fill(long index, Object value, long length) {
        Object[] e = elements;
        if (index < 0 || length < 0 || index + length > e.length) throw Trap.tableOutOfBounds();
        Arrays.fill(e, (int) index, (int) (index + length), value);
    }

    /** table.copy; overlapping ranges copy as if through a buffer. */
    public void copyFrom(Table src, long srcIndex, long dstIndex, long length) {
        if (srcIndex < 0 || dstIndex < 0 || length < 0
                || srcIndex + length > src.elements.length || dstIndex + length > elements.length) throw Trap.tableOutOfBounds();
        System.arraycopy(src.elements, (int) srcIndex, elements, (int) dstIndex, (int) length);
    }

    /** table.init / active element segment: items {@code [from, from+length)} to {@code index}. */
    public void init(long index, Object[] items, long from, long length) {
        if (index < 0 || from < 0 || length < 0 || from + length > items.length
                || index + length > elements.length) throw Trap.tableOutOfBounds();
        System.arraycopy(items, (int) from, elements, (int) index, (int) length);
    }
}
