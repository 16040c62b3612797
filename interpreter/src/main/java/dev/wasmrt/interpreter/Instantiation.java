package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.Global;
import dev.wasmrt.decoder.model.GlobalType;
import dev.wasmrt.decoder.model.Import;
import dev.wasmrt.decoder.model.ImportDesc;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.ValType;

/** The spec's instantiation steps, in the spec's order. */
final class Instantiation {
    private static final String UNKNOWN = "unknown import";
    private static final String INCOMPATIBLE = "incompatible import type";

    private final Store store;
    private final Module module;
    private final Engine.EngineModule engineModule;
    private final Imports imports;
    private Instance instance;

    Instantiation(Store store, Module module, Engine.EngineModule engineModule, Imports imports) {
        this.store = store;
        this.module = module;
        this.engineModule = engineModule;
        this.imports = imports;
    }

    Instance run() {
        int[] typeIds = store.typeRegistry().register(module);
        FuncType[] types = store.funcTypes().of(module, typeIds);
        instance = new Instance(store, module, typeIds, types);
        link();
        FunctionInstance[] defined = engineModule.createFunctions(instance);
        System.arraycopy(defined, 0, instance.functions, module.importedFunctionCount(), defined.length);
        ConstEval eval = new ConstEval(instance);
        createMemories();
        createGlobals(eval);
        createTables(eval);
        for (int i = 0; i < module.tags().size(); i++) {
            instance.tags[module.importedTagCount() + i] = new Tag(types[module.tags().get(i).typeIndex()]);
        }
        for (Export e : module.exports()) {
            instance.export(e.name(), switch (e.kind()) {
                case FUNC -> instance.functions[e.index()];
                case TABLE -> instance.tables[e.index()];
                case MEMORY -> instance.memories[e.index()];
                case GLOBAL -> instance.globals[e.index()];
                case TAG -> instance.tags[e.index()];
            });
        }
        initElements(eval);
        initData(eval);
        if (module.start() >= 0) store.call(instance.functions[module.start()]);
        return instance;
    }

    private void link() {
        int f = 0, t = 0, m = 0, g = 0, tg = 0;
        for (Import imp : module.imports()) {
            Extern value = imports.lookup(imp.module(), imp.name());
            if (value == null) throw new LinkException(UNKNOWN, imp.module(), imp.name());
            boolean ok = switch (imp.desc()) {
                case ImportDesc.Func d -> value instanceof FunctionInstance fn
                        && fn.type().isSubtypeOf(instance.types[d.typeIndex()]) && put(instance.functions, f++, fn);
                case ImportDesc.Table d -> value instanceof Table tb && tableMatches(tb, d.type()) && put(instance.tables, t++, tb);
                case ImportDesc.Memory d -> value instanceof Memory mem && memoryMatches(mem, d.type()) && put(instance.memories, m++, mem);
                case ImportDesc.Global d -> value instanceof dev.wasmrt.interpreter.Global gl
                        && globalMatches(gl, d.type()) && put(instance.globals, g++, gl);
                case ImportDesc.Tag d -> value instanceof Tag tag
                        && tag.type().equals(instance.types[d.typeIndex()]) && put(instance.tags, tg++, tag);
            };
            if (!ok) throw new LinkException(INCOMPATIBLE, imp.module(), imp.name());
        }
    }

    private static <T> boolean put(T[] space, int index, T value) {
        space[index] = value;
        return true;
    }

    private boolean tableMatches(Table actual, TableType expected) {
        RtType want = RtType.of(expected.elementType(), module, instance.gcTypes);
        return actual.is64() == expected.is64()
                && actual.rtType.isSubtypeOf(want) && want.isSubtypeOf(actual.rtType)
                && limitsMatch(actual.size(), actual.hasMax(), actual.max(), expected.limits());
    }

