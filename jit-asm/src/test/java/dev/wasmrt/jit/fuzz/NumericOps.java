package dev.wasmrt.jit.fuzz;

import java.util.List;
import java.util.Map;

/** The numeric instructions the generator draws from, grouped by the types they take and give. */
final class NumericOps {
    private NumericOps() {}

    /** The scalar types: function signatures, arguments and comparisons use these. */
    static final List<String> TYPES = List.of("i32", "i64", "f32", "f64");

    /** Every value type function bodies compute with: locals, blocks, globals, memory. */
    static final List<String> VALUE_TYPES = List.of("i32", "i64", "f32", "f64", "v128");

    /** Operators of type [t] -> [t]. */
    static final Map<String, List<String>> UNARY = Map.of(
            "i32", List.of("i32.clz", "i32.ctz", "i32.popcnt", "i32.extend8_s", "i32.extend16_s"),
            "i64", List.of("i64.clz", "i64.ctz", "i64.popcnt", "i64.extend8_s", "i64.extend16_s", "i64.extend32_s"),
            "f32", List.of("f32.abs", "f32.neg", "f32.sqrt", "f32.ceil", "f32.floor", "f32.trunc", "f32.nearest"),
            "f64", List.of("f64.abs", "f64.neg", "f64.sqrt", "f64.ceil", "f64.floor", "f64.trunc", "f64.nearest"),
            "v128", List.of("v128.not", "i8x16.abs", "i16x8.neg", "i8x16.popcnt", "i64x2.abs", "f32x4.sqrt", "f32x4.neg", "f64x2.nearest",
                    "i16x8.extend_low_i8x16_s", "i32x4.extend_high_i16x8_u", "i64x2.extend_low_i32x4_u", "i16x8.extadd_pairwise_i8x16_s",
                    "f32x4.demote_f64x2_zero", "f64x2.promote_low_f32x4", "i32x4.trunc_sat_f32x4_s", "i32x4.trunc_sat_f64x2_u_zero",
                    "f64x2.convert_low_i32x4_u", "f32x4.convert_i32x4_s", "i32x4.relaxed_trunc_f32x4_u"));

    /** Operators of type [t t] -> [t]; copysign is kept apart because it exposes a NaN's sign. */
    static final Map<String, List<String>> BINARY = Map.of(
            "i32", List.of("i32.add", "i32.sub", "i32.mul", "i32.div_s", "i32.div_u", "i32.rem_s", "i32.rem_u",
                    "i32.and", "i32.or", "i32.xor", "i32.shl", "i32.shr_s", "i32.shr_u", "i32.rotl", "i32.rotr"),
            "i64", List.of("i64.add", "i64.sub", "i64.mul", "i64.div_s", "i64.div_u", "i64.rem_s", "i64.rem_u",
                    "i64.and", "i64.or", "i64.xor", "i64.shl", "i64.shr_s", "i64.shr_u", "i64.rotl", "i64.rotr"),
            "f32", List.of("f32.add", "f32.sub", "f32.mul", "f32.div", "f32.min", "f32.max"),
            "f64", List.of("f64.add", "f64.sub", "f64.mul", "f64.div", "f64.min", "f64.max"),
            "v128", List.of("i8x16.add", "i16x8.sub", "i32x4.mul", "i64x2.add", "i8x16.add_sat_s", "i16x8.sub_sat_u", "i8x16.min_u",
                    "i16x8.max_s", "i8x16.avgr_u", "i16x8.q15mulr_sat_s", "i32x4.dot_i16x8_s", "i8x16.eq", "i16x8.lt_u", "i32x4.ge_s",
                    "i64x2.gt_s", "f32x4.lt", "f64x2.ne", "v128.and", "v128.andnot", "v128.or", "v128.xor", "i8x16.swizzle",
                    "i8x16.narrow_i16x8_s", "i16x8.narrow_i32x4_u", "i16x8.extmul_high_i8x16_u", "i64x2.extmul_low_i32x4_s",
                    "f32x4.add", "f32x4.min", "f32x4.pmax", "f64x2.mul", "f64x2.max", "i8x16.relaxed_swizzle", "f32x4.relaxed_min",
                    "i16x8.relaxed_dot_i8x16_i7x16_s"));

