package dev.wasmrt.jit.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated module in the text format and the export calls to make on it, in order.
 *
 * <p>Layout: functions {@code $f0..} exported as {@code f0..}; one mutable global per value
 * type ({@code g_i32} ... {@code g_v128}) plus {@code fuel}, which the harness refills before each call; one
 * memory of 1 page growing to 3 with a data segment; a table of 5 whose entries are
 * {@code $f0 $f1 $f0 null null}.
 */
record RandomModule(String wat, List<Call> calls) {
    /** One export call with its arguments as raw bits. */
    record Call(String export, List<String> types, long[] args) {
        @Override
        public String toString() {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < args.length; i++) shown.add(types.get(i) + ":" + args[i]);
            return export + shown;
        }
    }

    static final int FUNCTIONS_IN_TABLE = 2;

    /** Generates a module from {@code tape}; the first two functions only call each other downwards. */
    static RandomModule generate(ChoiceTape tape) {
        int functionCount = FUNCTIONS_IN_TABLE + tape.below(3);
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < functionCount + 2; i++) signatures.add(signature(tape));
        List<Signature> functions = signatures.subList(0, functionCount);

        StringBuilder wat = new StringBuilder("(module\n");
        for (int i = 0; i < signatures.size(); i++) {
            wat.append("  (type $t").append(i).append(" (func ").append(signatures.get(i).text()).append("))\n");
        }
        wat.append("  (memory (export \"memory\") 1 3)\n");
        wat.append("  (data (i32.const 0) \"\\01\\80\\ff\\7f\\00\\00\\c0\\7f\\2a\\00\\00\\00\\00\\00\\f0\\bf\")\n");
        wat.append("  (table 5 funcref)\n  (elem (i32.const 0) func $f0 $f1 $f0)\n");
        wat.append("  (global $fuel (export \"fuel\") (mut i32) (i32.const 0))\n");
        for (String t : NumericOps.VALUE_TYPES) {
            String init = NumericOps.literal(t, tape.bits(), tape.bits());
            wat.append("  (global $g_").append(t).append(" (export \"g_").append(t).append("\") (mut ").append(t)
                    .append(") (").append(t).append(".const ").append(init).append("))\n");
        }
        for (int i = 0; i < functionCount; i++) {
            wat.append(new FunctionBodyGenerator(tape, i, functions, signatures).function());
            wat.append("  (export \"f").append(i).append("\" (func $f").append(i).append("))\n");
        }
        wat.append(")\n");

        List<Call> calls = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = functionCount - 1; i >= 0; i--) calls.add(call(tape, "f" + i, functions.get(i)));
        }
        return new RandomModule(wat.toString(), calls);
    }

    private static Signature signature(ChoiceTape tape) {
        List<String> params = new ArrayList<>();
        List<String> results = new ArrayList<>();
        int paramCount = tape.below(4);
        for (int i = 0; i < paramCount; i++) params.add(tape.pick(NumericOps.TYPES));
        int resultCount = tape.below(3);
        for (int i = 0; i < resultCount; i++) results.add(tape.pick(NumericOps.TYPES));
        return new Signature(params, results);
    }

    private static Call call(ChoiceTape tape, String export, Signature signature) {
        long[] args = new long[signature.params().size()];
        for (int i = 0; i < args.length; i++) args[i] = argument(tape, signature.params().get(i));
        return new Call(export, signature.params(), args);
    }

    /** Small numbers mostly, raw bit patterns (NaNs included) sometimes. */
    private static long argument(ChoiceTape tape, String type) {
        boolean raw = tape.chance(30);
        long value = raw ? ((long) tape.bits() << 32) | (tape.bits() & 0xFFFFFFFFL) : tape.below(5) - 1;
        return switch (type) {
            case "i32" -> (int) value;
            case "i64" -> value;
            case "f32" -> raw ? value & 0xFFFFFFFFL : Float.floatToRawIntBits(value) & 0xFFFFFFFFL;
            default -> raw ? value : Double.doubleToRawLongBits(value);
        };
    }
}
