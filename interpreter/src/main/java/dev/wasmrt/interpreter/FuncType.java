package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.validator.TypeRegistry;

import java.util.List;

/**
 * A function type at run time.
 *
 * <p>A module's function type carries its canonical id in the store's {@link TypeRegistry}, and
 * the store interns it ({@link StoreFuncTypes}): one object per id, so call_indirect's exact
 * match is an identity check and a declared subtype is one {@link TypeRegistry#isSubtype} away.
 *
 * <p>A host type from {@link #of} belongs to no registry (so nothing process-wide holds on to
 * types). It is what the spec calls a plain function type: final, without supertypes, alone in
 * its recursion group, over numbers and abstract references only. Such a type is equivalent to
 * any other plain type with the same parameters and results, in whichever registry, and to no
 * other type; the store marks its own plain types so both sides compare structurally. Types
 * that are not plain only match types of the same store.
 *
 * <p>{@link #paramSlots()} and {@link #resultSlots()} count value slots: one per value, two for
 * {@code v128}.
 */
public final class FuncType {
    private final List<ValType> params;
    private final List<ValType> results;
    /** The store's registry, or null for a host type. */
    private final TypeRegistry registry;
    private final int id;
    private final boolean plain;
    private final int paramSlots;
    private final int resultSlots;

    FuncType(List<ValType> params, List<ValType> results, TypeRegistry registry, int id, boolean plain) {
        this.params = List.copyOf(params);
        this.results = List.copyOf(results);
        this.registry = registry;
        this.id = id;
        this.plain = plain;
        this.paramSlots = slots(this.params);
        this.resultSlots = slots(this.results);
    }

    /** A plain type over numbers and abstract references (no concrete heap types). */
    public static FuncType of(List<ValType> params, List<ValType> results) {
        for (ValType t : params) requireAbstract(t);
        for (ValType t : results) requireAbstract(t);
        return new FuncType(params, results, null, -1, true);
    }

    private static void requireAbstract(ValType t) {
        if (t.isConcreteRef()) throw new IllegalArgumentException("concrete heap type needs a module: " + t);
    }

    public List<ValType> params() { return params; }

    public List<ValType> results() { return results; }

    public int paramSlots() { return paramSlots; }

    public int resultSlots() { return resultSlots; }

    /** True when a function of this type may be used where {@code expected} is required. */
    public boolean isSubtypeOf(FuncType expected) {
        if (this == expected) return true;
        if (registry != null && registry == expected.registry) return registry.isSubtype(id, expected.id);
        return plainEquivalent(expected);
    }

    /** A plain type is final and has no supertypes, so only equivalence makes it match. */
    private boolean plainEquivalent(FuncType o) {
        return plain && o.plain && params.equals(o.params) && results.equals(o.results);
    }

    static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) n += t.kind() == ValType.Kind.V128 ? 2 : 1;
        return n;
    }

    /** Type equivalence, as imported tags require. */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof FuncType f)) return false;
        if (registry != null && registry == f.registry) return id == f.id;
        return plainEquivalent(f);
    }

    @Override
    public int hashCode() { return plain ? 31 * params.hashCode() + results.hashCode() : id; }

    @Override
    public String toString() { return "(func " + params + " -> " + results + ")"; }
}
