package dev.wasmrt.interpreter;

/**
 * A Wasm exception ({@code exnref} value): its tag and payload. The payload uses the value
 * convention of the API: numbers as raw bits in {@code bits}, references in {@code refs}, one
 * slot per value (two for {@code v128}).
 */
public final class ExceptionRef {
    private final Tag tag;
    private final long[] bits;
    private final Object[] refs;

    public ExceptionRef(Tag tag, long[] bits, Object[] refs) {
        this.tag = tag;
        this.bits = bits;
        this.refs = refs;
    }

    public Tag tag() { return tag; }

    /** Payload raw bits by slot; engines read it without copying and must not write it. */
    public long[] bits() { return bits; }

    /** Payload references by slot (null where the slot holds a number). */
    public Object[] refs() { return refs; }
}
