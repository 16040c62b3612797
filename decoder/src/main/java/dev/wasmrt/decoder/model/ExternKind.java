package dev.wasmrt.decoder.model;

/** The kinds of imports and exports, with their binary codes. */
public enum ExternKind {
    FUNC(0x00), TABLE(0x01), MEMORY(0x02), GLOBAL(0x03), TAG(0x04);

    public final int code;

    ExternKind(int code) { this.code = code; }
}
