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

    /** Copies {@code len} bytes from {@code from} into {@code dst} at {@code at}, without a clone. */
    public void copyTo(int from, byte[] dst, int at, int len) { System.arraycopy(bytes, from, dst, at, len); }
}
