package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.ExprBuilder;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads instruction sequences, flat and folded, into an {@link Expr} laid out as
 * {@link Immediates} documents. One reader handles one expression (a body or a constant).
 */
final class InstructionReader {
    private final ModuleContext cx;
    private final TokenCursor c;
    private final TypeReader types;
    private final IndexSpace locals;
    private final ExprBuilder b = new ExprBuilder();
    /** Label names of the open blocks, innermost last; null for an unnamed block. */
    private final List<String> labels = new ArrayList<>();
    /** Folded instructions nest by recursion; deeper input is refused before the stack runs out. */
    private static final int MAX_FOLDED_DEPTH = 500;
    private int foldedDepth;
    /** Labels below this count belong to enclosing folded blocks, which flat end/else/catch may not touch. */
    private int foldedFloor;

    InstructionReader(ModuleContext cx, TypeReader types, IndexSpace locals) {
        this.cx = cx;
        this.c = cx.cursor;
        this.types = types;
        this.locals = locals;
    }

    /** Reads instructions up to the closing parenthesis of the enclosing list and ends the expression. */
    Expr expression() {
        Token start = c.peek();
        while (!c.atRParen()) instruction();
        if (b.openBlocks() > 0) throw c.unexpected(c.peek());
        b.instr(Opcodes.END, start.start());
        return b.build();
    }

    /** Reads exactly one folded instruction as a whole expression (an offset or element abbreviation). */
    Expr singleFolded() {
        Token start = c.peek();
        if (!start.is(Token.Kind.LPAREN)) throw c.unexpected(start);
        folded();
        b.instr(Opcodes.END, start.start());
        return b.build();
    }

    private void instruction() {
        Token t = c.peek();
        if (t.is(Token.Kind.LPAREN)) {
            folded();
            return;
        }
        if (!t.is(Token.Kind.ATOM)) throw c.unexpected(t);
        switch (t.text()) {
            case "block", "loop", "if" -> {
                c.next();
                blockStart(Opcodes.byName(t.text()), t);
            }
            case "else" -> {
                checkFlatStructure(t);
                c.next();
                closingLabel();
                emit(b.instr(Opcodes.ELSE, t.start()), t);
                b.imm(-1);
            }
            case "end" -> {
                checkFlatStructure(t);
                c.next();
                closingLabel();
                if (labels.isEmpty()) throw c.unexpected(t);
                labels.removeLast();
                emit(b.instr(Opcodes.END, t.start()), t);
            }
            case "try" -> {
                c.next();
                blockStart(Opcodes.TRY, t);
            }
            case "catch" -> {
                checkFlatStructure(t);
                c.next();
                int tag = cx.tags.read(c);
                emit(b.instr(Opcodes.CATCH, t.start()), t);
                b.imm(tag);
                b.imm(-1);
                b.imm(-1);
            }
            case "catch_all" -> {
                checkFlatStructure(t);
                c.next();
                emit(b.instr(Opcodes.CATCH_ALL, t.start()), t);
                b.imm(-1);
            }
            case "delegate" -> {
                checkFlatStructure(t);
                c.next();
                if (labels.isEmpty()) throw c.unexpected(t);
                labels.removeLast();
                int depth = label();
                emit(b.instr(Opcodes.DELEGATE, t.start()), t);
                b.imm(depth);
            }
            case "try_table" -> {
                c.next();
                blockStart(Opcodes.TRY_TABLE, t);
            }
            default -> plain(t);
        }
    }

    private void emit(boolean accepted, Token at) {
        if (!accepted) throw c.error("unexpected token", at);
    }

    /** An optional label after {@code end} or {@code else}, which must repeat the block's label. */
    private void closingLabel() {
        Token id = c.optionalId();
        if (id == null) return;
        String open = labels.isEmpty() ? null : labels.getLast();
        if (!id.text().equals(open)) throw c.error("mismatching label", id);
    }

