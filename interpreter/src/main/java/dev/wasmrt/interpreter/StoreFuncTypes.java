package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.validator.TypeRegistry;

import java.util.Arrays;

/**
 * A store's function types, one {@link FuncType} per canonical id of its {@link TypeRegistry},
 * so equivalent function types of the store's modules are the same object. Lives and dies with
 * the store.
 */
final class StoreFuncTypes {
    private final TypeRegistry registry;
    private FuncType[] byId = new FuncType[64];

    StoreFuncTypes(TypeRegistry registry) { this.registry = registry; }

    /**
     * The runtime function types of a module by type index (null for struct and array types);
     * {@code ids} are the canonical ids the registry gave the module's type indices.
     */
    FuncType[] of(Module module, int[] ids) {
        FuncType[] types = new FuncType[ids.length];
        for (RecGroup group : module.recGroups()) {
            for (int i = group.first(); i < group.first() + group.size(); i++) {
                SubType st = module.types().get(i);
                if (st.isFunc()) types[i] = intern(ids[i], st.func(), group.size() == 1 && isPlain(st));
            }
        }
        return types;
    }

    private synchronized FuncType intern(int id, CompositeType.Func f, boolean plain) {
        if (id >= byId.length) byId = Arrays.copyOf(byId, Math.max(byId.length * 2, id + 1));
        FuncType t = byId[id];
        if (t == null) {
            t = new FuncType(f.params(), f.results(), registry, id, plain);
            byId[id] = t;
        }
        return t;
    }

    /** Final, without supertypes and without concrete heap types: what {@link FuncType#of} builds. */
    private static boolean isPlain(SubType st) {
        if (!st.isFinal() || !st.supertypes().isEmpty()) return false;
        for (ValType t : st.func().params()) if (t.isConcreteRef()) return false;
        for (ValType t : st.func().results()) if (t.isConcreteRef()) return false;
        return true;
    }
}
