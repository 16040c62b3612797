package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.ExprBuilder;
import dev.wasmrt.decoder.model.ExternKind;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Global;
import dev.wasmrt.decoder.model.GlobalType;
import dev.wasmrt.decoder.model.Import;
import dev.wasmrt.decoder.model.ImportDesc;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Names;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.Table;
import dev.wasmrt.decoder.model.TableType;
import dev.wasmrt.decoder.model.Tag;
import dev.wasmrt.decoder.model.ValType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one text module into the model: type definitions first (so implicit
 * function types are appended after every explicit one, as the spec orders them), then every
 * other field in source order.
 */
final class ModuleReader {
    private final ModuleContext cx;
    private final TokenCursor c;
    private final TypeReader types;
    private final Module.Builder m;
    private final Map<Integer, String> functionNames = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> localNames = new HashMap<>();
    private int funcIndex, tableIndex, memoryIndex, globalIndex, tagIndex;

    private ModuleReader(ModuleContext cx) {
        this.cx = cx;
        this.c = cx.cursor;
        this.types = new TypeReader(cx);
        this.m = cx.module;
    }

    /** Reads the fields from the cursor up to the closing parenthesis or end of input. */
    static Module read(TokenCursor cursor, String moduleName) {
        ModuleContext cx = new ModuleContext(cursor);
        List<Integer> fields = new ArrayList<>();
        for (int f = cursor.pos; !cursor.token(f).is(Token.Kind.RPAREN) && !cursor.token(f).is(Token.Kind.EOF); f = cursor.after(f)) {
            if (!cursor.token(f).is(Token.Kind.LPAREN)) throw cursor.unexpected(cursor.token(f));
            if (cursor.token(cursor.after(f) - 1).is(Token.Kind.EOF)) throw cursor.error("unexpected token", cursor.token(f));
            fields.add(f);
        }
        Declarations.declare(cx, fields);
        ModuleReader reader = new ModuleReader(cx);
        int end = fields.isEmpty() ? cursor.pos : cursor.after(fields.getLast());
        for (int f : fields) {
            if (cursor.isList(f, "type") || cursor.isList(f, "rec")) reader.at(f).typeField();
        }
        for (int f : fields) {
            if (!cursor.isList(f, "type") && !cursor.isList(f, "rec")) reader.at(f).field();
        }
        cx.checkPendingTypeUses();
        if (cx.codeUsesDataIndex) cx.module.dataCount = cx.module.datas.size();
        cursor.pos = end;
        cx.module.names = new Names(moduleName, reader.functionNames, reader.localNames);
        return cx.module.build();
    }

    private ModuleReader at(int f) {
        c.pos = f;
        return this;
    }

    private void typeField() {
        if (c.atList("rec")) {
            c.openList("rec");
            int first = m.types.size();
            while (c.atList("type")) typeDefinition();
            c.closeList();
            m.recGroups.add(new RecGroup(first, m.types.size() - first));
        } else {
            int index = m.types.size();
            typeDefinition();
            m.recGroups.add(new RecGroup(index, 1));
        }
    }

    private void typeDefinition() {
        c.openList("type");
        c.optionalId();
        m.types.add(types.subType());
        c.closeList();
    }

    private void field() {
        c.next();
        Token head = c.next();
        switch (head.text()) {
            case "import" -> importField();
            case "func" -> func();
            case "table" -> table();
            case "memory" -> memory();
            case "global" -> global();
            case "tag" -> tag();
            case "export" -> {
                String name = c.name();
                m.exports.add(exportDesc(name));
            }
            case "start" -> {
                if (m.start >= 0) throw c.error("multiple start sections", head);
                m.start = cx.funcs.read(c);
            }
            case "elem" -> elem();
            case "data" -> data();
            default -> throw c.unexpected(head);
        }
        c.closeList();
    }

