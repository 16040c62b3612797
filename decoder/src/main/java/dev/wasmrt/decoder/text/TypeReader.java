package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/** Reads value, heap, field and defined types, and type uses. */
final class TypeReader {
    private final ModuleContext cx;
    private final TokenCursor c;

    TypeReader(ModuleContext cx) {
        this.cx = cx;
        this.c = cx.cursor;
    }

    /** A function signature read from {@code (param ...)* (result ...)*}, with parameter names. */
    record Signature(List<ValType> params, List<ValType> results, List<Token> paramIds) {
        boolean isEmpty() { return params.isEmpty() && results.isEmpty(); }
    }

    /** The result of a type use: the type index and the names its parameters were given. */
    record TypeUse(int typeIndex, int paramCount, List<Token> paramIds) {}

    static ValType abbreviation(String keyword) {
        return switch (keyword) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            case "funcref" -> ValType.FUNCREF;
            case "externref" -> ValType.EXTERNREF;
            case "anyref" -> ValType.ANYREF;
            case "eqref" -> ValType.EQREF;
            case "i31ref" -> ValType.I31REF;
            case "structref" -> ValType.STRUCTREF;
            case "arrayref" -> ValType.ARRAYREF;
            case "exnref" -> ValType.EXNREF;
            case "nullref" -> ValType.NULLREF;
            case "nullfuncref" -> ValType.NULLFUNCREF;
            case "nullexternref" -> ValType.NULLEXTERNREF;
            case "nullexnref" -> ValType.NULLEXNREF;
            default -> null;
        };
    }

    static int abstractHeapType(String keyword) {
        return switch (keyword) {
            case "func" -> ValType.HT_FUNC;
            case "extern" -> ValType.HT_EXTERN;
            case "any" -> ValType.HT_ANY;
            case "eq" -> ValType.HT_EQ;
            case "i31" -> ValType.HT_I31;
            case "struct" -> ValType.HT_STRUCT;
            case "array" -> ValType.HT_ARRAY;
            case "exn" -> ValType.HT_EXN;
            case "none" -> ValType.HT_NONE;
            case "nofunc" -> ValType.HT_NOFUNC;
            case "noextern" -> ValType.HT_NOEXTERN;
            case "noexn" -> ValType.HT_NOEXN;
            default -> 0;
        };
    }

    boolean atValType() {
        Token t = c.peek();
        if (t.is(Token.Kind.ATOM)) return abbreviation(t.text()) != null;
        return c.atList("ref");
    }

    ValType valType() {
        Token t = c.peek();
        if (t.is(Token.Kind.ATOM)) {
            ValType v = abbreviation(t.text());
            if (v == null) throw c.unexpected(t);
            c.next();
            return v;
        }
        if (c.atList("ref")) return refList();
        throw c.unexpected(t);
    }

    /** A reference type: an abbreviation such as {@code funcref} or {@code (ref null? ht)}. */
    ValType refType() {
        Token t = c.peek();
        if (t.is(Token.Kind.ATOM)) {
            ValType v = abbreviation(t.text());
            if (v == null || !v.isRef()) throw c.unexpected(t);
            c.next();
            return v;
        }
        if (c.atList("ref")) return refList();
        throw c.unexpected(t);
    }

    boolean atRefType() {
        Token t = c.peek();
        if (t.is(Token.Kind.ATOM)) {
            ValType v = abbreviation(t.text());
            return v != null && v.isRef();
        }
        return c.atList("ref");
    }

    private ValType refList() {
        c.openList("ref");
        boolean nullable = false;
        if (c.atAtom("null")) {
            c.next();
            nullable = true;
        }
        int heap = heapType();
        c.closeList();
        return ValType.ref(nullable, heap);
    }

    int heapType() {
        Token t = c.peek();
        if (t.is(Token.Kind.ATOM)) {
            int abs = abstractHeapType(t.text());
            if (abs != 0) {
                c.next();
                return abs;
            }
        }
        return cx.types.read(c);
    }

    private FieldType storageType(boolean mutable) {
        if (c.atAtom("i8") || c.atAtom("i16")) {
            int bits = c.next().text().equals("i8") ? 8 : 16;
            return new FieldType(ValType.I32, bits, mutable);
        }
        return new FieldType(valType(), 0, mutable);
    }

    FieldType fieldType() {
        if (c.atList("mut")) {
            c.openList("mut");
            FieldType f = storageType(true);
            c.closeList();
            return f;
        }
        return storageType(false);
    }

    /** Reads {@code (param ...)* (result ...)*}; names are refused unless {@code namesAllowed}. */
    Signature signature(boolean namesAllowed) {
        List<ValType> params = new ArrayList<>();
        List<Token> ids = new ArrayList<>();
        while (c.atList("param")) {
            c.openList("param");
            Token id = c.optionalId();
            if (id != null) {
                if (!namesAllowed) throw c.unexpected(id);
                params.add(valType());
                ids.add(id);
            } else {
                while (!c.atRParen()) {
                    params.add(valType());
                    ids.add(null);
                }
            }
            c.closeList();
        }
        List<ValType> results = results();
        if (c.atList("param")) throw c.unexpected(c.peek(1));
        return new Signature(params, results, ids);
    }

    List<ValType> results() {
        List<ValType> results = new ArrayList<>();
        while (c.atList("result")) {
            c.openList("result");
            while (!c.atRParen()) results.add(valType());
            c.closeList();
        }
        return results;
    }

    /** Reads {@code (type x)? (param ...)* (result ...)*} and resolves it to a type index. */
    TypeUse typeUse(boolean namesAllowed) {
        if (c.atList("type")) {
            Token at = c.peek();
            c.openList("type");
            Token ref = c.peek();
            int index = cx.types.read(c);
            c.closeList();
            Signature sig = signature(namesAllowed);
            CompositeType.Func declared = cx.funcTypeAt(index);
            if (!sig.isEmpty() && declared == null) cx.checkLater(ref, index, new CompositeType.Func(sig.params(), sig.results()));
            if (!sig.isEmpty() && declared != null
                    && !(declared.params().equals(sig.params()) && declared.results().equals(sig.results()))) {
                throw c.error("inline function type", at);
            }
            int paramCount = declared != null ? declared.params().size() : sig.params().size();
            return new TypeUse(index, paramCount, sig.isEmpty() ? List.of() : sig.paramIds());
        }
        Signature sig = signature(namesAllowed);
        return new TypeUse(cx.funcType(sig.params(), sig.results()), sig.params().size(), sig.paramIds());
    }

    /** Reads a defined type's body: {@code (sub final? x* comptype)} or a bare composite type. */
    SubType subType() {
        if (c.atList("sub")) {
            c.openList("sub");
            boolean isFinal = false;
            if (c.atAtom("final")) {
                c.next();
                isFinal = true;
            }
            List<Integer> supers = new ArrayList<>();
            while (IndexSpace.atIndex(c)) supers.add(cx.types.read(c));
            CompositeType composite = compositeType();
            c.closeList();
            return new SubType(isFinal, supers, composite);
        }
        return SubType.plain(compositeType());
    }

    private CompositeType compositeType() {
        if (c.atList("func")) {
            c.openList("func");
            Signature sig = signature(true);
            c.closeList();
            return new CompositeType.Func(sig.params(), sig.results());
        }
        if (c.atList("struct")) {
            c.openList("struct");
            List<FieldType> fields = new ArrayList<>();
            while (c.atList("field")) {
                c.openList("field");
                if (c.optionalId() != null) {
                    fields.add(fieldType());
                } else {
                    while (!c.atRParen()) fields.add(fieldType());
                }
                c.closeList();
            }
            c.closeList();
            return new CompositeType.Struct(fields);
        }
        if (c.atList("array")) {
            c.openList("array");
            FieldType element;
            if (c.atList("field")) {
                c.openList("field");
                element = fieldType();
                c.closeList();
            } else {
                element = fieldType();
            }
            c.closeList();
            return new CompositeType.Array(element);
        }
        throw c.unexpected(c.peek(c.peek().is(Token.Kind.LPAREN) ? 1 : 0));
    }
}