    /** The header of block, loop, if, try or try_table (flat form); the label is pushed. */
    private void blockStart(int opcode, Token at) {
        Token label = c.optionalId();
        long blockType = blockType();
        IntList clauses = opcode == Opcodes.TRY_TABLE ? catchClauses() : null;
        emit(b.instr(opcode, at.start()), at);
        b.imm((int) blockType);
        b.imm((int) (blockType >>> 32));
        switch (opcode) {
            case Opcodes.IF -> { b.imm(-1); b.imm(-1); }
            case Opcodes.TRY -> { b.imm(-1); b.imm(-1); }
            case Opcodes.TRY_TABLE -> {
                b.imm(-1);
                b.imm(clauses.size() / 3);
                for (int i = 0; i < clauses.size(); i++) b.imm(clauses.get(i));
            }
            default -> b.imm(-1);
        }
        labels.add(label == null ? null : label.text());
    }

    /** A block type packed as {@code kind | value << 32}. */
    private long blockType() {
        if (c.atList("type")) {
            int index = types.typeUse(false).typeIndex();
            return pack(Immediates.BLOCK_TYPE_INDEX, index);
        }
        TypeReader.Signature sig = types.signature(false);
        if (sig.params().isEmpty() && sig.results().isEmpty()) return pack(Immediates.BLOCK_EMPTY, 0);
        if (sig.params().isEmpty() && sig.results().size() == 1) {
            return pack(Immediates.BLOCK_VALUE, sig.results().getFirst().encode());
        }
        return pack(Immediates.BLOCK_TYPE_INDEX, cx.funcType(sig.params(), sig.results()));
    }

    private static long pack(int kind, int value) {
        return (kind & 0xFFFFFFFFL) | ((long) value << 32);
    }

    /** try_table's {@code (catch x l)}, {@code (catch_ref x l)}, {@code (catch_all l)}, {@code (catch_all_ref l)}. */
    private IntList catchClauses() {
        IntList out = new IntList();
        while (c.peek().is(Token.Kind.LPAREN)) {
            Token head = c.peek(1);
            int kind;
            if (head.isAtom("catch")) kind = Immediates.CATCH_KIND_CATCH;
            else if (head.isAtom("catch_ref")) kind = Immediates.CATCH_KIND_CATCH_REF;
            else if (head.isAtom("catch_all")) kind = Immediates.CATCH_KIND_ALL;
            else if (head.isAtom("catch_all_ref")) kind = Immediates.CATCH_KIND_ALL_REF;
            else break;
            c.next();
            c.next();
            int tag = kind < Immediates.CATCH_KIND_ALL ? cx.tags.read(c) : -1;
            int depth = label();
            c.closeList();
            out.add(kind);
            out.add(tag);
            out.add(depth);
        }
        return out;
    }

    private int label() {
        Token t = c.peek();
        if (t.is(Token.Kind.ID)) {
            int i = labels.lastIndexOf(t.text());
            if (i < 0) throw c.error("unknown label", t);
            c.next();
            return labels.size() - 1 - i;
        }
        if (t.is(Token.Kind.ATOM) && Literals.isUnsigned(t.text())) {
            c.next();
            return IndexSpace.readNumber(t, c);
        }
        throw c.unexpected(t);
    }

    private void folded() {
        Token open = c.next();
        if (++foldedDepth > MAX_FOLDED_DEPTH) throw c.error("nesting too deep", open);
        Token head = c.peek();
        if (!head.is(Token.Kind.ATOM)) throw c.unexpected(head);
        switch (head.text()) {
            case "block", "loop" -> {
                c.next();
                blockStart(Opcodes.byName(head.text()), head);
                foldedBody(head);
            }
            case "if" -> foldedIf(head);
            case "try" -> foldedTry(head);
            case "try_table" -> {
                c.next();
                blockStart(Opcodes.TRY_TABLE, head);
                foldedBody(head);
            }
            default -> {
                c.next();
                Instr instr = immediates(head);
                while (!c.atRParen()) {
                    if (!c.peek().is(Token.Kind.LPAREN)) throw c.unexpected(c.peek());
                    folded();
                }
                write(instr, head);
            }
        }
        if (!c.atRParen()) throw c.unexpected(c.peek());
        c.closeList();
        foldedDepth--;
    }

    /** Reads the instructions of a folded block whose label was just pushed, and ends it. */
    private void foldedBody(Token head) {
        nestedInstructions();
        endBlock(head);
    }

