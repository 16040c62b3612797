package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.CustomSection;
import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Global;
import dev.wasmrt.decoder.model.Import;
import dev.wasmrt.decoder.model.ImportDesc;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Names;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.Table;
import dev.wasmrt.decoder.model.Tag;
import dev.wasmrt.decoder.model.ValType;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a {@link Module} in the binary format, choosing the canonical encoding wherever there is
 * a choice, so that {@code decode(write(m))} equals {@code m}. Custom sections go last, in order;
 * when there is no {@code name} custom section but the module has {@link Names}, one is generated.
 */
public final class BinaryWriter {
    private static final ValType FUNC_REF_NON_NULL = ValType.ref(false, ValType.HT_FUNC);

    private final Module module;
    private final ByteWriter out = new ByteWriter();

    private BinaryWriter(Module module) { this.module = module; }

    public static byte[] write(Module module) {
        BinaryWriter w = new BinaryWriter(module);
        w.module();
        return w.out.toByteArray();
    }

    private void module() {
        out.bytes(BinaryDecoder.MAGIC);
        out.bytes(BinaryDecoder.VERSION);
        section(BinaryDecoder.TYPE, module.recGroups().size(), this::types);
        section(BinaryDecoder.IMPORT, module.imports().size(), this::imports);
        section(BinaryDecoder.FUNCTION, module.functions().size(), s -> {
            s.u32(module.functions().size());
            for (Function f : module.functions()) s.u32(f.typeIndex());
        });
        section(BinaryDecoder.TABLE, module.tables().size(), this::tables);
        section(BinaryDecoder.MEMORY, module.memories().size(), s -> {
            s.u32(module.memories().size());
            for (MemoryType m : module.memories()) TypeWriter.memoryType(s, m);
        });
        section(BinaryDecoder.TAG, module.tags().size(), s -> {
            s.u32(module.tags().size());
            for (Tag t : module.tags()) {
                s.u8(0);
                s.u32(t.typeIndex());
            }
        });
        section(BinaryDecoder.GLOBAL, module.globals().size(), s -> {
            s.u32(module.globals().size());
            for (Global g : module.globals()) {
                TypeWriter.globalType(s, g.type());
                InstructionWriter.expression(s, g.init());
            }
        });
        section(BinaryDecoder.EXPORT, module.exports().size(), this::exports);
        section(BinaryDecoder.START, module.start() >= 0 ? 1 : 0, s -> s.u32(module.start()));
        section(BinaryDecoder.ELEMENT, module.elements().size(), this::elements);
        section(BinaryDecoder.DATA_COUNT, module.dataCount() >= 0 ? 1 : 0, s -> s.u32(module.dataCount()));
        section(BinaryDecoder.CODE, module.functions().size(), this::code);
        section(BinaryDecoder.DATA, module.datas().size(), this::datas);
        boolean hasNameSection = false;
        for (CustomSection c : module.customSections()) {
            hasNameSection |= c.name().equals("name");
            custom(c.name(), c.content());
        }
        if (!hasNameSection && !module.names().equals(Names.NONE)) custom("name", NameSectionWriter.write(module.names()));
    }

    /** Writes a section when it has anything in it. */
    private void section(int id, int entries, Consumer<ByteWriter> body) {
        if (entries == 0) return;
        ByteWriter content = new ByteWriter();
        body.accept(content);
        out.u8(id);
        out.sized(content);
    }

    private void custom(String name, byte[] content) {
        ByteWriter s = new ByteWriter();
        s.name(name);
        s.bytes(content);
        out.u8(BinaryDecoder.CUSTOM);
        out.sized(s);
    }

    private void types(ByteWriter s) {
        s.u32(module.recGroups().size());
        for (RecGroup g : module.recGroups()) {
            if (g.size() != 1) { // a group of one is written bare, which means the same
                s.u8(TypeDecoder.REC);
                s.u32(g.size());
            }
            for (int i = g.first(); i < g.first() + g.size(); i++) TypeWriter.subType(s, module.types().get(i));
        }
    }

