package dev.wasmrt.interpreter;

/** An exception tag. Tags compare by identity: two tag definitions are never the same tag. */
public final class Tag implements Extern {
    private final FuncType type;

    public Tag(FuncType type) { this.type = type; }

    /** The payload types are the parameters; results are empty. */
    public FuncType type() { return type; }
}
