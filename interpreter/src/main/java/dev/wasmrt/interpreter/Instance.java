package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.interpreter.gc.GcTypes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module instance. The public arrays are the engines' view (index spaces with imports first);
 * embedders use the export accessors and {@link #call}/{@link #invoke}.
 *
 * <p>Element segments live in {@link #elements} and data segments in {@link #datas}; dropping
 * one replaces it by an empty array, which is exactly how the spec describes a dropped segment.
 */
public final class Instance {
    private final Store store;
    private final Module module;
    private final Map<String, Extern> exports = new LinkedHashMap<>();

    public final FuncType[] types;
    public final FunctionInstance[] functions;
    public final Table[] tables;
    public final Memory[] memories;
    public final Global[] globals;
    public final Tag[] tags;
    public final Object[][] elements;
    public final byte[][] datas;
    /** Canonical type ids and struct/array layouts for the GC instructions. */
    public final GcTypes gcTypes;

    Instance(Store store, Module module, int[] typeIds, FuncType[] types) {
        this.store = store;
        this.module = module;
        this.types = types;
        this.functions = new FunctionInstance[module.functionCount()];
        this.tables = new Table[module.tableCount()];
        this.memories = new Memory[module.memoryCount()];
        this.globals = new Global[module.globalCount()];
        this.tags = new Tag[module.tagCount()];
        this.elements = new Object[module.elements().size()][];
        this.datas = new byte[module.datas().size()][];
        this.gcTypes = new GcTypes(store.typeRegistry(), module, typeIds, types);
    }

    public Store store() { return store; }

    public Module module() { return module; }

    /** Exports by name, in declaration order. */
    public Map<String, Extern> exports() { return Collections.unmodifiableMap(exports); }

    void export(String name, Extern value) { exports.put(name, value); }

    /** The export, or null. */
    public Extern export(String name) { return exports.get(name); }

    public FunctionInstance function(String name) { return exportOf(name, FunctionInstance.class); }

    public Memory memory(String name) { return exportOf(name, Memory.class); }

    public Table table(String name) { return exportOf(name, Table.class); }

    public Global global(String name) { return exportOf(name, Global.class); }

    public Tag tag(String name) { return exportOf(name, Tag.class); }

    private <T extends Extern> T exportOf(String name, Class<T> kind) {
        Extern e = exports.get(name);
        if (!kind.isInstance(e)) throw new IllegalArgumentException("no exported " + kind.getSimpleName() + " named " + name);
        return kind.cast(e);
    }

    /** Calls an exported function with numeric arguments (raw bits, one per slot); returns raw bits per result slot. */
    public long[] call(String name, long... args) { return store.call(function(name), args); }

    /** Calls an exported function with mixed values (see {@link Store#invoke}). */
    public Object[] invoke(String name, Object... args) { return store.invoke(function(name), args); }

    /** A debug name for function {@code index}: the name section's, or {@code func[index]}. */
    public String functionName(int index) {
        String n = module.names().function(index);
        return n != null ? n : "func[" + index + "]";
    }

    /** Drops element segment {@code index} (elem.drop). */
    public void dropElement(int index) { elements[index] = EMPTY_ELEMENTS; }

    /** Drops data segment {@code index} (data.drop). */
    public void dropData(int index) { datas[index] = EMPTY_DATA; }

    private static final Object[] EMPTY_ELEMENTS = new Object[0];
    private static final byte[] EMPTY_DATA = new byte[0];
}
