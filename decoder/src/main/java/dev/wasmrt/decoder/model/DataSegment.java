package dev.wasmrt.decoder.model;

/**
 * A data segment. {@code memoryIndex} and {@code offset} matter only for active segments.
 * The bytes are copied in and out, so the model stays immutable.
 */
public record DataSegment(SegmentMode mode, int memoryIndex, Expr offset, byte[] bytes) {
    public DataSegment {
        if (mode == SegmentMode.DECLARATIVE) throw new IllegalArgumentException("data segments are never declarative");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() { return bytes.clone(); }

    public int length() { return bytes.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSegment d && mode == d.mode && memoryIndex == d.memoryIndex
                && java.util.Objects.equals(offset, d.offset) && java.util.Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(mode, memoryIndex, offset) * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DataSegment[" + mode + ", memory " + memoryIndex + ", offset " + offset + ", " + bytes.length + " bytes]";
    }

    /** Copies {@code len} bytes from {@code from} into {@code dst} at {@code at}, without a clone. */
    public void copyTo(int from, byte[] dst, int at, int len) { System.arraycopy(bytes, from, dst, at, len); }
}
