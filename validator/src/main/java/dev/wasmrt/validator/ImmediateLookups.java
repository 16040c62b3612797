package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.ValType;

/**
 * Resolves instruction immediates (type, function, table, memory, global, local, segment and
 * tag indices) to what the module defines, failing at the current instruction with the spec
 * suite's wording ("unknown table 1", ...) when an index is out of range.
 */
abstract class ImmediateLookups extends TypeStack {
    final Module module;

    ImmediateLookups(Module module, ModuleTypes types) {
        super(types);
        this.module = module;
    }

    CompositeType.Func funcType(int index) {
        try {
            return types.funcType(index);
        } catch (ValidationException e) {
            throw fail(e.reason());
        }
    }

    CompositeType.Struct structType(int index) {
        try {
            return types.structType(index);
        } catch (ValidationException e) {
            throw fail(e.reason());
        }
    }

    CompositeType.Array arrayType(int index) {
        try {
            return types.arrayType(index);
        } catch (ValidationException e) {
            throw fail(e.reason());
        }
    }

    int heapType(int heap) {
        try {
            return types.heapType(heap);
        } catch (ValidationException e) {
            throw fail(e.reason());
        }
    }

    int valType(int encoded) {
        ValType v;
        try {
            v = ValType.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw fail("type mismatch");
        }
        try {
            return types.valType(v);
        } catch (ValidationException e) {
            throw fail(e.reason());
        }
    }

    int[] tagParams(int tag) {
        if (tag < 0 || tag >= module.tagCount()) throw fail("unknown tag " + tag);
        int type = module.tagTypeIndex(tag);
        funcType(type);
        return types.params(type);
    }

    int function(int index) {
        if (index < 0 || index >= module.functionCount()) throw fail("unknown function " + index);
        return index;
    }

    TableType table(int index) {
        if (index < 0 || index >= module.tableCount()) throw fail("unknown table " + index);
        return module.tableType(index);
    }

    MemoryType memory(int index) {
        if (index < 0 || index >= module.memoryCount()) throw fail("unknown memory " + index);
        return module.memoryType(index);
    }

    int global(int index) {
        if (index < 0 || index >= module.globalCount()) throw fail("unknown global " + index);
        return index;
    }

    int local(int index) {
        if (index < 0 || index >= localTypes.length) throw fail("unknown local " + index);
        return index;
    }

    ElementSegment elem(int index) {
        if (index < 0 || index >= module.elements().size()) throw fail("unknown elem segment " + index);
        return module.elements().get(index);
    }

    void data(int index) {
        if (index < 0 || index >= module.datas().size()) throw fail("unknown data segment " + index);
    }

    static int addr(TableType t) { return t.is64() ? Vt.I64 : Vt.I32; }

    static int addr(MemoryType m) { return m.is64() ? Vt.I64 : Vt.I32; }
}
