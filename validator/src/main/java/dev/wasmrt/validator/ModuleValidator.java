package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Global;
import dev.wasmrt.decoder.model.GlobalType;
import dev.wasmrt.decoder.model.Import;
import dev.wasmrt.decoder.model.ImportDesc;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.Table;
import dev.wasmrt.decoder.model.TableType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a whole module as the WebAssembly 3.0 specification says: its types, imports,
 * definitions, segments, exports and start function, and every function body. Runs once per
 * module load; the engines then trust the {@link ValidatedModule} without checking again.
 */
public final class ModuleValidator {
    private final Module module;
    private final ModuleTypes types;

    private ModuleValidator(Module module) {
        this.module = module;
        this.types = new ModuleTypes(module);
    }

    /** Validates {@code module}; throws only {@link ValidationException}. */
    public static ValidatedModule validate(Module module) {
        if (module == null) throw new ValidationException("no module");
        return new ModuleValidator(module).run();
    }

    private ValidatedModule run() {
        for (Import imp : module.imports()) importDesc(imp);
        for (Function f : module.functions()) funcType(f.typeIndex());
        for (Table t : module.tables()) tableType(t.type());
        for (MemoryType m : module.memories()) memoryType(m);
        for (var tag : module.tags()) tagType(tag.typeIndex());

        int allGlobals = module.globalCount();
        int imported = module.importedGlobalCount();
        for (Table t : module.tables()) {
            int elem = types.valType(t.type().elementType());
            // Tables precede the globals defined here, so their initialisers see imported ones only.
            if (t.init() != null) constant(t.init(), elem, imported);
            else if (!Vt.isNullable(elem)) throw new ValidationException("type mismatch");
        }
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            int t = globalType(g.type());
            // A global's initialiser sees the imported globals and the ones defined before it.
            constant(g.init(), t, imported + i);
        }
        for (ElementSegment e : module.elements()) elementSegment(e, allGlobals);
        for (DataSegment d : module.datas()) dataSegment(d, allGlobals);
        exports();
        start();

