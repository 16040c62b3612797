package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.ValType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decodes the element, code and data sections. */
final class SegmentSections {
    /**
     * Locals are expanded into a list, so their number must stay reasonable; 50000 is the limit
     * that JavaScript embeddings impose as well, far above what compilers emit.
     */
    static final int MAX_LOCALS = 50_000;
    /**
     * A few bytes can declare thousands of locals, so the whole module gets a budget in proportion
     * to its size as well; real code uses each local at least once, which costs bytes.
     */
    static final int LOCALS_PER_INPUT_BYTE = 8;

    private static final ValType FUNC_REF_NON_NULL = ValType.ref(false, ValType.HT_FUNC);

    private final ByteReader in;
    private final TypeDecoder types;
    private final InstructionDecoder code;
    private final Module.Builder module;
    private long localsBudget;

    SegmentSections(ByteReader in, TypeDecoder types, InstructionDecoder code, Module.Builder module) {
        this.in = in;
        this.types = types;
        this.code = code;
        this.module = module;
        this.localsBudget = MAX_LOCALS + (long) LOCALS_PER_INPUT_BYTE * in.remaining();
    }

    void elementSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) module.elements.add(elementSegment());
    }

    /** Flag bit 0: passive or declarative; bit 1: explicit table (active) or declarative; bit 2: expressions. */
    private ElementSegment elementSegment() {
        int at = in.pos();
        int flags = in.u32();
        if (flags < 0 || flags > 7) throw in.errorAt("malformed elements segment kind", at);
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicitTable = (flags & 2) != 0;
        boolean expressions = (flags & 4) != 0;
        SegmentMode mode = !passiveOrDeclarative ? SegmentMode.ACTIVE
                : explicitTable ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        int table = 0;
        Expr offset = null;
        if (mode == SegmentMode.ACTIVE) {
            if (explicitTable) table = in.index();
            offset = code.expression();
        }
        ValType type;
        if (mode == SegmentMode.ACTIVE && !explicitTable) {
            type = expressions ? ValType.FUNCREF : FUNC_REF_NON_NULL;
        } else if (expressions) {
            type = types.refType();
        } else {
            int kindAt = in.pos();
            if (in.u8() != 0) throw in.errorAt("malformed element kind", kindAt);
            type = FUNC_REF_NON_NULL;
        }
        int count = in.count();
        List<Expr> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) items.add(expressions ? code.expression() : refFunc());
        return new ElementSegment(type, mode, table, offset, items);
    }

    /** A function index item, expressed as the constant expression {@code ref.func x}. */
    private Expr refFunc() {
        int at = in.pos();
        int index = in.index();
        return new Expr(new int[] {Opcodes.REF_FUNC, index, Opcodes.END}, new int[] {at, -1, at});
    }

    void dataCountSection() {
        module.dataCount = in.index();
    }

    void dataSection() {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            int at = in.pos();
            int flags = in.u32();
            DataSegment segment = switch (flags) {
                case 0 -> {
                    Expr offset = code.expression();
                    yield new DataSegment(SegmentMode.ACTIVE, 0, offset, in.byteVector());
                }
                case 1 -> new DataSegment(SegmentMode.PASSIVE, 0, null, in.byteVector());
                case 2 -> {
                    int memory = in.index();
                    Expr offset = code.expression();
                    yield new DataSegment(SegmentMode.ACTIVE, memory, offset, in.byteVector());
                }
                default -> throw in.errorAt("malformed data segment kind", at);
            };
            module.datas.add(segment);
        }
    }

    /** Returns the number of bodies, which must match the function section's count. */
    int codeSection(int[] functionTypes) {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            int sizeAt = in.pos();
            long size = Integer.toUnsignedLong(in.u32());
            if (size > in.remaining()) throw in.errorAt("length out of bounds", sizeAt);
            int start = in.pos();
            List<ValType> locals = locals();
            Expr body = code.body((int) (start + size - in.pos()));
            if (in.pos() != start + size) throw in.errorAt("section size mismatch", start);
            // A count mismatch is reported after the whole module is read, in the spec's wording.
            if (i < functionTypes.length) module.functions.add(new Function(functionTypes[i], locals, body));
        }
        return n;
    }

    private List<ValType> locals() {
        int runs = in.count();
        long[] counts = new long[runs];
        ValType[] runTypes = new ValType[runs];
        long total = 0;
        for (int r = 0; r < runs; r++) {
            int at = in.pos();
            counts[r] = Integer.toUnsignedLong(in.u32());
            total += counts[r];
            if (total > MAX_LOCALS || total > localsBudget) throw in.errorAt("too many locals", at);
            runTypes[r] = types.valType();
        }
        localsBudget -= total;
        ValType[] expanded = new ValType[(int) total];
        int next = 0;
        for (int r = 0; r < runs; r++) {
            Arrays.fill(expanded, next, next + (int) counts[r], runTypes[r]);
            next += (int) counts[r];
        }
        return Arrays.asList(expanded);
    }
}
