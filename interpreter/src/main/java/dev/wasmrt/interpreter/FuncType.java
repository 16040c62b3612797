package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;

import java.util.List;
import java.util.Objects;

/**
 * A function type at run time: parameter and result types plus a canonical {@link #key()} that
 * is equal for equivalent types of different modules (concrete heap types are replaced by the
 * key of the type they name). Types from {@link TypeCanon} are interned, so call_indirect
 * compares them by identity first and only then walks declared supertypes.
 *
 * <p>{@link #paramSlots()} and {@link #resultSlots()} count value slots: one per value, two for
 * {@code v128}.
 */
public final class FuncType {
    private final List<ValType> params;
    private final List<ValType> results;
    private final String key;
    private final FuncType supertype;
    private final int paramSlots;
    private final int resultSlots;

    FuncType(List<ValType> params, List<ValType> results, String key, FuncType supertype) {
        this.params = List.copyOf(params);
        this.results = List.copyOf(results);
        this.key = key;
        this.supertype = supertype;
        this.paramSlots = slots(this.params);
        this.resultSlots = slots(this.results);
    }

    /** An interned type over numbers and abstract references (no concrete heap types). */
    public static FuncType of(List<ValType> params, List<ValType> results) {
        for (ValType t : params) requireAbstract(t);
        for (ValType t : results) requireAbstract(t);
        return TypeCanon.intern(params, results, TypeCanon.plainKey(params, results), null);
    }

    private static void requireAbstract(ValType t) {
        if (t.isConcreteRef()) throw new IllegalArgumentException("concrete heap type needs a module: " + t);
    }

    public List<ValType> params() { return params; }

    public List<ValType> results() { return results; }

    public String key() { return key; }

    public int paramSlots() { return paramSlots; }

    public int resultSlots() { return resultSlots; }

    /** True when a function of this type may be used where {@code expected} is required. */
    public boolean isSubtypeOf(FuncType expected) {
        for (FuncType t = this; t != null; t = t.supertype) {
            if (t == expected || t.key.equals(expected.key)) return true;
        }
        return false;
    }

    static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) n += t.kind() == ValType.Kind.V128 ? 2 : 1;
        return n;
    }

    @Override
    public boolean equals(Object o) { return o instanceof FuncType f && f.key.equals(key); }

    @Override
    public int hashCode() { return Objects.hashCode(key); }

    @Override
    public String toString() { return "(func " + params + " -> " + results + ")"; }
}