        boolean[] declared = declaredFunctionReferences();
        List<FunctionFacts> facts = new ArrayList<>(module.functions().size());
        for (int i = 0; i < module.functions().size(); i++) {
            Function f = module.functions().get(i);
            if (f.body() == null) throw new ValidationException("missing function body");
            facts.add(CodeValidator.validateFunction(module, types, declared, module.importedFunctionCount() + i,
                    funcType(f.typeIndex()), f.locals(), f.body()));
        }
        return new ValidatedModule(module, facts);
    }

    private void importDesc(Import imp) {
        switch (imp.desc()) {
            case ImportDesc.Func f -> funcType(f.typeIndex());
            case ImportDesc.Table t -> tableType(t.type());
            case ImportDesc.Memory m -> memoryType(m.type());
            case ImportDesc.Global g -> globalType(g.type());
            case ImportDesc.Tag t -> tagType(t.typeIndex());
            case null -> throw new ValidationException("missing import description");
        }
    }

    private CompositeType.Func funcType(int typeIndex) {
        return types.funcType(typeIndex);
    }

    private void tagType(int typeIndex) {
        if (!funcType(typeIndex).results().isEmpty()) throw new ValidationException("non-empty tag result type");
    }

    private int globalType(GlobalType g) {
        if (g == null) throw new ValidationException("missing global type");
        return types.valType(g.type());
    }

    private void tableType(TableType t) {
        if (t == null) throw new ValidationException("missing table type");
        int elem = types.valType(t.elementType());
        if (!Vt.isRef(elem)) throw new ValidationException("type mismatch");
        Limits l = t.limits();
        limits(l);
        if (!t.is64() && (l.min() > 0xFFFF_FFFFL || l.min() < 0 || (l.hasMax() && (l.max() > 0xFFFF_FFFFL || l.max() < 0)))) {
            throw new ValidationException("table size must be at most 2^32-1");
        }
    }

    private void memoryType(MemoryType m) {
        if (m == null) throw new ValidationException("missing memory type");
        int log2 = m.pageSizeLog2();
        if (log2 != 0 && log2 != MemoryType.DEFAULT_PAGE_SIZE_LOG2) throw new ValidationException("invalid custom page size");
        Limits l = m.limits();
        limits(l);
        // At most 2^32 (or 2^64) bytes, and the page count itself must fit in 32 (or 64) bits.
        long maxPages = m.is64() ? (log2 == 0 ? -1L : 1L << (64 - log2)) : Math.min(1L << (32 - log2), 0xFFFF_FFFFL);
        boolean tooBig = Long.compareUnsigned(l.min(), maxPages) > 0 || (l.hasMax() && Long.compareUnsigned(l.max(), maxPages) > 0);
        if (tooBig) {
            throw new ValidationException(m.is64()
                    ? "memory size must be at most 2^" + (64 - log2) + " bytes"
                    : "memory size must be at most " + maxPages + " pages (4GiB)");
        }
        if (m.shared() && !l.hasMax()) throw new ValidationException("shared memory must have maximum");
    }

    private static void limits(Limits l) {
        if (l == null) throw new ValidationException("missing limits");
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw new ValidationException("size minimum must not be greater than maximum");
        }
    }

    private void constant(Expr expr, int expected, int visibleGlobals) {
        if (expr == null) throw new ValidationException("constant expression required");
        CodeValidator.validateConstant(module, types, expr, expected, visibleGlobals);
    }

    private void elementSegment(ElementSegment e, int visibleGlobals) {
        if (e.mode() == null) throw new ValidationException("missing segment mode");
        int elem = types.valType(e.type());
        if (!Vt.isRef(elem)) throw new ValidationException("type mismatch");
        for (Expr item : e.items()) constant(item, elem, visibleGlobals);
        if (e.mode() == SegmentMode.ACTIVE) {
            int index = e.tableIndex();
            if (index < 0 || index >= module.tableCount()) throw new ValidationException("unknown table " + index);
            TableType table = module.tableType(index);
            if (!types.matches(elem, types.valType(table.elementType()))) throw new ValidationException("type mismatch");
            constant(e.offset(), table.is64() ? Vt.I64 : Vt.I32, visibleGlobals);
        }
    }

    private void dataSegment(DataSegment d, int visibleGlobals) {
        if (d.mode() == SegmentMode.ACTIVE) {
            int index = d.memoryIndex();
            if (index < 0 || index >= module.memoryCount()) throw new ValidationException("unknown memory " + index);
            constant(d.offset(), module.memoryType(index).is64() ? Vt.I64 : Vt.I32, visibleGlobals);
        } else if (d.mode() == null) {
            throw new ValidationException("missing segment mode");
        }
    }

    private void exports() {
        Set<String> names = new HashSet<>();
        for (Export e : module.exports()) {
            if (e.name() == null || e.kind() == null) throw new ValidationException("malformed export");
            if (!names.add(e.name())) throw new ValidationException("duplicate export name");
            int i = e.index();
            int count = switch (e.kind()) {
                case FUNC -> module.functionCount();
                case TABLE -> module.tableCount();
                case MEMORY -> module.memoryCount();
                case GLOBAL -> module.globalCount();
                case TAG -> module.tagCount();
            };
            if (i < 0 || i >= count) {
                throw new ValidationException("unknown " + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace("func", "function") + " " + i);
            }
        }
    }

    private void start() {
        int s = module.start();
        if (s == -1) return;
        if (s < 0 || s >= module.functionCount()) throw new ValidationException("unknown function " + s);
        CompositeType.Func f = funcType(module.functionTypeIndex(s));
        if (!f.params().isEmpty() || !f.results().isEmpty()) throw new ValidationException("start function");
    }

    /**
     * The functions a body may take with {@code ref.func}: those referenced anywhere in the
     * module outside function bodies (exports, globals, tables, element segments).
     */
    private boolean[] declaredFunctionReferences() {
        boolean[] declared = new boolean[module.functionCount()];
        for (Export e : module.exports()) {
            if (e.kind() == dev.wasmrt.decoder.model.ExternKind.FUNC) declared[e.index()] = true;
        }
        for (Global g : module.globals()) markRefFuncs(g.init(), declared);
        for (Table t : module.tables()) markRefFuncs(t.init(), declared);
        // Offsets are left out: a valid one yields a number, so it holds no ref.func.
        for (ElementSegment e : module.elements()) {
            for (Expr item : e.items()) markRefFuncs(item, declared);
        }
        return declared;
    }

    /** Marks the targets of ref.func in an already validated constant expression. */
    private static void markRefFuncs(Expr expr, boolean[] declared) {
        if (expr == null) return;
        int[] ops = expr.ops();
        for (int pc = 0; pc < ops.length; pc += Opcodes.length(ops, pc)) {
            if (ops[pc] == Opcodes.REF_FUNC) declared[ops[pc + 1]] = true;
        }
    }
}