    /** Reads instructions up to the closing parenthesis of a folded construct, which they must leave balanced. */
    private void nestedInstructions() {
        int outer = foldedFloor;
        foldedFloor = labels.size();
        while (!c.atRParen()) instruction();
        if (labels.size() != foldedFloor) throw c.unexpected(c.peek());
        foldedFloor = outer;
    }

    /** Refuses a flat else/end/catch/delegate that would close or continue a folded block. */
    private void checkFlatStructure(Token t) {
        if (labels.size() <= foldedFloor) throw c.error("unexpected token", t);
    }

    private void endBlock(Token at) {
        labels.removeLast();
        emit(b.instr(Opcodes.END, at.start()), at);
    }

    private void foldedIf(Token head) {
        c.next();
        Token label = c.optionalId();
        long blockType = blockType();
        while (!c.atList("then")) {
            if (!c.peek().is(Token.Kind.LPAREN)) throw c.unexpected(c.peek());
            folded();
        }
        emit(b.instr(Opcodes.IF, head.start()), head);
        b.imm((int) blockType);
        b.imm((int) (blockType >>> 32));
        b.imm(-1);
        b.imm(-1);
        labels.add(label == null ? null : label.text());
        c.openList("then");
        nestedInstructions();
        c.closeList();
        if (c.atList("else")) {
            Token elseToken = c.next();
            c.next();
            emit(b.instr(Opcodes.ELSE, elseToken.start()), elseToken);
            b.imm(-1);
            nestedInstructions();
            c.closeList();
        }
        endBlock(head);
    }

    private void foldedTry(Token head) {
        c.next();
        blockStart(Opcodes.TRY, head);
        c.openList("do");
        nestedInstructions();
        c.closeList();
        if (c.atList("delegate")) {
            Token at = c.next();
            c.next();
            labels.removeLast();
            int depth = label();
            c.closeList();
            emit(b.instr(Opcodes.DELEGATE, at.start()), at);
            b.imm(depth);
            return;
        }
        while (c.atList("catch")) {
            Token at = c.next();
            c.next();
            int tag = cx.tags.read(c);
            emit(b.instr(Opcodes.CATCH, at.start()), at);
            b.imm(tag);
            b.imm(-1);
            b.imm(-1);
            nestedInstructions();
            c.closeList();
        }
        if (c.atList("catch_all")) {
            Token at = c.next();
            c.next();
            emit(b.instr(Opcodes.CATCH_ALL, at.start()), at);
            b.imm(-1);
            nestedInstructions();
            c.closeList();
        }
        endBlock(head);
    }

    /** An instruction's final opcode and immediates, read before its folded operands. */
    private record Instr(int opcode, IntList immediates) {}

    private void plain(Token t) {
        c.next();
        write(immediates(t), t);
    }

    private void write(Instr instr, Token at) {
        emit(b.instr(instr.opcode(), at.start()), at);
        for (int i = 0; i < instr.immediates().size(); i++) b.imm(instr.immediates().get(i));
    }