    private void imports(ByteWriter s) {
        s.u32(module.imports().size());
        for (Import imp : module.imports()) {
            s.name(imp.module());
            s.name(imp.name());
            s.u8(imp.desc().kind().code);
            switch (imp.desc()) {
                case ImportDesc.Func f -> s.u32(f.typeIndex());
                case ImportDesc.Table t -> TypeWriter.tableType(s, t.type());
                case ImportDesc.Memory m -> TypeWriter.memoryType(s, m.type());
                case ImportDesc.Global g -> TypeWriter.globalType(s, g.type());
                case ImportDesc.Tag t -> {
                    s.u8(0);
                    s.u32(t.typeIndex());
                }
            }
        }
    }

    private void tables(ByteWriter s) {
        s.u32(module.tables().size());
        for (Table t : module.tables()) {
            if (t.init() != null) {
                s.u8(0x40);
                s.u8(0x00);
            }
            TypeWriter.tableType(s, t.type());
            if (t.init() != null) InstructionWriter.expression(s, t.init());
        }
    }

    private void exports(ByteWriter s) {
        s.u32(module.exports().size());
        for (Export e : module.exports()) {
            s.name(e.name());
            s.u8(e.kind().code);
            s.u32(e.index());
        }
    }

    /** Function indices are the compact form, usable when every item is a plain ref.func and the type is (ref func). */
    private void elements(ByteWriter s) {
        s.u32(module.elements().size());
        for (ElementSegment e : module.elements()) {
            boolean indices = e.type().equals(FUNC_REF_NON_NULL) && e.items().stream().allMatch(BinaryWriter::isRefFunc);
            boolean implicitTable = e.mode() == SegmentMode.ACTIVE && e.tableIndex() == 0
                    && e.type().equals(indices ? FUNC_REF_NON_NULL : ValType.FUNCREF);
            int flags = (indices ? 0 : 4) | switch (e.mode()) {
                case ACTIVE -> implicitTable ? 0 : 2;
                case PASSIVE -> 1;
                case DECLARATIVE -> 3;
            };
            s.u32(flags);
            if (e.mode() == SegmentMode.ACTIVE) {
                if (!implicitTable) s.u32(e.tableIndex());
                InstructionWriter.expression(s, e.offset());
            }
            if (!implicitTable) {
                if (indices) s.u8(0x00); // element kind funcref
                else TypeWriter.valType(s, e.type());
            }
            s.u32(e.items().size());
            for (Expr item : e.items()) {
                if (indices) s.u32(item.ops()[1]);
                else InstructionWriter.expression(s, item);
            }
        }
    }

    private static boolean isRefFunc(Expr e) {
        int[] ops = e.ops();
        return ops.length == 3 && ops[0] == Opcodes.REF_FUNC && ops[2] == Opcodes.END;
    }

    private void code(ByteWriter s) {
        s.u32(module.functions().size());
        for (Function f : module.functions()) {
            ByteWriter body = new ByteWriter();
            List<ValType> locals = f.locals();
            int runs = 0;
            for (int i = 0; i < locals.size(); i++) if (i == 0 || !locals.get(i).equals(locals.get(i - 1))) runs++;
            body.u32(runs);
            for (int i = 0; i < locals.size(); ) {
                int j = i;
                while (j < locals.size() && locals.get(j).equals(locals.get(i))) j++;
                body.u32(j - i);
                TypeWriter.valType(body, locals.get(i));
                i = j;
            }
            InstructionWriter.expression(body, f.body());
            s.sized(body);
        }
    }

    private void datas(ByteWriter s) {
        s.u32(module.datas().size());
        for (DataSegment d : module.datas()) {
            if (d.mode() == SegmentMode.PASSIVE) {
                s.u32(1);
            } else if (d.memoryIndex() == 0) {
                s.u32(0);
                InstructionWriter.expression(s, d.offset());
            } else {
                s.u32(2);
                s.u32(d.memoryIndex());
                InstructionWriter.expression(s, d.offset());
            }
            s.byteVector(d.bytes());
        }
    }
}
