package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;

import java.util.List;

/**
 * A module's type section, checked and canonicalised: converts the module's value types to
 * {@link Vt} ints and answers subtyping questions on them. Built rec group by rec group, as the
 * spec validates them, so a type may only refer to earlier groups and to its own.
 */
final class ModuleTypes {
    private final List<SubType> types;
    private final TypeRegistry registry = new TypeRegistry();
    private final int[] canon;
    private final int[][] paramCache;
    private final int[][] resultCache;

    ModuleTypes(Module module) {
        types = module.types();
        canon = new int[types.size()];
        paramCache = new int[types.size()][];
        resultCache = new int[types.size()][];
        int next = 0;
        for (RecGroup group : module.recGroups()) {
            if (group.first() != next || group.size() < 0 || group.first() + group.size() > types.size()) {
                throw new ValidationException("unknown type");
            }
            next += group.size();
            checkGroup(group);
        }
        if (next != types.size()) throw new ValidationException("unknown type");
    }

    private void checkGroup(RecGroup group) {
        int end = group.first() + group.size();
        for (int i = group.first(); i < end; i++) {
            SubType t = types.get(i);
            if (t.composite() == null) throw new ValidationException("unknown type " + i);
            if (t.supertypes().size() > 1) throw new ValidationException("sub type " + i + " has too many supertypes");
            for (int s : t.supertypes()) {
                if (s < 0 || s >= i) throw new ValidationException("unknown type " + s);
            }
            checkComposite(t.composite(), end);
        }
        registry.registerGroup(types, group, canon);
        for (int i = group.first(); i < end; i++) {
            SubType t = types.get(i);
            for (int s : t.supertypes()) {
                if (registry.isFinal(canon[s]) || !compositeMatches(canon[i], canon[s])) {
                    throw new ValidationException("sub type " + i + " does not match super type " + s);
                }
            }
        }
    }

    private static void checkComposite(CompositeType c, int limit) {
        switch (c) {
            case CompositeType.Func f -> {
                for (ValType v : f.params()) checkRef(v, limit);
                for (ValType v : f.results()) checkRef(v, limit);
            }
            case CompositeType.Struct s -> {
                for (FieldType field : s.fields()) checkRef(field.type(), limit);
            }
            case CompositeType.Array a -> checkRef(a.element().type(), limit);
        }
    }

    private static void checkRef(ValType v, int limit) {
        if (v == null) throw new ValidationException("type mismatch");
        if (v.isRef()) checkHeap(v.heapType(), limit);
    }

    private static void checkHeap(int heap, int limit) {
        if (heap >= limit || (heap < 0 && (heap < ValType.HT_EXN || heap > ValType.HT_NOEXN))) {
            throw new ValidationException("unknown type " + heap);
        }
    }

    /** Structural matching of a declared subtype against its supertype, on canonical ids. */
    private boolean compositeMatches(int sub, int sup) {
        CompositeType a = registry.composite(sub), b = registry.composite(sup);
        return switch (a) {
            case CompositeType.Func fa when b instanceof CompositeType.Func fb ->
                    fa.params().size() == fb.params().size() && fa.results().size() == fb.results().size()
                            && allMatch(fb.params(), fa.params()) && allMatch(fa.results(), fb.results());
            case CompositeType.Struct sa when b instanceof CompositeType.Struct sb -> {
                if (sa.fields().size() < sb.fields().size()) yield false;
                for (int i = 0; i < sb.fields().size(); i++) {
                    if (!fieldMatches(sa.fields().get(i), sb.fields().get(i))) yield false;
                }
                yield true;
            }
            case CompositeType.Array aa when b instanceof CompositeType.Array ab -> fieldMatches(aa.element(), ab.element());
            default -> false;
        };
    }

    private boolean allMatch(List<ValType> subs, List<ValType> sups) {
        for (int i = 0; i < subs.size(); i++) {
            if (!matches(canonicalValType(subs.get(i)), canonicalValType(sups.get(i)))) return false;
        }
        return true;
    }

    private boolean fieldMatches(FieldType sub, FieldType sup) {
        if (sub.mutable() != sup.mutable() || sub.packedBits() != sup.packedBits()) return false;
        int a = canonicalValType(sub.type()), b = canonicalValType(sup.type());
        return sub.mutable() ? a == b : matches(a, b);
    }

    /** A registry-canonical ValType (heap types already canonical ids) as a {@link Vt} int. */
    private static int canonicalValType(ValType v) {
        return v.isRef() ? Vt.ref(v.nullable(), v.heapType()) : v.kind().ordinal();
    }

    // ---- queries used while validating code and module fields ----

    int typeCount() { return types.size(); }

    TypeRegistry registry() { return registry; }

    /** The canonical id of type index {@code index}, or "unknown type". */
    int canonicalId(int index) {
        if (index < 0 || index >= canon.length) throw new ValidationException("unknown type " + index);
        return canon[index];
    }

    /** A module value type as a {@link Vt} int; its type index must exist. */
    int valType(ValType v) {
        if (v == null) throw new ValidationException("type mismatch");
        if (!v.isRef()) return v.kind().ordinal();
        return Vt.ref(v.nullable(), heapType(v.heapType()));
    }

    /** A module heap type as a canonical heap type. */
    int heapType(int heap) {
        checkHeap(heap, canon.length);
        return heap >= 0 ? canon[heap] : heap;
    }

    int[] valTypes(List<ValType> vs) {
        int[] out = new int[vs.size()];
        for (int i = 0; i < out.length; i++) out[i] = valType(vs.get(i));
        return out;
    }

    /** The parameter types of function type {@code index} as {@link Vt} ints; cached, do not modify. */
    int[] params(int index) {
        CompositeType.Func f = funcType(index);
        if (paramCache[index] == null) paramCache[index] = valTypes(f.params());
        return paramCache[index];
    }

    /** The result types of function type {@code index} as {@link Vt} ints; cached, do not modify. */
    int[] results(int index) {
        CompositeType.Func f = funcType(index);
        if (resultCache[index] == null) resultCache[index] = valTypes(f.results());
        return resultCache[index];
    }

    /** The function type at {@code index}, or "unknown type" if it is missing or not a function type. */
    CompositeType.Func funcType(int index) {
        if (index < 0 || index >= types.size() || !(types.get(index).composite() instanceof CompositeType.Func f)) {
            throw new ValidationException("unknown type " + index);
        }
        return f;
    }

    CompositeType.Struct structType(int index) {
        if (index < 0 || index >= types.size() || !(types.get(index).composite() instanceof CompositeType.Struct s)) {
            throw new ValidationException("unknown type " + index);
        }
        return s;
    }

    CompositeType.Array arrayType(int index) {
        if (index < 0 || index >= types.size() || !(types.get(index).composite() instanceof CompositeType.Array a)) {
            throw new ValidationException("unknown type " + index);
        }
        return a;
    }

    /** Whether value type {@code sub} matches {@code sup} ({@link Vt#BOT} matches everything). */
    boolean matches(int sub, int sup) {
        if (sub == sup || sub == Vt.BOT) return true;
        if (!Vt.isRef(sub) || !Vt.isRef(sup)) return false;
        if (Vt.isNullable(sub) && !Vt.isNullable(sup)) return false;
        return registry.isSubtype(Vt.heap(sub), Vt.heap(sup));
    }

    /** Whether two heap types share a hierarchy (any, func, extern or exn). */
    boolean sameHierarchy(int heapA, int heapB) {
        return registry.topOf(heapA) == registry.topOf(heapB);
    }
}
