package dev.wasmrt.interpreter.gc;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.validator.TypeRegistry;

/**
 * An instance's view of its types for the GC instructions: the canonical id of each type index
 * (from the store's registry), the layout of each struct type and the storage of each array
 * type. Built once per instance; engines index it with the module's type indices.
 */
public final class GcTypes {
    private final TypeRegistry registry;
    private final int[] ids;
    private final FuncType[] funcTypes;
    private final StructLayout[] structs;
    private final StorageKind[] elements;

    /**
     * @param ids the canonical id of each type index, as {@link TypeRegistry#register} gave them
     * @param funcTypes the instance's runtime function types by type index (null for struct
     *     and array types), for casts of function references
     */
    public GcTypes(TypeRegistry registry, Module module, int[] ids, FuncType[] funcTypes) {
        this.registry = registry;
        this.ids = ids;
        this.funcTypes = funcTypes;
        int n = ids.length;
        structs = new StructLayout[n];
        elements = new StorageKind[n];
        for (int i = 0; i < n; i++) {
            switch (module.types().get(i).composite()) {
                case CompositeType.Struct s -> structs[i] = new StructLayout(ids[i], s);
                case CompositeType.Array a -> elements[i] = StorageKind.of(a.element());
                case CompositeType.Func f -> { }
            }
        }
    }

    public TypeRegistry registry() { return registry; }

    /** The canonical id of type index {@code typeIndex}. */
    public int canonicalId(int typeIndex) { return ids[typeIndex]; }

    public StructLayout struct(int typeIndex) { return structs[typeIndex]; }

    /** The element storage of array type {@code typeIndex}. */
    public StorageKind element(int typeIndex) { return elements[typeIndex]; }

    public FuncType funcType(int typeIndex) { return funcTypes[typeIndex]; }

    /** A zero/null-filled array of type {@code typeIndex}. */
    public WasmArray allocateArray(int typeIndex, long length) {
        return WasmArray.allocate(ids[typeIndex], elements[typeIndex], length);
    }
}
