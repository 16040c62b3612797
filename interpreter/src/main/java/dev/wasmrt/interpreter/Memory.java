package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A linear memory: little-endian, 32- or 64-bit addressed, up to the limits of its type and of
 * the store's page cap. Backed by one native {@link MemorySegment}, so 4 GiB 32-bit memories and
 * larger 64-bit ones work (RATIONALE: measured against {@code byte[]} with VarHandles). A shared
 * memory reserves its maximum up front and never moves; a non-shared one moves to a segment at
 * least twice as large when it outgrows its own.
 *
 * <p>Access methods take an effective address ({@link #effectiveAddress}) and trap with "out of
 * bounds memory access" when any byte falls outside the current size. They are final and small
 * so compiled code calls them directly and HotSpot inlines them.
 */
public final class Memory implements Extern {
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle ATOMIC_I32 = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle ATOMIC_I64 = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    private final boolean is64;
    private final boolean shared;
    private final int pageSizeLog2;
    private final long maxPages;
    private final boolean hasMax;
    private final long declaredMax;
    private MemorySegment segment;
    private long byteSize;

    /**
     * A memory of {@code type}; {@code pageCap} is the most pages growth may reach regardless of
     * the type's maximum (the store's configurable cap).
     */
    public Memory(MemoryType type, long pageCap) {
        this.is64 = type.is64();
        this.shared = type.shared();
        this.pageSizeLog2 = type.pageSizeLog2();
        Limits limits = type.limits();
        long addressable = is64 ? (1L << (62 - pageSizeLog2)) : (1L << (32 - pageSizeLog2));
        long max = limits.hasMax() ? Math.min(limits.max(), addressable) : addressable;
        this.hasMax = limits.hasMax();
        this.declaredMax = limits.max();
        this.maxPages = Math.min(max, pageCap);
        if (limits.min() > maxPages) throw new Trap("memory size exceeds the page cap");
        this.byteSize = limits.min() << pageSizeLog2;
        long reserve = shared ? maxPages << pageSizeLog2 : byteSize;
        try {
            this.segment = allocate(reserve);
        } catch (OutOfMemoryError e) {
            throw new Trap("cannot allocate " + reserve + " bytes of memory");
        }
    }

    /** A 32-bit, non-shared memory of 64 KiB pages. */
    public static Memory of(long minPages, long maxPages) {
        return new Memory(new MemoryType(Limits.of(minPages, maxPages), false, false, MemoryType.DEFAULT_PAGE_SIZE_LOG2), Long.MAX_VALUE);
    }

    private static MemorySegment allocate(long bytes) {
        if (bytes == 0) return MemorySegment.NULL;
        return Arena.ofAuto().allocate(bytes, 16);
    }

    public boolean is64() { return is64; }

    public boolean shared() { return shared; }

    public int pageSizeLog2() { return pageSizeLog2; }

    /** The current size in pages. */
    public long pages() { return byteSize >>> pageSizeLog2; }

    public long byteSize() { return byteSize; }

    /** The type as import matching sees it now: the current size as minimum. */
    public MemoryType currentType() {
        Limits limits = hasMax ? Limits.of(pages(), declaredMax) : Limits.of(pages());
        return new MemoryType(limits, is64, shared, pageSizeLog2);
    }

    /**
     * Grows by {@code delta} pages; returns the old size in pages, or -1 when refused. A
     * non-shared memory that outgrows its segment moves to one at least twice as large (up to
     * the maximum), so guests that grow a few pages at a time copy and zero their memory a
     * bounded number of times, not once per grow. Bytes past the size are never written (every
     * access is checked against it), so they are still zero when growth reaches them.
     */
    public long grow(long delta) {
        long old = pages();
        if (delta < 0 || delta > maxPages - old) return -1;
        if (delta == 0) return old;
        long newBytes = (old + delta) << pageSizeLog2;
        if (!shared && newBytes > segment.byteSize()) {
            MemorySegment next = allocateAtLeast(newBytes, Math.min(2 * segment.byteSize(), maxPages << pageSizeLog2));
            if (next == null) return -1;
            if (byteSize > 0) MemorySegment.copy(segment, 0, next, 0, byteSize);
            segment = next;
        }
        byteSize = newBytes;
        return old;
    }

    /** A segment of {@code preferred} bytes, or of {@code needed} when that much is not available; null when neither is. */
    private static MemorySegment allocateAtLeast(long needed, long preferred) {
        if (preferred > needed) {
            try {
                return allocate(preferred);
            } catch (OutOfMemoryError e) {
                // fall back to the exact size
            }
        }
        try {
            return allocate(needed);
        } catch (OutOfMemoryError e) {
            return null;
        }
    }

    /**
     * The effective address of {@code address + offset}, with {@code address} read as unsigned
     * 32-bit for a 32-bit memory; an overflowing sum yields -1, which every access rejects.
     */
    public long effectiveAddress(long address, long offset) {
        if (!is64) return (address & 0xFFFFFFFFL) + offset;
        long ea = address + offset;
        return Long.compareUnsigned(ea, address) < 0 || ea < 0 ? -1 : ea;
    }

    private long check(long ea, long length) {
        if (ea < 0 || ea > byteSize - length) throw Trap.memoryOutOfBounds();
        return ea;
    }

    public int loadI8(long ea) { return segment.get(ValueLayout.JAVA_BYTE, check(ea, 1)); }

    public int loadU8(long ea) { return segment.get(ValueLayout.JAVA_BYTE, check(ea, 1)) & 0xFF; }

    public int loadI16(long ea) { return segment.get(I16, check(ea, 2)); }

    public int loadU16(long ea) { return segment.get(I16, check(ea, 2)) & 0xFFFF; }

    public int loadI32(long ea) { return segment.get(I32, check(ea, 4)); }

    public long loadI64(long ea) { return segment.get(I64, check(ea, 8)); }

    public void storeI8(long ea, int value) { segment.set(ValueLayout.JAVA_BYTE, check(ea, 1), (byte) value); }

    public void storeI16(long ea, int value) { segment.set(I16, check(ea, 2), (short) value); }

    public void storeI32(long ea, int value) { segment.set(I32, check(ea, 4), value); }

    public void storeI64(long ea, long value) { segment.set(I64, check(ea, 8), value); }

    /** Copies {@code length} bytes at {@code ea} into {@code dst}. */
    public void read(long ea, byte[] dst, int offset, int length) {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, check(ea, length), dst, offset, length);
    }

    public void write(long ea, byte[] src, int offset, int length) {
        MemorySegment.copy(src, offset, segment, ValueLayout.JAVA_BYTE, check(ea, length), length);
    }

    /** memory.fill: traps before writing anything when the range is out of bounds. */
    public void fill(long ea, int value, long length) {
        if (ea < 0 || length < 0 || Long.compareUnsigned(ea + length, byteSize) > 0 || ea + length < ea) throw Trap.memoryOutOfBounds();
        if (length > 0) segment.asSlice(ea, length).fill((byte) value);
    }

    /** memory.copy from {@code src} (possibly this memory); overlapping ranges copy as if through a buffer. */
    public void copyFrom(Memory src, long srcEa, long dstEa, long length) {
        if (srcEa < 0 || dstEa < 0 || length < 0
                || srcEa + length < srcEa || srcEa + length > src.byteSize
                || dstEa + length < dstEa || dstEa + length > byteSize) throw Trap.memoryOutOfBounds();
        if (length > 0) MemorySegment.copy(src.segment, srcEa, segment, dstEa, length);
    }

    /** memory.init / active data: bytes {@code [from, from+length)} of {@code data} to {@code ea}. */
    public void init(long ea, byte[] data, long from, long length) {
        if (ea < 0 || from < 0 || length < 0 || from + length > data.length
                || ea + length < ea || ea + length > byteSize) throw Trap.memoryOutOfBounds();
        if (length > 0) MemorySegment.copy(data, (int) from, segment, ValueLayout.JAVA_BYTE, ea, (int) length);
    }

    private long checkAligned(long ea, int length) {
        check(ea, length);
        if ((ea & (length - 1)) != 0) throw Trap.unalignedAtomic();
        return ea;
    }

    public int atomicLoadI32(long ea) { return (int) ATOMIC_I32.getVolatile(segment, checkAligned(ea, 4)); }

    public long atomicLoadI64(long ea) { return (long) ATOMIC_I64.getVolatile(segment, checkAligned(ea, 8)); }

    /** Checks bounds and natural alignment for an atomic access of {@code length} bytes. */
    public void checkAtomic(long ea, int length) { checkAligned(ea, length); }

    public void atomicStoreI32(long ea, int value) { ATOMIC_I32.setVolatile(segment, checkAligned(ea, 4), value); }

    public void atomicStoreI64(long ea, long value) { ATOMIC_I64.setVolatile(segment, checkAligned(ea, 8), value); }

    public boolean compareAndSetI32(long ea, int expected, int value) {
        return ATOMIC_I32.compareAndSet(segment, checkAligned(ea, 4), expected, value);
    }

    public boolean compareAndSetI64(long ea, long expected, long value) {
        return ATOMIC_I64.compareAndSet(segment, checkAligned(ea, 8), expected, value);
    }

    // ---- wait / notify (threads proposal) ----

    private final WaitQueues waiters = new WaitQueues();

    /**
     * memory.atomic.wait32: traps on a non-shared memory; returns 1 when the value differs from
     * {@code expected}, 2 when {@code timeoutNanos} (negative: forever) passes, 0 when notified.
     */
    public int waitI32(long ea, int expected, long timeoutNanos) {
        checkAligned(ea, 4);
        if (!shared) throw Trap.expectedSharedMemory();
        return waiters.await(this, ea, () -> atomicLoadI32(ea) == expected, timeoutNanos);
    }

    /** memory.atomic.wait64, as {@link #waitI32}. */
    public int waitI64(long ea, long expected, long timeoutNanos) {
        checkAligned(ea, 8);
        if (!shared) throw Trap.expectedSharedMemory();
        return waiters.await(this, ea, () -> atomicLoadI64(ea) == expected, timeoutNanos);
    }

    /** memory.atomic.notify: wakes up to {@code count} waiters at {@code ea}; returns how many woke. */
    public int notifyWaiters(long ea, int count) {
        checkAligned(ea, 4);
        return shared ? waiters.wake(this, ea, count) : 0;
    }
}