    private Instr immediates(Token t) {
        int op = Opcodes.byName(t.text());
        if (op < 0 || isStructured(op)) throw c.unexpected(t);
        IntList imm = new IntList();
        switch (Opcodes.immediates(op)) {
            case NONE, FENCE -> {
                if (op == Opcodes.SELECT && c.atList("result")) {
                    List<ValType> results = types.results();
                    op = Opcodes.SELECT_T;
                    imm.add(results.size());
                    for (ValType v : results) imm.add(v.encode());
                }
            }
            case LABEL -> imm.add(label());
            case BR_TABLE -> {
                IntList depths = new IntList();
                depths.add(label());
                while (IndexSpace.atIndex(c)) depths.add(label());
                imm.add(depths.size() - 1);
                for (int i = 0; i < depths.size(); i++) imm.add(depths.get(i));
            }
            case FUNC -> imm.add(cx.funcs.read(c));
            case CALL_INDIRECT -> {
                int table = IndexSpace.atIndex(c) ? cx.tables.read(c) : 0;
                imm.add(types.typeUse(false).typeIndex());
                imm.add(table);
            }
            case TYPE -> imm.add(cx.types.read(c));
            case TYPE_FIELD -> {
                int type = cx.types.read(c);
                imm.add(type);
                imm.add(field(type));
            }
            case TYPE_COUNT -> {
                imm.add(cx.types.read(c));
                imm.add(u32());
            }
            case TYPE_DATA -> {
                imm.add(cx.types.read(c));
                imm.add(dataIndex());
            }
            case TYPE_ELEM -> {
                imm.add(cx.types.read(c));
                imm.add(cx.elems.read(c));
            }
            case TYPE_TYPE -> {
                imm.add(cx.types.read(c));
                imm.add(cx.types.read(c));
            }
            case LOCAL -> imm.add(locals.read(c));
            case GLOBAL -> imm.add(cx.globals.read(c));
            case TABLE -> imm.add(IndexSpace.atIndex(c) ? cx.tables.read(c) : 0);
            case TABLE_TABLE -> {
                boolean explicit = IndexSpace.atIndex(c);
                imm.add(explicit ? cx.tables.read(c) : 0);
                imm.add(explicit ? cx.tables.read(c) : 0);
            }
            case ELEM_TABLE -> {
                int table = twoIndices() ? cx.tables.read(c) : 0;
                imm.add(cx.elems.read(c));
                imm.add(table);
            }
            case ELEM -> imm.add(cx.elems.read(c));
            case MEMARG -> memarg(op, imm);
            case MEMARG_LANE -> {
                memarg(op, imm);
                imm.add(lane());
            }
            case MEMORY -> imm.add(IndexSpace.atIndex(c) ? cx.memories.read(c) : 0);
            case MEMORY_MEMORY -> {
                boolean explicit = IndexSpace.atIndex(c);
                imm.add(explicit ? cx.memories.read(c) : 0);
                imm.add(explicit ? cx.memories.read(c) : 0);
            }
            case DATA_MEMORY -> {
                int memory = twoIndices() ? cx.memories.read(c) : 0;
                imm.add(dataIndex());
                imm.add(memory);
            }
            case DATA -> imm.add(dataIndex());
            case I32 -> imm.add((int) integer(32));
            case I64 -> imm.addLong(integer(64));
            case F32 -> imm.add((int) floating(false));
            case F64 -> imm.addLong(floating(true));
            case V128 -> V128Literal.read(c, imm);
            case SHUFFLE -> shuffle(imm);
            case LANE -> imm.add(lane());
            case HEAPTYPE -> {
                if (op == Opcodes.REF_NULL) {
                    imm.add(types.heapType());
                } else {
                    ValType target = types.refType();
                    if (target.nullable()) op = op == Opcodes.REF_TEST ? Opcodes.REF_TEST_NULL : Opcodes.REF_CAST_NULL;
                    imm.add(target.heapType());
                }
            }
            case BR_ON_CAST -> {
                int depth = label();
                ValType from = types.refType();
                ValType to = types.refType();
                imm.add((from.nullable() ? 1 : 0) | (to.nullable() ? 2 : 0));
                imm.add(depth);
                imm.add(from.heapType());
                imm.add(to.heapType());
            }
            case TAG -> imm.add(cx.tags.read(c));
            default -> throw c.unexpected(t);
        }
        return new Instr(op, imm);
    }

    private int dataIndex() {
        cx.codeUsesDataIndex = true;
        return cx.datas.read(c);
    }

    /** True when two indices follow, so the first is the optional table or memory. */
    private boolean twoIndices() {
        return isIndex(c.peek()) && isIndex(c.peek(1));
    }

    private static boolean isIndex(Token t) {
        return t.is(Token.Kind.ID) || (t.is(Token.Kind.ATOM) && Literals.isUnsigned(t.text()));
    }

    private static boolean isStructured(int op) {
        return switch (op) {
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF, Opcodes.ELSE, Opcodes.END, Opcodes.TRY, Opcodes.CATCH,
                 Opcodes.CATCH_ALL, Opcodes.DELEGATE, Opcodes.TRY_TABLE -> true;
            default -> false;
        };
    }

    private int field(int typeIndex) {
        Token t = c.peek();
        if (t.is(Token.Kind.ID)) {
            IndexSpace names = cx.fieldNames.get(typeIndex);
            Integer index = names == null ? null : names.lookup(t.text());
            if (index == null) throw c.error("unknown field", t);
            c.next();
            return index;
        }
        return u32();
    }

