package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.gc.GcTypes;
import dev.wasmrt.validator.TypeRegistry;

import static dev.wasmrt.decoder.model.ValType.*;

/**
 * A value type detached from its module, for matching imports: a concrete heap type becomes
 * its sort ({@code func}, {@code struct} or {@code array}) plus its canonical id in the store's
 * type registry ({@code id} is -1 otherwise). Concrete types of different stores never match.
 */
record RtType(ValType.Kind kind, boolean nullable, int heap, int id, TypeRegistry registry) {

    static RtType of(ValType t) {
        if (t.isConcreteRef()) throw new IllegalArgumentException("concrete heap type needs a module: " + t);
        return new RtType(t.kind(), t.nullable(), t.heapType(), -1, null);
    }

    static RtType of(ValType t, Module module, GcTypes gc) {
        if (!t.isConcreteRef()) return of(t);
        int sort = switch (module.types().get(t.heapType()).composite()) {
            case CompositeType.Func f -> HT_FUNC;
            case CompositeType.Struct s -> HT_STRUCT;
            case CompositeType.Array a -> HT_ARRAY;
        };
        return new RtType(t.kind(), t.nullable(), sort, gc.canonicalId(t.heapType()), gc.registry());
    }

    boolean isSubtypeOf(RtType other) {
        if (kind != other.kind) return false;
        if (kind != ValType.Kind.REF) return true;
        if (nullable && !other.nullable) return false;
        return heapSubtype(other);
    }

    private boolean heapSubtype(RtType o) {
        if (id >= 0 && o.id >= 0) return registry == o.registry && registry.isSubtype(id, o.id);
        if (o.id >= 0) return isBottomOf(heap, o.heap);
        return abstractSubtype(heap, o.heap);
    }

    /** True when abstract {@code bottom} is the bottom type of the hierarchy {@code sort} belongs to. */
    private static boolean isBottomOf(int bottom, int sort) {
        return switch (sort) {
            case HT_FUNC -> bottom == HT_NOFUNC;
            case HT_STRUCT, HT_ARRAY -> bottom == HT_NONE;
            default -> false;
        };
    }

    private static boolean abstractSubtype(int a, int b) {
        if (a == b) return true;
        return switch (a) {
            case HT_NONE -> b == HT_I31 || b == HT_STRUCT || b == HT_ARRAY || b == HT_EQ || b == HT_ANY;
            case HT_I31, HT_STRUCT, HT_ARRAY -> b == HT_EQ || b == HT_ANY;
            case HT_EQ -> b == HT_ANY;
            case HT_NOFUNC -> b == HT_FUNC;
            case HT_NOEXTERN -> b == HT_EXTERN;
            case HT_NOEXN -> b == HT_EXN;
            default -> false;
        };
    }
}
