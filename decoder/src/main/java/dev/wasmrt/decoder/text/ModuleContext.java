package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a module's readers share: the cursor, the index spaces and the module being built. */
final class ModuleContext {
    final TokenCursor cursor;
    final Module.Builder module = Module.builder();
    final IndexSpace types = new IndexSpace("type", "type");
    final IndexSpace funcs = new IndexSpace("function", "func");
    final IndexSpace tables = new IndexSpace("table", "table");
    final IndexSpace memories = new IndexSpace("memory", "memory");
    final IndexSpace globals = new IndexSpace("global", "global");
    final IndexSpace tags = new IndexSpace("tag", "tag");
    final IndexSpace elems = new IndexSpace("elem segment", "elem");
    final IndexSpace datas = new IndexSpace("data segment", "data");
    /** Field names of each struct type, by type index. */
    final Map<Integer, IndexSpace> fieldNames = new HashMap<>();
    /** Set when code names a data segment: the binary form then needs a data count section. */
    boolean codeUsesDataIndex;

    /** A type use with an inline signature whose {@code (type x)} did not exist yet when it was read. */
    private record PendingTypeUse(Token at, int index, CompositeType.Func inline) {}

    private final List<PendingTypeUse> pendingTypeUses = new ArrayList<>();

    ModuleContext(TokenCursor cursor) { this.cursor = cursor; }

    void checkLater(Token at, int index, CompositeType.Func inline) {
        pendingTypeUses.add(new PendingTypeUse(at, index, inline));
    }

    /**
     * Once every type exists: an inline signature must match the type it names, which must exist
     * (the spec's reader needs it to check the signature, so a missing one is malformed here).
     */
    void checkPendingTypeUses() {
        for (PendingTypeUse use : pendingTypeUses) {
            if (use.index() < 0 || use.index() >= module.types.size()) throw cursor.error("unknown type", use.at());
            CompositeType.Func declared = funcTypeAt(use.index());
            if (declared != null && !declared.equals(use.inline())) throw cursor.error("inline function type", use.at());
        }
    }

    /**
     * The index of a function type with these params and results: an existing plain one (final,
     * no supertypes, alone in its rec group) or a new one appended to the type section.
     */
    int funcType(List<ValType> params, List<ValType> results) {
        CompositeType.Func wanted = new CompositeType.Func(params, results);
        for (RecGroup group : module.recGroups) {
            if (group.size() != 1) continue;
            SubType t = module.types.get(group.first());
            if (t.isFinal() && t.supertypes().isEmpty() && wanted.equals(t.composite())) return group.first();
        }
        int index = module.types.size();
        module.types.add(SubType.plain(wanted));
        module.recGroups.add(new RecGroup(index, 1));
        return index;
    }

    /** The function type at {@code index}, or null when there is none (yet) or it is no function type. */
    CompositeType.Func funcTypeAt(int index) {
        if (index < 0 || index >= module.types.size()) return null;
        return module.types.get(index).composite() instanceof CompositeType.Func f ? f : null;
    }
}
