package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical ids for defined types, shared by every module of a store, so that types from
 * different modules can be compared with plain {@code int} operations.
 *
 * <p>Types are canonicalised iso-recursively: a rec group is identified by its structure, with
 * references inside the group kept relative to the group and references outside it replaced by
 * their canonical ids. Two type indices (of the same or different modules) denote the same type
 * exactly when their canonical ids are equal, so {@code call_indirect}'s exact-match fast path is
 * an int comparison and {@link #isSubtype} covers the rest.
 *
 * <p>Heap type convention for every method here: a non-negative int is a canonical id, a negative
 * int one of the abstract heap types {@link ValType#HT_FUNC}, {@link ValType#HT_ANY}, ... exactly
 * as {@link ValType} encodes them.
 *
 * <p>Use: {@link #register(Module)} once per module, after {@link ModuleValidator} accepted it
 * (the registry trusts the module's type section to be valid); it returns the canonical id of
 * every type index. Registering the same structure again returns the same ids. All methods are
 * thread-safe; reads never lock. Typical runtime use:
 * <pre>{@code
 * int[] ids = registry.register(validated.module());        // once per instantiated module
 * int expected = ids[typeIndexOfCallIndirect];              // what the caller's module names
 * int actual = calleeCanonicalId;                           // recorded when the callee's module was registered
 * boolean callable = actual == expected || registry.isSubtype(actual, expected);
 * boolean importFits = registry.matches(TypeRegistry.canonical(exportedGlobalType, exporterIds),
 *                                       TypeRegistry.canonical(importedGlobalType, ids));
 * }</pre>
 */
public final class TypeRegistry {
    /** Marks a reference to the k-th type of the group being keyed: {@code GROUP_LOCAL - k}. */
    private static final int GROUP_LOCAL = -0x100;

    /** What the registry knows about one canonical id. */
    private record Entry(CompositeType composite, boolean isFinal, int supertype, int depth) {}

    private final Map<List<SubType>, Integer> groups = new HashMap<>();
    /** Written only under the lock; republished after each registration so readers see complete entries. */
    private volatile Entry[] entries = new Entry[64];
    private volatile int size;

    /**
     * Registers the module's rec groups, in order, and returns the canonical id of each type
     * index. The module's type section must be valid (indices in range, supertypes earlier).
     */
    public synchronized int[] register(Module module) {
        int[] ids = new int[module.types().size()];
        for (RecGroup group : module.recGroups()) registerGroup(module.types(), group, ids);
        return ids;
    }

    /**
     * Registers one rec group whose outside references are to earlier types, whose ids are
     * already in {@code ids}; stores the group's ids into {@code ids}.
     */
    synchronized void registerGroup(List<SubType> types, RecGroup group, int[] ids) {
        int first = group.first();
        List<SubType> key = new ArrayList<>(group.size());
        for (int k = 0; k < group.size(); k++) {
            key.add(keyed(types.get(first + k), first, group.size(), ids));
        }
        Integer base = groups.get(key);
        if (base == null) {
            base = add(key);
            groups.put(List.copyOf(key), base);
        }
        for (int k = 0; k < group.size(); k++) ids[first + k] = base + k;
    }

    /** The number of canonical ids handed out so far. */
    public int size() { return size; }

    /**
     * The structure of a canonical type, with every reference's heap type rewritten to a
     * canonical id (or left abstract), so it can be compared across modules.
     */
    public CompositeType composite(int id) { return entry(id).composite; }

    public boolean isFunc(int id) { return entry(id).composite instanceof CompositeType.Func; }

    public boolean isStruct(int id) { return entry(id).composite instanceof CompositeType.Struct; }

    public boolean isArray(int id) { return entry(id).composite instanceof CompositeType.Array; }

    public boolean isFinal(int id) { return entry(id).isFinal; }

    /** The declared supertype's canonical id, or -1. */
    public int supertype(int id) { return entry(id).supertype; }

    /**
     * Whether heap type {@code sub} matches heap type {@code sup}: along declared supertype
     * chains for canonical ids, and along the abstract hierarchies (any > eq > i31, struct,
     * array > none; func > nofunc; extern > noextern; exn > noexn) otherwise, where a concrete
     * struct or array type sits below struct or array and above none, and a function type below
     * func and above nofunc.
     */
    public boolean isSubtype(int sub, int sup) {
        if (sub == sup) return true;
        if (sub >= 0 && sup >= 0) {
            Entry[] all = entries;
            int depthSub = all[sub].depth, depthSup = all[sup].depth;
            int walk = sub;
            for (int d = depthSub; d > depthSup; d--) walk = all[walk].supertype;
            return walk == sup;
        }
        if (sub >= 0) return abstractIsSubtype(abstractOf(sub), sup);
        if (sup >= 0) return sub == bottomOf(abstractOf(sup));
        return abstractIsSubtype(sub, sup);
    }

    /**
     * A module's value type made comparable across modules: a concrete heap type (a type index
     * of that module) becomes its canonical id from {@code ids}, as {@link #register} returned.
     */
    public static ValType canonical(ValType t, int[] ids) {
        return t.isConcreteRef() ? ValType.ref(t.nullable(), ids[t.heapType()]) : t;
    }

    /**
     * Whether canonical value type {@code sub} matches {@code sup} (see {@link #canonical}):
     * equal numeric and vector types, or references whose nullability and heap types fit.
     * For import checks of globals and tables, say.
     */
    public boolean matches(ValType sub, ValType sup) {
        if (!sub.isRef() || !sup.isRef()) return sub.equals(sup);
        return (!sub.nullable() || sup.nullable()) && isSubtype(sub.heapType(), sup.heapType());
    }

    /** The abstract heap type directly above a canonical type: func, struct or array. */
    public int abstractOf(int id) {
        CompositeType c = entry(id).composite;
        if (c instanceof CompositeType.Func) return ValType.HT_FUNC;
        return c instanceof CompositeType.Struct ? ValType.HT_STRUCT : ValType.HT_ARRAY;
    }

    /** The top of the hierarchy a heap type belongs to: any, func, extern or exn. */
    public int topOf(int heapType) {
        int h = heapType >= 0 ? abstractOf(heapType) : heapType;
        return switch (h) {
            case ValType.HT_FUNC, ValType.HT_NOFUNC -> ValType.HT_FUNC;
            case ValType.HT_EXTERN, ValType.HT_NOEXTERN -> ValType.HT_EXTERN;
            case ValType.HT_EXN, ValType.HT_NOEXN -> ValType.HT_EXN;
            default -> ValType.HT_ANY;
        };
    }

    /** The bottom of the hierarchy a heap type belongs to: none, nofunc, noextern or noexn. */
    public int bottomOf(int heapType) {
        return switch (topOf(heapType)) {
            case ValType.HT_FUNC -> ValType.HT_NOFUNC;
            case ValType.HT_EXTERN -> ValType.HT_NOEXTERN;
            case ValType.HT_EXN -> ValType.HT_NOEXN;
            default -> ValType.HT_NONE;
        };
    }

    private static boolean abstractIsSubtype(int sub, int sup) {
        if (sub == sup) return true;
        return switch (sub) {
            case ValType.HT_NONE -> sup == ValType.HT_I31 || sup == ValType.HT_STRUCT || sup == ValType.HT_ARRAY
                    || sup == ValType.HT_EQ || sup == ValType.HT_ANY;
            case ValType.HT_I31, ValType.HT_STRUCT, ValType.HT_ARRAY -> sup == ValType.HT_EQ || sup == ValType.HT_ANY;
            case ValType.HT_EQ -> sup == ValType.HT_ANY;
            case ValType.HT_NOFUNC -> sup == ValType.HT_FUNC;
            case ValType.HT_NOEXTERN -> sup == ValType.HT_EXTERN;
            case ValType.HT_NOEXN -> sup == ValType.HT_EXN;
            default -> false;
        };
    }

    private Entry entry(int id) {
        if (id < 0 || id >= size) throw new IllegalArgumentException("not a canonical type id: " + id);
        return entries[id];
    }

    private int add(List<SubType> key) {
        int base = size;
        Entry[] all = entries;
        if (base + key.size() > all.length) all = Arrays.copyOf(all, Math.max(all.length * 2, base + key.size()));
        for (int k = 0; k < key.size(); k++) {
            SubType t = key.get(k);
            int supertype = t.supertypes().isEmpty() ? -1 : resolve(t.supertypes().getFirst(), base);
            int depth = supertype < 0 ? 0 : (supertype < base + k ? all[supertype].depth + 1 : 1);
            all[base + k] = new Entry(resolveComposite(t.composite(), base), t.isFinal(), supertype, depth);
        }
        entries = all;
        size = base + key.size();
        return base;
    }

    /** Rewrites a type's references: inside the group relative to it, outside to canonical ids. */
    private static SubType keyed(SubType t, int first, int groupSize, int[] ids) {
        List<Integer> supers = new ArrayList<>(t.supertypes().size());
        for (int s : t.supertypes()) supers.add(keyedIndex(s, first, groupSize, ids));
        CompositeType c = mapComposite(t.composite(), h -> h < 0 ? h : keyedIndex(h, first, groupSize, ids));
        return new SubType(t.isFinal(), supers, c);
    }

    private static int keyedIndex(int index, int first, int groupSize, int[] ids) {
        return index >= first && index < first + groupSize ? GROUP_LOCAL - (index - first) : ids[index];
    }

    private static int resolve(int keyedHeap, int base) {
        return keyedHeap <= GROUP_LOCAL ? base + (GROUP_LOCAL - keyedHeap) : keyedHeap;
    }

    private static CompositeType resolveComposite(CompositeType c, int base) {
        return mapComposite(c, h -> h <= GROUP_LOCAL ? base + (GROUP_LOCAL - h) : h);
    }

    private static CompositeType mapComposite(CompositeType c, java.util.function.IntUnaryOperator heap) {
        return switch (c) {
            case CompositeType.Func f -> new CompositeType.Func(mapTypes(f.params(), heap), mapTypes(f.results(), heap));
            case CompositeType.Struct s -> {
                List<FieldType> fields = new ArrayList<>(s.fields().size());
                for (FieldType field : s.fields()) fields.add(mapField(field, heap));
                yield new CompositeType.Struct(fields);
            }
            case CompositeType.Array a -> new CompositeType.Array(mapField(a.element(), heap));
        };
    }

    private static FieldType mapField(FieldType f, java.util.function.IntUnaryOperator heap) {
        return new FieldType(mapType(f.type(), heap), f.packedBits(), f.mutable());
    }

    private static List<ValType> mapTypes(List<ValType> types, java.util.function.IntUnaryOperator heap) {
        List<ValType> out = new ArrayList<>(types.size());
        for (ValType t : types) out.add(mapType(t, heap));
        return out;
    }

    private static ValType mapType(ValType t, java.util.function.IntUnaryOperator heap) {
        return t.isConcreteRef() || (t.isRef() && t.heapType() <= GROUP_LOCAL)
                ? ValType.ref(t.nullable(), heap.applyAsInt(t.heapType())) : t;
    }
}
