package dev.wasmrt.decoder.model;

import java.util.List;

/**
 * One entry of the type index space: a composite type with its declared supertypes (at most one
 * in Wasm 3.0) and finality. A plain {@code (type (func ...))} is final with no supertypes.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {
    public SubType { supertypes = List.copyOf(supertypes); }

    public static SubType plain(CompositeType composite) {
        return new SubType(true, List.of(), composite);
    }

    public boolean isFunc() { return composite instanceof CompositeType.Func; }

    /** The function type; only for a function subtype. */
    public CompositeType.Func func() { return (CompositeType.Func) composite; }
}
