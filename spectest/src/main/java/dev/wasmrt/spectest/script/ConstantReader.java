package dev.wasmrt.spectest.script;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.decoder.text.Literals;
import dev.wasmrt.decoder.text.Token;
import java.util.ArrayList;
import java.util.List;

/** Reads the constants of invoke arguments and the patterns of expected results. */
final class ConstantReader {
    private final ScriptCursor c;

    ConstantReader(ScriptCursor c) { this.c = c; }

    /** An argument: {@code (t.const ...)}, {@code (ref.null ht)}, {@code (ref.extern n)}, {@code (ref.host n)}. */
    Value value() {
        Token open = c.expect(Token.Kind.LPAREN);
        Token head = c.atom();
        Value v = switch (head.text()) {
            case "i32.const" -> new Value.Num(Value.NumType.I32, Literals.parseInt(c.atom().text(), 32) & 0xFFFFFFFFL);
            case "i64.const" -> new Value.Num(Value.NumType.I64, Literals.parseInt(c.atom().text(), 64));
            case "f32.const" -> new Value.Num(Value.NumType.F32, Literals.parseF32(c.atom().text()) & 0xFFFFFFFFL);
            case "f64.const" -> new Value.Num(Value.NumType.F64, Literals.parseF64(c.atom().text()));
            case "v128.const" -> {
                Expected.Vec vec = vector(false);
                long[] words = pack(vec);
                yield new Value.Vec(words[0], words[1]);
            }
            case "ref.null" -> new Value.RefNull(heapType(c.atom()));
            case "ref.extern" -> new Value.RefExtern(Literals.parseUnsigned(c.atom().text(), 64));
            case "ref.host" -> new Value.RefHost(Literals.parseUnsigned(c.atom().text(), 64));
            default -> throw c.error("unexpected token", head);
        };
        c.close(open);
        return v;
    }

    /** An expected result of assert_return. */
    Expected expected() {
        Token open = c.expect(Token.Kind.LPAREN);
        Token head = c.atom();
        Expected e = switch (head.text()) {
            case "i32.const" -> new Expected.Exact(new Value.Num(Value.NumType.I32, Literals.parseInt(c.atom().text(), 32) & 0xFFFFFFFFL));
            case "i64.const" -> new Expected.Exact(new Value.Num(Value.NumType.I64, Literals.parseInt(c.atom().text(), 64)));
            case "f32.const", "f64.const" -> {
                Value.NumType type = head.text().startsWith("f32") ? Value.NumType.F32 : Value.NumType.F64;
                Token literal = c.atom();
                Expected.NanKind nan = nanPattern(literal);
                if (nan != null) yield new Expected.Nan(type, nan == Expected.NanKind.CANONICAL);
                long bits = type == Value.NumType.F32 ? Literals.parseF32(literal.text()) & 0xFFFFFFFFL : Literals.parseF64(literal.text());
                yield new Expected.Exact(new Value.Num(type, bits));
            }
            case "v128.const" -> vector(true);
            case "ref.null" -> new Expected.RefNull(c.peek().is(Token.Kind.ATOM) ? heapType(c.atom()) : null);
            case "ref.extern" -> new Expected.RefExtern(c.peek().is(Token.Kind.ATOM) ? Literals.parseUnsigned(c.atom().text(), 64) : null);
            case "ref.host" -> new Expected.RefHost(Literals.parseUnsigned(c.atom().text(), 64));
            case "ref.func" -> new Expected.RefOfKind(Expected.RefKind.FUNC);
            case "ref.struct" -> new Expected.RefOfKind(Expected.RefKind.STRUCT);
            case "ref.array" -> new Expected.RefOfKind(Expected.RefKind.ARRAY);
            case "ref.eq" -> new Expected.RefOfKind(Expected.RefKind.EQ);
            case "ref.i31" -> new Expected.RefOfKind(Expected.RefKind.I31);
            case "ref.any" -> new Expected.RefOfKind(Expected.RefKind.ANY);
            case "ref.exn" -> new Expected.RefOfKind(Expected.RefKind.EXN);
            case "either" -> {
                List<Expected> alternatives = new ArrayList<>();
                while (c.peek().is(Token.Kind.LPAREN)) alternatives.add(expected());
                yield new Expected.Either(alternatives);
            }
            default -> throw c.error("unexpected token", head);
        };
        c.close(open);
        return e;
    }

    private static Expected.NanKind nanPattern(Token literal) {
        return switch (literal.text()) {
            case "nan:canonical" -> Expected.NanKind.CANONICAL;
            case "nan:arithmetic" -> Expected.NanKind.ARITHMETIC;
            default -> null;
        };
    }

    private int heapType(Token t) {
        return switch (t.text()) {
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
            default -> throw c.error("unexpected token", t);
        };
    }

    /** {@code shape lane*}, lanes possibly NaN patterns when {@code patterns} is set. */
    private Expected.Vec vector(boolean patterns) {
        Token shapeToken = c.atom();
        Expected.Shape shape;
        try {
            shape = Expected.Shape.valueOf(shapeToken.text().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw c.error("unexpected token", shapeToken);
        }
        List<Expected.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < shape.lanes; i++) {
            Token t = c.atom();
            Expected.NanKind nan = patterns && shape.isFloat() ? nanPattern(t) : null;
            if (nan != null) {
                lanes.add(new Expected.Lane(0, nan));
            } else if (shape.isFloat()) {
                lanes.add(new Expected.Lane(shape.laneBits == 32 ? Literals.parseF32(t.text()) & 0xFFFFFFFFL : Literals.parseF64(t.text()), null));
            } else {
                long bits = Literals.parseInt(t.text(), shape.laneBits);
                lanes.add(new Expected.Lane(shape.laneBits == 64 ? bits : bits & ((1L << shape.laneBits) - 1), null));
            }
        }
        return new Expected.Vec(shape, lanes);
    }

    /** The 16 bytes of exact lanes as two little-endian longs. */
    static long[] pack(Expected.Vec vec) {
        long[] words = new long[2];
        int bit = 0;
        for (Expected.Lane lane : vec.lanes()) {
            long bits = lane.bits();
            for (int k = 0; k < vec.shape().laneBits; k += 8, bit += 8) {
                words[bit / 64] |= ((bits >>> k) & 0xFF) << (bit % 64);
            }
        }
        return words;
    }
}