    /** Comparisons [t t] -> [i32], by operand type. */
    static final Map<String, List<String>> COMPARE = Map.of(
            "i32", List.of("i32.eq", "i32.ne", "i32.lt_s", "i32.lt_u", "i32.gt_s", "i32.gt_u", "i32.le_s", "i32.le_u", "i32.ge_s", "i32.ge_u"),
            "i64", List.of("i64.eq", "i64.ne", "i64.lt_s", "i64.lt_u", "i64.gt_s", "i64.gt_u", "i64.le_s", "i64.le_u", "i64.ge_s", "i64.ge_u"),
            "f32", List.of("f32.eq", "f32.ne", "f32.lt", "f32.gt", "f32.le", "f32.ge"),
            "f64", List.of("f64.eq", "f64.ne", "f64.lt", "f64.gt", "f64.le", "f64.ge"));

    /** A one-operand operator whose operand type differs from (or is tested for) its result type. */
    record Conversion(String op, String from) {}

    /** Conversions and eqz by result type; float-to-int reinterpretations are generated apart (NaN payloads). */
    static final Map<String, List<Conversion>> CONVERT = Map.of(
            "i32", List.of(new Conversion("i32.wrap_i64", "i64"), new Conversion("i32.eqz", "i32"), new Conversion("i64.eqz", "i64"),
                    new Conversion("i32.trunc_f32_s", "f32"), new Conversion("i32.trunc_f32_u", "f32"),
                    new Conversion("i32.trunc_f64_s", "f64"), new Conversion("i32.trunc_f64_u", "f64"),
                    new Conversion("i32.trunc_sat_f32_s", "f32"), new Conversion("i32.trunc_sat_f32_u", "f32"),
                    new Conversion("i32.trunc_sat_f64_s", "f64"), new Conversion("i32.trunc_sat_f64_u", "f64"),
                    new Conversion("v128.any_true", "v128"), new Conversion("i8x16.all_true", "v128"), new Conversion("i16x8.bitmask", "v128"),
                    new Conversion("i8x16.extract_lane_s 15", "v128"), new Conversion("i16x8.extract_lane_u 3", "v128"),
                    new Conversion("i32x4.extract_lane 2", "v128")),
            "i64", List.of(new Conversion("i64.extend_i32_s", "i32"), new Conversion("i64.extend_i32_u", "i32"),
                    new Conversion("i64.trunc_f32_s", "f32"), new Conversion("i64.trunc_f32_u", "f32"),
                    new Conversion("i64.trunc_f64_s", "f64"), new Conversion("i64.trunc_f64_u", "f64"),
                    new Conversion("i64.trunc_sat_f32_s", "f32"), new Conversion("i64.trunc_sat_f32_u", "f32"),
                    new Conversion("i64.trunc_sat_f64_s", "f64"), new Conversion("i64.trunc_sat_f64_u", "f64"),
                    new Conversion("i64x2.extract_lane 1", "v128")),
            "f32", List.of(new Conversion("f32.convert_i32_s", "i32"), new Conversion("f32.convert_i32_u", "i32"),
                    new Conversion("f32.convert_i64_s", "i64"), new Conversion("f32.convert_i64_u", "i64"),
                    new Conversion("f32.demote_f64", "f64"), new Conversion("f32.reinterpret_i32", "i32"),
                    new Conversion("f32x4.extract_lane 3", "v128")),
            "f64", List.of(new Conversion("f64.convert_i32_s", "i32"), new Conversion("f64.convert_i32_u", "i32"),
                    new Conversion("f64.convert_i64_s", "i64"), new Conversion("f64.convert_i64_u", "i64"),
                    new Conversion("f64.promote_f32", "f32"), new Conversion("f64.reinterpret_i64", "i64"),
                    new Conversion("f64x2.extract_lane 0", "v128")),
            // Integer splats only: a float scalar's NaN payload may differ between engines.
            "v128", List.of(new Conversion("i8x16.splat", "i32"), new Conversion("i16x8.splat", "i32"),
                    new Conversion("i32x4.splat", "i32"), new Conversion("i64x2.splat", "i64")));