    private static boolean memoryMatches(Memory actual, MemoryType expected) {
        MemoryType now = actual.currentType();
        return now.is64() == expected.is64() && now.shared() == expected.shared()
                && now.pageSizeLog2() == expected.pageSizeLog2()
                && limitsMatch(now.limits().min(), now.limits().hasMax(), now.limits().max(), expected.limits());
    }

    private static boolean limitsMatch(long min, boolean hasMax, long max, Limits expected) {
        if (Long.compareUnsigned(min, expected.min()) < 0) return false;
        if (!expected.hasMax()) return true;
        return hasMax && Long.compareUnsigned(max, expected.max()) <= 0;
    }

    private boolean globalMatches(dev.wasmrt.interpreter.Global actual, GlobalType expected) {
        if (actual.mutable() != expected.mutable()) return false;
        RtType want = RtType.of(expected.type(), module, instance.gcTypes);
        if (!actual.rtType.isSubtypeOf(want)) return false;
        return !expected.mutable() || want.isSubtypeOf(actual.rtType);
    }

    private void createMemories() {
        long cap = store.config().memoryPageCap();
        for (int i = 0; i < module.memories().size(); i++) {
            MemoryType type = module.memories().get(i);
            long capPages = type.pageSizeLog2() >= 16 ? cap >> (type.pageSizeLog2() - 16) : cap << (16 - type.pageSizeLog2());
            instance.memories[module.importedMemoryCount() + i] = new Memory(type, capPages);
        }
    }

    private void createGlobals(ConstEval eval) {
        for (int i = 0; i < module.globals().size(); i++) {
            Global def = module.globals().get(i);
            GlobalType type = def.type();
            var g = new dev.wasmrt.interpreter.Global(type.type(), type.mutable(), RtType.of(type.type(), module, instance.gcTypes));
            eval.eval(def.init());
            g.bits = eval.bits();
            if (type.type().kind() == ValType.Kind.V128) g.high = eval.high();
            g.ref = eval.ref();
            instance.globals[module.importedGlobalCount() + i] = g;
        }
    }

    private void createTables(ConstEval eval) {
        for (int i = 0; i < module.tables().size(); i++) {
            var def = module.tables().get(i);
            TableType type = def.type();
            Object init = def.init() == null ? null : eval.eval(def.init()).ref();
            Limits l = type.limits();
            instance.tables[module.importedTableCount() + i] = new Table(type.elementType(),
                    RtType.of(type.elementType(), module, instance.gcTypes), l.min(), l.max(), l.hasMax(), type.is64(), init);
        }
    }

    private void initElements(ConstEval eval) {
        for (int i = 0; i < module.elements().size(); i++) {
            ElementSegment seg = module.elements().get(i);
            Object[] items = new Object[seg.items().size()];
            for (int k = 0; k < items.length; k++) items[k] = eval.eval(seg.items().get(k)).ref();
            instance.elements[i] = items;
        }
        for (int i = 0; i < module.elements().size(); i++) {
            ElementSegment seg = module.elements().get(i);
            if (seg.mode() == SegmentMode.ACTIVE) {
                Table table = instance.tables[seg.tableIndex()];
                long offset = eval.eval(seg.offset()).bits();
                if (!table.is64()) offset &= 0xFFFFFFFFL;
                Object[] items = instance.elements[i];
                table.init(offset, items, 0, items.length);
            }
            if (seg.mode() != SegmentMode.PASSIVE) instance.dropElement(i);
        }
    }

    private void initData(ConstEval eval) {
        for (int i = 0; i < module.datas().size(); i++) instance.datas[i] = module.datas().get(i).bytes();
        for (int i = 0; i < module.datas().size(); i++) {
            DataSegment seg = module.datas().get(i);
            if (seg.mode() != SegmentMode.ACTIVE) continue;
            Memory memory = instance.memories[seg.memoryIndex()];
            long offset = eval.eval(seg.offset()).bits();
            if (!memory.is64()) offset &= 0xFFFFFFFFL;
            memory.init(offset, instance.datas[i], 0, seg.length());
            instance.dropData(i);
        }
    }
}
