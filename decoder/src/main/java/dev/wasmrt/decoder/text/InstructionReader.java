package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.ExprBuilder;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;
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
    private final ImmediateReader immediates;
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
        this.immediates = new ImmediateReader(cx, types, locals, this::label);
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
                ImmediateReader.Instr instr = immediates.read(head);
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

    private void plain(Token t) {
        c.next();
        write(immediates.read(t), t);
    }

    private void write(ImmediateReader.Instr instr, Token at) {
        emit(b.instr(instr.opcode(), at.start()), at);
        for (int i = 0; i < instr.immediates().size(); i++) b.imm(instr.immediates().get(i));
    }
}
