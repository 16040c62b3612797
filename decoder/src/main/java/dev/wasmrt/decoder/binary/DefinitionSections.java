package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.ExternKind;
import dev.wasmrt.decoder.model.Global;
import dev.wasmrt.decoder.model.Import;
import dev.wasmrt.decoder.model.ImportDesc;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.Table;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.Tag;

import java.util.List;

/** Decodes the sections that declare things: types, imports, functions, tables, memories, tags, globals, exports, start. */
final class DefinitionSections {
    /** Declared in binary-code order, so a kind byte is an ordinal. */
    private static final ExternKind[] KINDS = ExternKind.values();

    private final ByteReader in;
    private final TypeDecoder types;
    private final InstructionDecoder code;
    private final Module.Builder module;
    /** Type indices from the function section, until the code section supplies the bodies. */
    private int[] functionTypes = new int[0];

    DefinitionSections(ByteReader in, TypeDecoder types, InstructionDecoder code, Module.Builder module) {
        this.in = in;
        this.types = types;
        this.code = code;
        this.module = module;
    }

    /** The function section's type indices, one per defined function (none when the section is absent). */
    int[] functionTypes() { return functionTypes; }

    void typeSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            List<SubType> group = types.recGroup();
            module.recGroups.add(new RecGroup(module.types.size(), group.size()));
            module.types.addAll(group);
        }
    }

    void importSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            String moduleName = in.name();
            String name = in.name();
            ImportDesc desc = switch (externKind("malformed import kind")) {
                case FUNC -> new ImportDesc.Func(in.index());
                case TABLE -> new ImportDesc.Table(types.tableType());
                case MEMORY -> new ImportDesc.Memory(types.memoryType());
                case GLOBAL -> new ImportDesc.Global(types.globalType());
                case TAG -> new ImportDesc.Tag(tagType());
            };
            module.imports.add(new Import(moduleName, name, desc));
        }
    }

    void functionSection() {
        int n = in.count();
        functionTypes = new int[n];
        for (int i = 0; i < n; i++) functionTypes[i] = in.index();
    }

    void tableSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            if (in.peek() == 0x40) { // a table with an explicit initialiser
                in.u8();
                int at = in.pos();
                if (in.u8() != 0) throw in.errorAt("malformed table", at);
                TableType type = types.tableType();
                module.tables.add(new Table(type, code.expression()));
            } else {
                module.tables.add(new Table(types.tableType(), null));
            }
        }
    }

    void memorySection() {
        int n = in.count();
        for (int i = 0; i < n; i++) module.memories.add(types.memoryType());
    }

    void tagSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) module.tags.add(new Tag(tagType()));
    }

    void globalSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) module.globals.add(new Global(types.globalType(), code.expression()));
    }

    void exportSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            String name = in.name();
            ExternKind kind = externKind("malformed export kind");
            module.exports.add(new Export(name, kind, in.index()));
        }
    }

    void startSection() {
        module.start = in.index();
    }

    private ExternKind externKind(String malformed) {
        int at = in.pos();
        int b = in.u8();
        if (b >= KINDS.length) throw in.errorAt(malformed, at);
        return KINDS[b];
    }

    private int tagType() {
        int at = in.pos();
        if (in.u8() != 0) throw in.errorAt("malformed tag attribute", at);
        return in.index();
    }
}
