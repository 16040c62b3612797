package dev.wasmrt.decoder.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A decoded module, from the binary or the text format: the one immutable model that the
 * validator, the engines and the runtime read. Index spaces put imports first, as the spec does;
 * the {@code *Count} and {@code *Type} helpers answer for the whole index space.
 */
public final class Module {
    private final List<SubType> types;
    private final List<RecGroup> recGroups;
    private final List<Import> imports;
    private final List<Function> functions;
    private final List<Table> tables;
    private final List<MemoryType> memories;
    private final List<Tag> tags;
    private final List<Global> globals;
    private final List<Export> exports;
    private final int start;
    private final List<ElementSegment> elements;
    private final List<DataSegment> datas;
    private final int dataCount;
    private final List<CustomSection> customSections;
    private final Names names;

    // Derived index spaces, imports first.
    private final int[] funcTypeIndices;
    private final List<TableType> tableTypes;
    private final List<MemoryType> memoryTypes;
    private final List<GlobalType> globalTypes;
    private final int[] tagTypeIndices;
    private final int importedFunctions, importedTables, importedMemories, importedGlobals, importedTags;

    private Module(Builder b) {
        types = List.copyOf(b.types);
        recGroups = List.copyOf(b.recGroups);
        imports = List.copyOf(b.imports);
        functions = List.copyOf(b.functions);
        tables = List.copyOf(b.tables);
        memories = List.copyOf(b.memories);
        tags = List.copyOf(b.tags);
        globals = List.copyOf(b.globals);
        exports = List.copyOf(b.exports);
        start = b.start;
        elements = List.copyOf(b.elements);
        datas = List.copyOf(b.datas);
        dataCount = b.dataCount;
        customSections = List.copyOf(b.customSections);
        names = b.names == null ? Names.NONE : b.names;

        List<Integer> funcs = new ArrayList<>();
        List<TableType> tbls = new ArrayList<>();
        List<MemoryType> mems = new ArrayList<>();
        List<GlobalType> glbs = new ArrayList<>();
        List<Integer> tgs = new ArrayList<>();
        for (Import imp : imports) {
            switch (imp.desc()) {
                case ImportDesc.Func f -> funcs.add(f.typeIndex());
                case ImportDesc.Table t -> tbls.add(t.type());
                case ImportDesc.Memory m -> mems.add(m.type());
                case ImportDesc.Global g -> glbs.add(g.type());
                case ImportDesc.Tag t -> tgs.add(t.typeIndex());
            }
        }
        importedFunctions = funcs.size();
        importedTables = tbls.size();
        importedMemories = mems.size();
        importedGlobals = glbs.size();
        importedTags = tgs.size();
        for (Function f : functions) funcs.add(f.typeIndex());
        for (Table t : tables) tbls.add(t.type());
        mems.addAll(memories);
        for (Global g : globals) glbs.add(g.type());
        for (Tag t : tags) tgs.add(t.typeIndex());
        funcTypeIndices = funcs.stream().mapToInt(Integer::intValue).toArray();
        tableTypes = List.copyOf(tbls);
        memoryTypes = List.copyOf(mems);
        globalTypes = List.copyOf(glbs);
        tagTypeIndices = tgs.stream().mapToInt(Integer::intValue).toArray();
    }

    public List<SubType> types() { return types; }
    public List<RecGroup> recGroups() { return recGroups; }
    public List<Import> imports() { return imports; }
    /** Functions defined here; function index {@code importedFunctionCount() + i} is {@code functions().get(i)}. */
    public List<Function> functions() { return functions; }
    public List<Table> tables() { return tables; }
    public List<MemoryType> memories() { return memories; }
    public List<Tag> tags() { return tags; }
    public List<Global> globals() { return globals; }
    public List<Export> exports() { return exports; }
    /** The start function's index, or -1. */
    public int start() { return start; }
    public List<ElementSegment> elements() { return elements; }
    public List<DataSegment> datas() { return datas; }
    /** The data count section's value, or -1 when the section is absent. */
    public int dataCount() { return dataCount; }
    public List<CustomSection> customSections() { return customSections; }
    public Names names() { return names; }

    public int importedFunctionCount() { return importedFunctions; }
    public int importedTableCount() { return importedTables; }
    public int importedMemoryCount() { return importedMemories; }
    public int importedGlobalCount() { return importedGlobals; }
    public int importedTagCount() { return importedTags; }

    public int functionCount() { return funcTypeIndices.length; }
    public int tableCount() { return tableTypes.size(); }
    public int memoryCount() { return memoryTypes.size(); }
    public int globalCount() { return globalTypes.size(); }
    public int tagCount() { return tagTypeIndices.length; }

    /** The type index of function {@code funcIndex} (imports included). */
    public int functionTypeIndex(int funcIndex) { return funcTypeIndices[funcIndex]; }
    public TableType tableType(int tableIndex) { return tableTypes.get(tableIndex); }
    public MemoryType memoryType(int memoryIndex) { return memoryTypes.get(memoryIndex); }
    public GlobalType globalType(int globalIndex) { return globalTypes.get(globalIndex); }
    public int tagTypeIndex(int tagIndex) { return tagTypeIndices[tagIndex]; }

    public static Builder builder() { return new Builder(); }

    /** Value equality over every declared component; the derived index spaces follow from them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Module m
                && start == m.start
                && dataCount == m.dataCount
                && types.equals(m.types)
                && recGroups.equals(m.recGroups)
                && imports.equals(m.imports)
                && functions.equals(m.functions)
                && tables.equals(m.tables)
                && memories.equals(m.memories)
                && tags.equals(m.tags)
                && globals.equals(m.globals)
                && exports.equals(m.exports)
                && elements.equals(m.elements)
                && datas.equals(m.datas)
                && customSections.equals(m.customSections)
                && names.equals(m.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(types, recGroups, imports, functions, tables, memories, tags, globals, exports,
                start, elements, datas, dataCount, customSections, names);
    }

    /** Collects a module's parts while a decoder reads them; {@link #build()} freezes them. */
    public static final class Builder {
        public final List<SubType> types = new ArrayList<>();
        public final List<RecGroup> recGroups = new ArrayList<>();
        public final List<Import> imports = new ArrayList<>();
        public final List<Function> functions = new ArrayList<>();
        public final List<Table> tables = new ArrayList<>();
        public final List<MemoryType> memories = new ArrayList<>();
        public final List<Tag> tags = new ArrayList<>();
        public final List<Global> globals = new ArrayList<>();
        public final List<Export> exports = new ArrayList<>();
        public int start = -1;
        public final List<ElementSegment> elements = new ArrayList<>();
        public final List<DataSegment> datas = new ArrayList<>();
        public int dataCount = -1;
        public final List<CustomSection> customSections = new ArrayList<>();
        public Names names;

        private Builder() {}

        public Module build() { return new Module(this); }
    }
}