    private int u32() {
        Token t = c.peek();
        if (!t.is(Token.Kind.ATOM) || !Literals.isUnsigned(t.text())) throw c.unexpected(t);
        c.next();
        return IndexSpace.readNumber(t, c);
    }

    private long integer(int bits) {
        Token t = c.next();
        if (!t.is(Token.Kind.ATOM)) throw c.unexpected(t);
        try {
            return Literals.parseInt(t.text(), bits);
        } catch (NumberFormatException e) {
            throw c.unexpected(t);
        } catch (ArithmeticException e) {
            throw c.error("constant out of range", t);
        }
    }

    private long floating(boolean f64) {
        Token t = c.next();
        if (!t.is(Token.Kind.ATOM)) throw c.unexpected(t);
        try {
            return f64 ? Literals.parseF64(t.text()) : Literals.parseF32(t.text()) & 0xFFFFFFFFL;
        } catch (NumberFormatException e) {
            throw c.unexpected(t);
        } catch (ArithmeticException e) {
            throw c.error("constant out of range", t);
        }
    }

    /** A lane index: an unsigned 8-bit literal; other number syntax is a syntax error. */
    private int lane() {
        Token t = c.peek();
        if (!t.is(Token.Kind.ATOM) || !Literals.isUnsigned(t.text())) throw c.error("unexpected token", t);
        return laneValue();
    }

    /** An 8-bit lane literal; anything else is out of the i8 range, as the suite words it for shuffles. */
    private int laneValue() {
        Token t = c.peek();
        if (!t.is(Token.Kind.ATOM)) throw c.unexpected(t);
        c.next();
        try {
            return (int) Literals.parseUnsigned(t.text(), 8);
        } catch (NumberFormatException | ArithmeticException e) {
            throw c.error("i8 constant out of range", t);
        }
    }

    private void shuffle(IntList imm) {
        Token first = c.peek();
        int count = 0;
        while (c.peek(count).is(Token.Kind.ATOM)) count++;
        if (count != 16) throw c.error("invalid lane length", first);
        for (int word = 0; word < 4; word++) {
            int packed = 0;
            for (int i = 0; i < 4; i++) packed |= laneValue() << (8 * i);
            imm.add(packed);
        }
    }

    /** {@code memidx? offset=N? align=N?}: log2 alignment, memory, offset (two words). */
    private void memarg(int op, IntList imm) {
        int memory = 0;
        Token t = c.peek();
        boolean laneFollows = Opcodes.immediates(op) == Immediates.MEMARG_LANE;
        if (t.is(Token.Kind.ID)) {
            memory = cx.memories.read(c);
        } else if (t.is(Token.Kind.ATOM) && Literals.isUnsigned(t.text()) && (!laneFollows || startsMemarg(c.peek(1)))) {
            memory = cx.memories.read(c);
        }
        long offset = 0;
        if (c.peek().is(Token.Kind.ATOM) && c.peek().text().startsWith("offset=")) {
            Token o = c.next();
            offset = memargValue(o, 7);
        }
        int alignLog2 = MemoryAccess.naturalAlignmentLog2(op);
        if (c.peek().is(Token.Kind.ATOM) && c.peek().text().startsWith("align=")) {
            Token a = c.next();
            long align = memargValue(a, 6);
            if (align == 0 || Long.bitCount(align) != 1) throw c.error("alignment must be a power of two", a);
            alignLog2 = Long.numberOfTrailingZeros(align);
        }
        imm.add(alignLog2);
        imm.add(memory);
        imm.addLong(offset);
    }

    private static boolean startsMemarg(Token t) {
        return t.is(Token.Kind.ATOM) && (Literals.isUnsigned(t.text()) || t.text().startsWith("offset=") || t.text().startsWith("align="));
    }

    private long memargValue(Token t, int prefix) {
        try {
            return Literals.parseUnsigned(t.text().substring(prefix), 64);
        } catch (NumberFormatException e) {
            throw c.error("unknown operator " + t.text(), t);
        } catch (ArithmeticException e) {
            throw c.error("constant out of range", t);
        }
    }
}
