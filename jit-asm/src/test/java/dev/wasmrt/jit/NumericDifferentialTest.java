package dev.wasmrt.jit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumericDifferentialTest {
    private static final long[] I32_EDGES = {0, 1, -1, 2, 31, 32, 33, 0x7FFFFFFFL, 0xFFFFFFFF80000000L, 0x80000000L, 12345, -77};
    private static final long[] I64_EDGES = {0, 1, -1, 63, 64, 65, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFFL, 0x100000000L, -12345678901L};
    private static final long[] F32_EDGES = {0, 0x80000000L, 0x3F800000L, 0xBF800000L, 0x7F800000L, 0xFF800000L, 0x7FC00000L, 0x7FA00000L,
            0xFFC00001L, 0x4F000000L, 0xCF000000L, 0x4F800000L, 0x5F000000L, 0xDF000001L, 0x3F000000L, 0x3FC00000L, 0x40200000L, 0x00000001L};
    private static final long[] F64_EDGES = {0, Long.MIN_VALUE, 0x3FF0000000000000L, 0xBFF0000000000000L, 0x7FF0000000000000L, 0xFFF0000000000000L,
            0x7FF8000000000000L, 0x7FF4000000000000L, 0xFFF8000000000001L, 0x41E0000000000000L, 0xC1E0000000000000L, 0x41F0000000000000L,
            0x43E0000000000000L, 0xC3E0000000000001L, 0x3FE0000000000000L, 0x3FF8000000000000L, 0x4004000000000000L, 1L};

    private static final String[] I32_BINARY = {"add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s",
            "shr_u", "rotl", "rotr", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
    private static final String[] I32_UNARY = {"clz", "ctz", "popcnt", "eqz", "extend8_s", "extend16_s"};
    private static final String[] F_BINARY = {"add", "sub", "mul", "div", "min", "max", "copysign", "eq", "ne", "lt", "gt", "le", "ge"};
    private static final String[] F_UNARY = {"abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"};

    private static Engines.Pair pair;

    @BeforeAll
    static void build() {
        StringBuilder wat = new StringBuilder("(module\n");
        for (String op : I32_BINARY) wat.append(binary("i32", op, "i32", "i32"));
        for (String op : I32_BINARY) wat.append(binary("i64", op, "i64", op.matches("eq|ne|[lg][te].*") ? "i32" : "i64"));
        for (String op : I32_UNARY) wat.append(unary("i32", op, "i32", "i32"));
        for (String op : new String[] {"clz", "ctz", "popcnt", "extend8_s", "extend16_s", "extend32_s"}) wat.append(unary("i64", op, "i64", "i64"));
        wat.append(unary("i64", "eqz", "i64", "i32"));
        for (String t : new String[] {"f32", "f64"}) {
            for (String op : F_BINARY) wat.append(binary(t, op, t, op.matches("eq|ne|lt|gt|le|ge") ? "i32" : t));
            for (String op : F_UNARY) wat.append(unary(t, op, t, t));
        }
        String[][] conversions = {
                {"i32.wrap_i64", "i64", "i32"}, {"i64.extend_i32_s", "i32", "i64"}, {"i64.extend_i32_u", "i32", "i64"},
                {"i32.trunc_f32_s", "f32", "i32"}, {"i32.trunc_f32_u", "f32", "i32"}, {"i32.trunc_f64_s", "f64", "i32"}, {"i32.trunc_f64_u", "f64", "i32"},
                {"i64.trunc_f32_s", "f32", "i64"}, {"i64.trunc_f32_u", "f32", "i64"}, {"i64.trunc_f64_s", "f64", "i64"}, {"i64.trunc_f64_u", "f64", "i64"},
                {"i32.trunc_sat_f32_s", "f32", "i32"}, {"i32.trunc_sat_f32_u", "f32", "i32"}, {"i32.trunc_sat_f64_s", "f64", "i32"},
                {"i32.trunc_sat_f64_u", "f64", "i32"}, {"i64.trunc_sat_f32_s", "f32", "i64"}, {"i64.trunc_sat_f32_u", "f32", "i64"},
                {"i64.trunc_sat_f64_s", "f64", "i64"}, {"i64.trunc_sat_f64_u", "f64", "i64"},
                {"f32.convert_i32_s", "i32", "f32"}, {"f32.convert_i32_u", "i32", "f32"}, {"f32.convert_i64_s", "i64", "f32"},
                {"f32.convert_i64_u", "i64", "f32"}, {"f64.convert_i32_s", "i32", "f64"}, {"f64.convert_i32_u", "i32", "f64"},
                {"f64.convert_i64_s", "i64", "f64"}, {"f64.convert_i64_u", "i64", "f64"}, {"f32.demote_f64", "f64", "f32"},
                {"f64.promote_f32", "f32", "f64"}, {"i32.reinterpret_f32", "f32", "i32"}, {"i64.reinterpret_f64", "f64", "i64"},
                {"f32.reinterpret_i32", "i32", "f32"}, {"f64.reinterpret_i64", "i64", "f64"}};
        for (String[] c : conversions) {
            wat.append("(func (export \"").append(c[0]).append("\") (param ").append(c[1]).append(") (result ").append(c[2])
                    .append(") (").append(c[0]).append(" (local.get 0)))\n");
        }
        wat.append(")");
        pair = Engines.pair(wat.toString());
        assertTrue(Engines.fallbacks(pair).isEmpty(), () -> "fell back: " + Engines.fallbacks(pair));
    }

    private static String binary(String t, String op, String param, String result) {
        return "(func (export \"" + t + "." + op + "\") (param " + param + " " + param + ") (result " + result + ") ("
                + t + "." + op + " (local.get 0) (local.get 1)))\n";
    }

    private static String unary(String t, String op, String param, String result) {
        return "(func (export \"" + t + "." + op + "\") (param " + param + ") (result " + result + ") (" + t + "." + op + " (local.get 0)))\n";
    }

    private static long[] edges(String type) {
        return switch (type) {
            case "i32" -> I32_EDGES;
            case "i64" -> I64_EDGES;
            case "f32" -> F32_EDGES;
            default -> F64_EDGES;
        };
    }

    @Test
    void binaryOperatorsAgreeOnEdgeValues() {
        int checked = 0;
        for (String t : new String[] {"i32", "i64"}) {
            for (String op : I32_BINARY) checked += allPairs(t + "." + op, edges(t));
        }
        for (String t : new String[] {"f32", "f64"}) {
            for (String op : F_BINARY) checked += allPairs(t + "." + op, edges(t));
        }
        assertTrue(checked > 5000);
    }

    @Test
    void unaryOperatorsAndConversionsAgreeOnEdgeValues() {
        for (String op : I32_UNARY) each("i32." + op, I32_EDGES);
        for (String op : new String[] {"clz", "ctz", "popcnt", "eqz", "extend8_s", "extend16_s", "extend32_s"}) each("i64." + op, I64_EDGES);
        for (String t : new String[] {"f32", "f64"}) for (String op : F_UNARY) each(t + "." + op, edges(t));
        for (String name : new String[] {"i32.wrap_i64", "f32.convert_i64_s", "f32.convert_i64_u", "f64.convert_i64_s", "f64.convert_i64_u",
                "f64.reinterpret_i64"}) each(name, I64_EDGES);
        for (String name : new String[] {"i64.extend_i32_s", "i64.extend_i32_u", "f32.convert_i32_s", "f32.convert_i32_u", "f64.convert_i32_s",
                "f64.convert_i32_u", "f32.reinterpret_i32"}) each(name, I32_EDGES);
        for (String name : new String[] {"i32.trunc_f32_s", "i32.trunc_f32_u", "i64.trunc_f32_s", "i64.trunc_f32_u", "i32.trunc_sat_f32_s",
                "i32.trunc_sat_f32_u", "i64.trunc_sat_f32_s", "i64.trunc_sat_f32_u", "f64.promote_f32", "i32.reinterpret_f32"}) each(name, F32_EDGES);
        for (String name : new String[] {"i32.trunc_f64_s", "i32.trunc_f64_u", "i64.trunc_f64_s", "i64.trunc_f64_u", "i32.trunc_sat_f64_s",
                "i32.trunc_sat_f64_u", "i64.trunc_sat_f64_s", "i64.trunc_sat_f64_u", "f32.demote_f64", "i64.reinterpret_f64"}) each(name, F64_EDGES);
    }

    @Test
    void compiledResultsMatchTheSpecOnKnownCases() {
        assertEquals("trap: integer overflow", pair.compiled("i32.div_s", 0x80000000L, -1).toString());
        assertEquals("trap: integer divide by zero", pair.compiled("i64.rem_u", 5, 0).toString());
        assertEquals("[0]", pair.compiled("i32.rem_s", 0x80000000L, -1).toString());
        assertEquals("trap: invalid conversion to integer", pair.compiled("i32.trunc_f32_s", 0x7FC00000L).toString());
        // f32.neg of a signalling NaN flips only the sign bit.
        assertEquals("[" + 0xFFA00000L + "]", Arrays.toString(pair.compiled().call("f32.neg", 0x7FA00000L)));
        assertEquals("[-2]", pair.compiled("i64.shl", -1, 65).toString());
    }

    private static int allPairs(String export, long[] values) {
        int n = 0;
        for (long a : values) for (long b : values) {
            pair.same(export, a, b);
            n++;
        }
        return n;
    }

    private static void each(String export, long[] values) {
        for (long a : values) pair.same(export, a);
    }
}
