package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.Opcodes;
import java.util.HashSet;
import java.util.Set;

/**
 * The keywords the text format knows. An atom that is none of these (and no number) is an
 * "unknown operator"; a known keyword in the wrong place is an "unexpected token".
 */
final class Keywords {
    private Keywords() {}

    private static final Set<String> KNOWN = new HashSet<>(Set.of(
            "module", "type", "rec", "sub", "final", "func", "struct", "array", "field", "mut",
            "param", "result", "local", "import", "export", "table", "memory", "global", "tag",
            "start", "elem", "data", "declare", "item", "offset", "then", "do", "binary", "quote",
            "definition", "instance", "shared", "unshared", "pagesize", "ref", "null", "i8", "i16",
            "i32", "i64", "f32", "f64", "v128", "funcref", "externref", "anyref", "eqref", "i31ref",
            "structref", "arrayref", "exnref", "nullref", "nullfuncref", "nullexternref", "nullexnref",
            "extern", "any", "eq", "i31", "exn", "none", "nofunc", "noextern", "noexn",
            "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2", "catch_ref", "catch_all_ref",
            "inf", "nan", "register", "invoke", "get", "assert_return", "assert_trap",
            "assert_exhaustion", "assert_malformed", "assert_invalid", "assert_unlinkable",
            "assert_uninstantiable", "assert_exception", "either", "thread", "wait", "script", "input",
            "output", "nan:canonical", "nan:arithmetic"));

    static {
        for (int op = 0; op < Opcodes.LIMIT; op++) {
            if (Opcodes.isDefined(op)) KNOWN.add(Opcodes.name(op));
        }
    }

    /** True for keywords, numbers and {@code offset=}/{@code align=} immediates. */
    static boolean isKnown(String atom) {
        if (KNOWN.contains(atom)) return true;
        if (atom.startsWith("offset=") || atom.startsWith("align=")) return true;
        if (atom.startsWith("nan:0x")) return true;
        char c = atom.charAt(0);
        if (c == '+' || c == '-') {
            if (atom.length() == 1) return false;
            c = atom.charAt(1);
        }
        return c >= '0' && c <= '9' && looksNumeric(atom);
    }

    private static boolean looksNumeric(String atom) {
        try {
            Literals.parseF64(atom);
            return true;
        } catch (NumberFormatException e) {
            return false;
        } catch (ArithmeticException e) {
            return true;
        }
    }
}