    /** Loads by result type. */
    static final Map<String, List<String>> LOAD = Map.of(
            "i32", List.of("i32.load", "i32.load8_s", "i32.load8_u", "i32.load16_s", "i32.load16_u"),
            "i64", List.of("i64.load", "i64.load8_s", "i64.load8_u", "i64.load16_s", "i64.load16_u", "i64.load32_s", "i64.load32_u"),
            "f32", List.of("f32.load"),
            "f64", List.of("f64.load"),
            "v128", List.of("v128.load", "v128.load8x8_s", "v128.load16x4_u", "v128.load32_splat", "v128.load64_zero", "v128.load32_zero"));

    /** Stores by operand type. */
    static final Map<String, List<String>> STORE = Map.of(
            "i32", List.of("i32.store", "i32.store8", "i32.store16"),
            "i64", List.of("i64.store", "i64.store8", "i64.store16", "i64.store32"),
            "f32", List.of("f32.store"),
            "f64", List.of("f64.store"),
            "v128", List.of("v128.store"));

    /** Edge-case constants, as text-format literals; the generator also makes arbitrary ones. */
    static final Map<String, List<String>> EDGE_CONSTANTS = Map.of(
            "i32", List.of("0", "1", "-1", "2", "7", "31", "32", "0x7fffffff", "-0x80000000", "0xffff", "0x10000"),
            "i64", List.of("0", "1", "-1", "2", "63", "64", "0x7fffffffffffffff", "-0x8000000000000000", "0xffffffff", "0x100000000"),
            "f32", List.of("0", "-0", "1", "-1.5", "0.5", "inf", "-inf", "nan", "-nan:0x200001", "2147483648", "-2147483904",
                    "4294967296", "0x1p-149", "3.4028235e38"),
            "f64", List.of("0", "-0", "1", "-1.5", "0.5", "inf", "-inf", "nan", "nan:0x4000000000001", "2147483648",
                    "-2147483649", "9223372036854775808", "-9223372036854777856", "0x1p-1074", "1.7976931348623157e308"),
            "v128", List.of("i64x2 0 0", "i64x2 -1 -1", "i8x16 0x80 0x7f 0 1 -1 2 3 15 16 31 32 0x40 0xfe 7 8 9",
                    "i16x8 0x8000 0x7fff 0 1 -1 0xff 0x100 42", "i32x4 0x80000000 0x7fffffff 1 -1",
                    "f32x4 nan -inf -0 0x1p-149", "f64x2 -nan:0x4000000000001 1.5"));

    /** A literal for an arbitrary value of {@code type} built from raw bits. */
    static String literal(String type, int bits, int moreBits) {
        return switch (type) {
            case "i32" -> Integer.toString(bits);
            case "i64" -> Long.toString(((long) bits << 32) | (moreBits & 0xFFFFFFFFL));
            case "f32" -> floatLiteral(Float.intBitsToFloat(bits));
            case "v128" -> "i32x4 " + bits + " " + moreBits + " " + (bits ^ moreBits) + " " + (bits + moreBits);
            default -> doubleLiteral(Double.longBitsToDouble(((long) bits << 32) | (moreBits & 0xFFFFFFFFL)));
        };
    }

    private static String floatLiteral(float f) {
        if (Float.isNaN(f)) return "nan";
        if (Float.isInfinite(f)) return f > 0 ? "inf" : "-inf";
        return Float.toHexString(f);
    }

    private static String doubleLiteral(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return Double.toHexString(d);
    }
}