    private Export exportDesc(String name) {
        c.expect(Token.Kind.LPAREN);
        Token kind = c.next();
        Export e = switch (kind.is(Token.Kind.ATOM) ? kind.text() : "") {
            case "func" -> new Export(name, ExternKind.FUNC, cx.funcs.read(c));
            case "table" -> new Export(name, ExternKind.TABLE, cx.tables.read(c));
            case "memory" -> new Export(name, ExternKind.MEMORY, cx.memories.read(c));
            case "global" -> new Export(name, ExternKind.GLOBAL, cx.globals.read(c));
            case "tag" -> new Export(name, ExternKind.TAG, cx.tags.read(c));
            default -> throw c.unexpected(kind);
        };
        c.closeList();
        return e;
    }

    private void importField() {
        String module = c.name();
        String name = c.name();
        c.expect(Token.Kind.LPAREN);
        Token kind = c.next();
        Token id = c.optionalId();
        ImportDesc desc = switch (kind.is(Token.Kind.ATOM) ? kind.text() : "") {
            case "func" -> {
                if (id != null) functionNames.put(funcIndex, id.text());
                funcIndex++;
                yield new ImportDesc.Func(types.typeUse(true).typeIndex());
            }
            case "table" -> {
                tableIndex++;
                yield new ImportDesc.Table(tableType());
            }
            case "memory" -> {
                memoryIndex++;
                yield new ImportDesc.Memory(memoryType());
            }
            case "global" -> {
                globalIndex++;
                yield new ImportDesc.Global(globalType());
            }
            case "tag" -> {
                tagIndex++;
                yield new ImportDesc.Tag(types.typeUse(true).typeIndex());
            }
            default -> throw c.unexpected(kind);
        };
        c.closeList();
        m.imports.add(new Import(module, name, desc));
    }

    /** Inline {@code (export "n")*} for the definition with index {@code index}. */
    private void inlineExports(ExternKind kind, int index) {
        while (c.atList("export")) {
            c.openList("export");
            m.exports.add(new Export(c.name(), kind, index));
            c.closeList();
        }
    }

    /** Inline {@code (import "m" "n")}, or null. */
    private String[] inlineImport() {
        if (!c.atList("import")) return null;
        c.openList("import");
        String[] names = {c.name(), c.name()};
        c.closeList();
        return names;
    }

