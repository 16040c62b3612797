package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Reads an instruction's immediates in the layout {@link Immediates} documents: indices, labels,
 * memory arguments, constants, lanes and types, with the defaults the text format allows.
 */
final class ImmediateReader {
    private final ModuleContext cx;
    private final TokenCursor c;
    private final TypeReader types;
    private final IndexSpace locals;
    /** Reads a label reference against the enclosing blocks. */
    private final IntSupplier labels;

    ImmediateReader(ModuleContext cx, TypeReader types, IndexSpace locals, IntSupplier labels) {
        this.cx = cx;
        this.c = cx.cursor;
        this.types = types;
        this.locals = locals;
        this.labels = labels;
    }

    /** An instruction's final opcode and immediates, read before its folded operands. */
    record Instr(int opcode, IntList immediates) {}

    /** Reads the immediates of the instruction named by {@code t} (already consumed). */
    Instr read(Token t) {
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
            case LABEL -> imm.add(labels.getAsInt());
            case BR_TABLE -> {
                IntList depths = new IntList();
                depths.add(labels.getAsInt());
                while (IndexSpace.atIndex(c)) depths.add(labels.getAsInt());
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
                int depth = labels.getAsInt();
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
