package dev.wasmrt.decoder.text;

import java.util.HashMap;
import java.util.Map;

/**
 * One index space of a module (functions, types, locals, ...) with its symbolic names. Numeric
 * references are kept as written: whether they are in range is for the validator to say.
 */
final class IndexSpace {
    private final String kind;
    private final String shortKind;
    private final Map<String, Integer> ids = new HashMap<>();
    private int count;

    /** {@code kind} names the space in "unknown ..." errors, {@code shortKind} in "duplicate ..." ones. */
    IndexSpace(String kind, String shortKind) {
        this.kind = kind;
        this.shortKind = shortKind;
    }

    /** Adds the next index, named by {@code id} when it is not null; returns the index. */
    int add(Token id, TokenCursor cursor) {
        if (id != null && ids.putIfAbsent(id.text(), count) != null) throw cursor.error("duplicate " + shortKind, id);
        return count++;
    }

    /** A fresh local index space (a function's parameters and locals, or none for a constant). */
    static IndexSpace locals() { return new IndexSpace("local", "local"); }

    Integer lookup(String name) { return ids.get(name); }

    /** Reads an index: {@code $name} or an unsigned 32-bit number. */
    int read(TokenCursor cursor) {
        Token t = cursor.peek();
        if (t.is(Token.Kind.ID)) {
            Integer index = ids.get(t.text());
            if (index == null) throw cursor.error("unknown " + kind, t);
            cursor.next();
            return index;
        }
        if (t.is(Token.Kind.ATOM) && Literals.isUnsigned(t.text())) {
            cursor.next();
            return readNumber(t, cursor);
        }
        throw cursor.unexpected(t);
    }

    /** True when the cursor is on something {@link #read} accepts. */
    static boolean atIndex(TokenCursor cursor) {
        Token t = cursor.peek();
        return t.is(Token.Kind.ID) || (t.is(Token.Kind.ATOM) && Literals.isUnsigned(t.text()));
    }

    /**
     * A numeric index (or count). As in the binary format, a u32 beyond 2^31 - 1 is well-formed
     * but reaches no index space, so it becomes {@link Integer#MAX_VALUE} for the validator.
     */
    static int readNumber(Token t, TokenCursor cursor) {
        try {
            return (int) Math.min(Literals.parseUnsigned(t.text(), 32), Integer.MAX_VALUE);
        } catch (ArithmeticException e) {
            throw cursor.error("constant out of range", t);
        }
    }
}