    private void func() {
        int index = funcIndex++;
        Token id = c.optionalId();
        if (id != null) functionNames.put(index, id.text());
        inlineExports(ExternKind.FUNC, index);
        String[] imported = inlineImport();
        if (imported != null) {
            m.imports.add(new Import(imported[0], imported[1], new ImportDesc.Func(types.typeUse(true).typeIndex())));
            return;
        }
        TypeReader.TypeUse use = types.typeUse(true);
        IndexSpace locals = IndexSpace.locals();
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < use.paramCount(); i++) {
            Token p = i < use.paramIds().size() ? use.paramIds().get(i) : null;
            nameLocal(locals, p, names);
        }
        List<ValType> declared = new ArrayList<>();
        while (c.atList("local")) {
            c.openList("local");
            Token localId = c.optionalId();
            if (localId != null) {
                declared.add(types.valType());
                nameLocal(locals, localId, names);
            } else {
                while (!c.atRParen()) {
                    declared.add(types.valType());
                    nameLocal(locals, null, names);
                }
            }
            c.closeList();
        }
        if (!names.isEmpty()) localNames.put(index, names);
        Expr body = new InstructionReader(cx, types, locals).expression();
        m.functions.add(new Function(use.typeIndex(), declared, body));
    }

    private void nameLocal(IndexSpace locals, Token id, Map<Integer, String> names) {
        int i = locals.add(id, c);
        if (id != null) names.put(i, id.text());
    }

    /** Limits as unsigned 64-bit numbers: whether they fit the address type is for the validator to say. */
    private Limits limits() {
        long min = unsigned(64);
        if (c.peek().is(Token.Kind.ATOM) && Literals.isUnsigned(c.peek().text())) return Limits.of(min, unsigned(64));
        return Limits.of(min);
    }

    private long unsigned(int bits) {
        Token t = c.next();
        if (!t.is(Token.Kind.ATOM) || !Literals.isUnsigned(t.text())) throw c.unexpected(t);
        try {
            return Literals.parseUnsigned(t.text(), bits);
        } catch (ArithmeticException e) {
            throw c.error("i" + bits + " constant out of range", t);
        }
    }

    /** {@code i32} or {@code i64} before limits; true for 64-bit addresses. */
    private boolean addressType() {
        if (c.atAtom("i64")) {
            c.next();
            return true;
        }
        if (c.atAtom("i32")) c.next();
        return false;
    }

    private TableType tableType() {
        boolean is64 = addressType();
        Limits limits = limits();
        return new TableType(types.refType(), limits, is64);
    }

    private void table() {
        int index = tableIndex++;
        c.optionalId();
        inlineExports(ExternKind.TABLE, index);
        String[] imported = inlineImport();
        if (imported != null) {
            m.imports.add(new Import(imported[0], imported[1], new ImportDesc.Table(tableType())));
            return;
        }
        boolean is64 = addressType();
        if (types.atRefType()) {
            ValType element = types.refType();
            c.openList("elem");
            boolean indices = !c.peek().is(Token.Kind.LPAREN) && !c.atRParen();
            List<Expr> items = elemItems(indices);
            c.closeList();
            m.tables.add(new Table(new TableType(element, Limits.of(items.size(), items.size()), is64), null));
            // The inline segment takes the table's type, also for function indices (the suite relies on it).
            m.elements.add(new ElementSegment(element, SegmentMode.ACTIVE, index, zeroOffset(is64), items));
            return;
        }
        Limits limits = limits();
        ValType element = types.refType();
        Expr init = c.atRParen() ? null : constExpression();
        m.tables.add(new Table(new TableType(element, limits, is64), init));
    }

    private static Expr zeroOffset(boolean is64) {
        ExprBuilder b = new ExprBuilder();
        b.instr(is64 ? Opcodes.I64_CONST : Opcodes.I32_CONST, 0);
        if (is64) b.imm64(0);
        else b.imm(0);
        b.instr(Opcodes.END, 0);
        return b.build();
    }

    private int pageSize() {
        if (!c.atList("pagesize")) return MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        c.openList("pagesize");
        Token t = c.peek();
        long size = unsigned(64);
        c.closeList();
        if (size == 0 || Long.bitCount(size) != 1) throw c.error("invalid custom page size", t);
        return Long.numberOfTrailingZeros(size);
    }

    private MemoryType memoryType() {
        boolean is64 = addressType();
        Limits limits = limits();
        boolean shared = false;
        if (c.atAtom("shared")) {
            c.next();
            shared = true;
        } else if (c.atAtom("unshared")) {
            c.next();
        }
        return new MemoryType(limits, is64, shared, pageSize());
    }

    private void memory() {
        int index = memoryIndex++;
        c.optionalId();
        inlineExports(ExternKind.MEMORY, index);
        String[] imported = inlineImport();
        if (imported != null) {
            m.imports.add(new Import(imported[0], imported[1], new ImportDesc.Memory(memoryType())));
            return;
        }
        int afterHeader = c.pos;
        boolean is64 = addressType();
        if (c.atList("pagesize") || c.atList("data")) {
            int pageSizeLog2 = pageSize();
            c.openList("data");
            byte[] bytes = dataString();
            c.closeList();
            long pages = (bytes.length + (1L << pageSizeLog2) - 1) >>> pageSizeLog2;
            m.memories.add(new MemoryType(Limits.of(pages, pages), is64, false, pageSizeLog2));
            m.datas.add(new DataSegment(SegmentMode.ACTIVE, index, zeroOffset(is64), bytes));
            return;
        }
        c.pos = afterHeader;
        m.memories.add(memoryType());
    }

    private GlobalType globalType() {
        if (c.atList("mut")) {
            c.openList("mut");
            ValType t = types.valType();
            c.closeList();
            return new GlobalType(t, true);
        }
        return new GlobalType(types.valType(), false);
    }

    private void global() {
        int index = globalIndex++;
        c.optionalId();
        inlineExports(ExternKind.GLOBAL, index);
        String[] imported = inlineImport();
        if (imported != null) {
            m.imports.add(new Import(imported[0], imported[1], new ImportDesc.Global(globalType())));
            return;
        }
        GlobalType type = globalType();
        m.globals.add(new Global(type, constExpression()));
    }

    private void tag() {
        int index = tagIndex++;
        c.optionalId();
        inlineExports(ExternKind.TAG, index);
        String[] imported = inlineImport();
        int type = types.typeUse(true).typeIndex();
        if (imported != null) m.imports.add(new Import(imported[0], imported[1], new ImportDesc.Tag(type)));
        else m.tags.add(new Tag(type));
    }

    private Expr constExpression() {
        return new InstructionReader(cx, types, IndexSpace.locals()).expression();
    }

    /** {@code (offset instr*)} or the abbreviation: one folded instruction. */
    private Expr offset() {
        if (c.atList("offset")) {
            c.openList("offset");
            Expr e = constExpression();
            c.closeList();
            return e;
        }
        return new InstructionReader(cx, types, IndexSpace.locals()).singleFolded();
    }

    private boolean atOffset() {
        if (!c.peek().is(Token.Kind.LPAREN)) return false;
        Token head = c.peek(1);
        return !(head.isAtom("ref") || head.isAtom("item") || head.isAtom("table") || head.isAtom("memory"));
    }

    private void elem() {
        c.optionalId();
        SegmentMode mode = SegmentMode.PASSIVE;
        int table = 0;
        Expr offset = null;
        if (c.atAtom("declare")) {
            c.next();
            mode = SegmentMode.DECLARATIVE;
        } else {
            boolean active = false;
            if (c.atList("table")) {
                c.openList("table");
                table = cx.tables.read(c);
                c.closeList();
                active = true;
            } else if (IndexSpace.atIndex(c) && c.peek(1).is(Token.Kind.LPAREN)) {
                table = cx.tables.read(c);
                active = true;
            }
            if (active || atOffset()) {
                mode = SegmentMode.ACTIVE;
                offset = offset();
            }
        }
        ValType type = FUNC_INDEX_TYPE;
        boolean funcIndices = true;
        if (c.atAtom("func")) {
            c.next();
        } else if (types.atRefType()) {
            type = types.refType();
            funcIndices = false;
        }
        List<Expr> items = funcIndices ? funcIndexItems() : elemItems(false);
        m.elements.add(new ElementSegment(type, mode, table, offset, items));
    }

    /** The element type of a segment written as function indices: non-null, as in the binary format. */
    private static final ValType FUNC_INDEX_TYPE = ValType.ref(false, ValType.HT_FUNC);

    private List<Expr> funcIndexItems() {
        List<Expr> items = new ArrayList<>();
        while (!c.atRParen()) items.add(refFunc(cx.funcs.read(c)));
        return items;
    }

    private static Expr refFunc(int function) {
        ExprBuilder b = new ExprBuilder();
        b.instr(Opcodes.REF_FUNC, 0);
        b.imm(function);
        b.instr(Opcodes.END, 0);
        return b.build();
    }

    /** Element expressions {@code (item ...)} or single folded instructions; function indices when allowed. */
    private List<Expr> elemItems(boolean indicesAllowed) {
        if (indicesAllowed && !c.peek().is(Token.Kind.LPAREN)) return funcIndexItems();
        List<Expr> items = new ArrayList<>();
        while (!c.atRParen()) {
            if (c.atList("item")) {
                c.openList("item");
                items.add(constExpression());
                c.closeList();
            } else if (c.peek().is(Token.Kind.LPAREN)) {
                items.add(new InstructionReader(cx, types, IndexSpace.locals()).singleFolded());
            } else {
                throw c.unexpected(c.peek());
            }
        }
        return items;
    }

    private void data() {
        c.optionalId();
        if (c.peek().is(Token.Kind.STRING) || c.atRParen()) {
            m.datas.add(new DataSegment(SegmentMode.PASSIVE, 0, null, dataString()));
            return;
        }
        int memory = 0;
        if (c.atList("memory")) {
            c.openList("memory");
            memory = cx.memories.read(c);
            c.closeList();
        } else if (IndexSpace.atIndex(c)) {
            memory = cx.memories.read(c);
        }
        Expr offset = offset();
        m.datas.add(new DataSegment(SegmentMode.ACTIVE, memory, offset, dataString()));
    }

    private byte[] dataString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (c.peek().is(Token.Kind.STRING)) out.writeBytes(c.next().bytes());
        return out.toByteArray();
    }
}
