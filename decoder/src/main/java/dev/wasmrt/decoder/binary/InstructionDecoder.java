package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.ExprBuilder;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;

/**
 * Decodes instruction sequences (function bodies and constant expressions) into the flat code
 * layout of {@link Immediates}, driven by the opcode table, so no instruction needs its own case.
 * The decoding loop is iterative: nesting depth costs heap, not stack.
 */
final class InstructionDecoder {
    private final ByteReader in;
    private final TypeDecoder types;
    /** Instructions naming a data segment so far; in the code section they make the data count section mandatory. */
    private int dataIndexUses;

    InstructionDecoder(ByteReader in, TypeDecoder types) {
        this.in = in;
        this.types = types;
    }

    int dataIndexUses() { return dataIndexUses; }

    /** Reads instructions up to and including the {@code end} that closes the sequence. */
    Expr expression() {
        return expression(new ExprBuilder());
    }

    /** A function body of {@code byteLength} bytes: about as many ints, since most instructions take a byte or two. */
    Expr body(int byteLength) {
        return expression(new ExprBuilder(byteLength + (byteLength >> 2)));
    }

    private Expr expression(ExprBuilder b) {
        while (!b.isClosed()) instruction(b);
        return b.build();
    }

    private void instruction(ExprBuilder b) {
        int at = in.pos();
        int op = opcode();
        // An else, catch or delegate that fits no open construct: the reference decoder takes it as
        // the end of the enclosing sequence and then misses the END, hence its wording.
        if (!b.instr(op, at)) throw in.errorAt("END opcode expected", at);
        immediates(b, op);
    }

    private int opcode() {
        int at = in.pos();
        int first = in.u8();
        int base = switch (first) {
            case 0xFC -> Opcodes.PREFIX_FC;
            case 0xFB -> Opcodes.PREFIX_FB;
            case 0xFE -> Opcodes.PREFIX_FE;
            case 0xFD -> Opcodes.PREFIX_FD;
            default -> -1;
        };
        if (base < 0) {
            if (!Opcodes.isDefined(first)) throw in.errorAt("illegal opcode " + Integer.toHexString(first), at);
            return first;
        }
        int sub = in.u32();
        int span = first == 0xFD ? Opcodes.LIMIT - base : 0x100; // SIMD numbers run past 0xFF
        int op = base + sub;
        if (sub < 0 || sub >= span || !Opcodes.isDefined(op)) {
            throw in.errorAt("illegal opcode " + Integer.toHexString(first) + " " + Integer.toUnsignedString(sub, 16), at);
        }
        return op;
    }

    private void immediates(ExprBuilder b, int op) {
        switch (Opcodes.immediates(op)) {
            case NONE -> { }
            case FENCE -> {
                if (in.u8() != 0) throw in.errorAt("zero byte expected", in.pos() - 1);
            }
            case BLOCK -> { blockType(b); b.imm(-1); }
            case IF, TRY -> { blockType(b); b.imm(-1); b.imm(-1); }
            case ELSE, CATCH_ALL -> b.imm(-1);
            case CATCH -> { b.imm(in.index()); b.imm(-1); b.imm(-1); }
            case TRY_TABLE -> tryTable(b);
            case BR_TABLE -> {
                int n = in.count();
                b.imm(n);
                for (int i = 0; i <= n; i++) b.imm(in.index());
            }
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, ELEM, MEMORY, TAG -> b.imm(in.index());
            case DATA -> { dataIndexUses++; b.imm(in.index()); }
            case TYPE_DATA, DATA_MEMORY -> { dataIndexUses++; b.imm(in.index()); b.imm(in.index()); }
            case CALL_INDIRECT, TYPE_FIELD, TYPE_COUNT, TYPE_ELEM, TYPE_TYPE, TABLE_TABLE, ELEM_TABLE, MEMORY_MEMORY -> {
                b.imm(in.index());
                b.imm(in.index());
            }
            case MEMARG -> memarg(b);
            case MEMARG_LANE -> { memarg(b); b.imm(in.u8()); }
            case I32 -> b.imm(in.s32());
            case I64 -> b.imm64(in.s64());
            case F32 -> b.imm(in.f32Bits());
            case F64 -> b.imm64(in.f64Bits());
            case V128, SHUFFLE -> { for (int i = 0; i < 4; i++) b.imm(in.f32Bits()); }
            case LANE -> b.imm(in.u8());
            case HEAPTYPE -> b.imm(types.heapType());
            case BR_ON_CAST -> {
                int at = in.pos();
                int flags = in.u8();
                if (flags > 3) throw in.errorAt("malformed cast flags", at);
                b.imm(flags);
                b.imm(in.index());
                b.imm(types.heapType());
                b.imm(types.heapType());
            }
            case SELECT_T -> {
                int n = in.count();
                b.imm(n);
                for (int i = 0; i < n; i++) b.imm(types.valType().encode());
            }
        }
    }

    private void blockType(ExprBuilder b) {
        int first = in.peek();
        if (first == 0x40) {
            in.u8();
            b.imm(Immediates.BLOCK_EMPTY);
            b.imm(0);
        } else if (first >= 0x40 && first < 0x80) { // a one-byte negative s33: a value type
            b.imm(Immediates.BLOCK_VALUE);
            b.imm(types.valType().encode());
        } else {
            int at = in.pos();
            long index = in.s33();
            if (index < 0) throw in.errorAt("malformed block type", at);
            b.imm(Immediates.BLOCK_TYPE_INDEX);
            b.imm(types.typeIndex(index, at));
        }
    }

    private void tryTable(ExprBuilder b) {
        blockType(b);
        b.imm(-1);
        int n = in.count();
        b.imm(n);
        for (int i = 0; i < n; i++) {
            int at = in.pos();
            int kind = in.u8();
            if (kind > Immediates.CATCH_KIND_ALL_REF) throw in.errorAt("malformed catch clause", at);
            b.imm(kind);
            b.imm(kind <= Immediates.CATCH_KIND_CATCH_REF ? in.index() : -1);
            b.imm(in.index());
        }
    }

    /** Alignment flags: bits 0-5 the alignment exponent, bit 6 an explicit memory index follows. */
    private void memarg(ExprBuilder b) {
        int at = in.pos();
        int flags = in.u32();
        if (flags < 0 || flags >= 0x80) throw in.errorAt("malformed memop flags", at);
        b.imm(flags & 0x3F);
        b.imm((flags & 0x40) != 0 ? in.index() : 0);
        b.imm64(in.u64());
    }
}
