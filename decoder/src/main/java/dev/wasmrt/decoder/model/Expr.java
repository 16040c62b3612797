package dev.wasmrt.decoder.model;

/**
 * A decoded instruction sequence (a function body or a constant expression) in the flat form
 * that both engines read: {@code ops} holds each instruction's opcode (see {@link Opcodes})
 * followed by its immediates, laid out as {@link Opcodes} documents for each immediate kind.
 * {@code offsets[pc]} is the byte offset in the binary (or the character offset in the text)
 * of the instruction starting at {@code pc}; it is meaningless elsewhere.
 *
 * <p>The arrays are never mutated after construction; callers must not mutate them either.
 * They are exposed without copying because engines walk them on hot paths.
 */
public final class Expr {
    private final int[] ops;
    private final int[] offsets;

    public Expr(int[] ops, int[] offsets) {
        if (ops.length != offsets.length) throw new IllegalArgumentException("ops and offsets differ in length");
        this.ops = ops;
        this.offsets = offsets;
    }

    public int[] ops() { return ops; }

    public int[] offsets() { return offsets; }

    public int length() { return ops.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expr e && java.util.Arrays.equals(ops, e.ops);
    }

    @Override
    public int hashCode() { return java.util.Arrays.hashCode(ops); }

    @Override
    public String toString() { return "Expr" + java.util.Arrays.toString(ops); }
}
