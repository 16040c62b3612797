package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical keys for a module's types, so that equivalent types of different modules compare
 * equal. A reference into the same recursion group is written relative to the group, as
 * iso-recursive equivalence requires; any other concrete reference is replaced by the key of
 * the type it names.
 */
final class TypeCanon {
    private static final ConcurrentHashMap<String, FuncType> INTERNED = new ConcurrentHashMap<>();

    private final Module module;
    private final String[] keys;
    private final int[] groupOf;

    TypeCanon(Module module) {
        this.module = module;
        int n = module.types().size();
        this.keys = new String[n];
        this.groupOf = new int[n];
        for (int g = 0; g < module.recGroups().size(); g++) {
            RecGroup rg = module.recGroups().get(g);
            for (int i = rg.first(); i < rg.first() + rg.size() && i < n; i++) groupOf[i] = rg.first();
        }
        if (module.recGroups().isEmpty()) {
            for (int i = 0; i < n; i++) groupOf[i] = i;
        }
    }

    static FuncType intern(List<ValType> params, List<ValType> results, String key, FuncType supertype) {
        return INTERNED.computeIfAbsent(key, k -> new FuncType(params, results, k, supertype));
    }

    /** The key {@link #key} gives a final function type alone in its recursion group. */
    static String plainKey(List<ValType> params, List<ValType> results) {
        StringBuilder sb = new StringBuilder("rec[0/final func(");
        for (ValType t : params) sb.append(t).append(' ');
        sb.append("->");
        for (ValType t : results) sb.append(' ').append(t);
        return sb.append(");]").toString();
    }

    /** The runtime function type of type index {@code index}. */
    FuncType funcType(int index) {
        SubType st = module.types().get(index);
        CompositeType.Func f = st.func();
        FuncType sup = st.supertypes().isEmpty() ? null : funcType(st.supertypes().getFirst());
        return intern(f.params(), f.results(), key(index), sup);
    }

    /** The canonical key of type index {@code index}. */
    String key(int index) {
        String k = keys[index];
        if (k != null) return k;
        int group = groupOf[index];
        StringBuilder sb = new StringBuilder();
        int end = group;
        while (end < groupOf.length && groupOf[end] == group) end++;
        sb.append("rec[").append(index - group).append('/');
        for (int i = group; i < end; i++) describe(module.types().get(i), group, end, sb);
        k = sb.append(']').toString();
        keys[index] = k;
        return k;
    }

    /** The canonical form of a value type, for matching across modules. */
    String valueKey(ValType t) {
        if (!t.isConcreteRef()) return t.toString();
        return "(ref " + (t.nullable() ? "null " : "") + key(t.heapType()) + ")";
    }

    private void describe(SubType st, int group, int end, StringBuilder sb) {
        sb.append(st.isFinal() ? "final " : "open ");
        for (int s : st.supertypes()) sb.append("sub ").append(ref(s, group, end)).append(' ');
        switch (st.composite()) {
            case CompositeType.Func f -> {
                sb.append("func(");
                for (ValType t : f.params()) sb.append(value(t, group, end)).append(' ');
                sb.append("->");
                for (ValType t : f.results()) sb.append(' ').append(value(t, group, end));
                sb.append(')');
            }
            case CompositeType.Struct s -> {
                sb.append("struct(");
                s.fields().forEach(fd -> sb.append(fd.mutable() ? "mut " : "").append(fd.packedBits() == 0
                        ? value(fd.type(), group, end) : "i" + fd.packedBits()).append(' '));
                sb.append(')');
            }
            case CompositeType.Array a -> sb.append("array(").append(a.element().mutable() ? "mut " : "")
                    .append(a.element().packedBits() == 0 ? value(a.element().type(), group, end)
                            : "i" + a.element().packedBits()).append(')');
        }
        sb.append(';');
    }

    private String value(ValType t, int group, int end) {
        if (!t.isConcreteRef()) return t.toString();
        return "(ref " + (t.nullable() ? "null " : "") + ref(t.heapType(), group, end) + ")";
    }

    private String ref(int typeIndex, int group, int end) {
        if (typeIndex >= group && typeIndex < end) return "@" + (typeIndex - group);
        return key(typeIndex);
    }
}
