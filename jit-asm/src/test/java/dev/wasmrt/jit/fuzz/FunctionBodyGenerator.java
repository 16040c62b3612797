package dev.wasmrt.jit.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes one well-typed function body in the text format. Every piece is generated for the stack
 * types it must consume and produce, so the result validates by construction; the module's
 * validator still checks it, to catch mistakes here.
 *
 * <p>Termination: a loop can only be re-entered through its own counter-guarded {@code br_if}
 * (generated branches never target loops), direct calls go to lower-numbered functions only, and
 * the table holds only the two leaf functions.
 *
 * <p>NaN payloads and signs may legitimately differ between engines, so every place that exposes
 * a float's bits (reinterpret, store, copysign's sign operand) sees a canonicalised value. Vectors
 * (v128 values live inside bodies; signatures stay scalar) are built from integer scalars only,
 * and both engines compute vector lanes with the same helpers.
 */
final class FunctionBodyGenerator {
    private static final int MAX_DEPTH = 6;
    private static final int MAX_LOOP_NESTING = 2;

    /** A branch target: its label name and the types a branch to it carries. */
    private record Label(String name, List<String> types) {}

    private final ChoiceTape tape;
    private final int self;
    private final List<Signature> functions;
    private final List<Signature> types;
    private final Signature signature;
    /** Every local's type by index: parameters, then declared locals. */
    private final List<String> locals = new ArrayList<>();
    /** How many leading locals generated code may write (the rest are scratch and loop counters). */
    private final int writable;
    private final int scratchF32;
    private final int scratchF64;
    private final Deque<Label> labels = new ArrayDeque<>();
    private int labelCount;
    private int loopNesting;
    private int budget;

    /**
     * @param self this function's index; it calls only lower ones, and only functions from 2 up
     *        use call_indirect (the table holds functions 0 and 1)
     */
    FunctionBodyGenerator(ChoiceTape tape, int self, List<Signature> functions, List<Signature> types) {
        this.tape = tape;
        this.self = self;
        this.functions = functions;
        this.types = types;
        this.signature = functions.get(self);
        locals.addAll(signature.params());
        int extra = tape.below(4);
        for (int i = 0; i < extra; i++) locals.add(tape.pick(NumericOps.VALUE_TYPES));
        writable = locals.size();
        scratchF32 = locals.size();
        locals.add("f32");
        scratchF64 = locals.size();
        locals.add("f64");
        budget = 10 + tape.below(90);
    }

    /** The whole {@code (func ...)} field. */
    String function() {
        String body = sequence(List.of(), signature.results(), MAX_DEPTH);
        StringBuilder out = new StringBuilder("  (func $f" + self + " (type $t" + self + ")");
        if (locals.size() > signature.params().size()) {
            out.append(" (local");
            for (String t : locals.subList(signature.params().size(), locals.size())) out.append(' ').append(t);
            out.append(')');
        }
        // Fuel bounds the calls one export invocation can make (calls are what multiplies work).
        out.append("\n    (global.set $fuel (i32.sub (global.get $fuel) (i32.const 1)))")
                .append("\n    (if (i32.lt_s (global.get $fuel) (i32.const 0)) (then unreachable))\n    ")
                .append(body).append(")\n");
        return out.toString();
    }

    /** Code that pops {@code in} (top last) and leaves {@code out}. */
    private String sequence(List<String> in, List<String> out, int depth) {
        StringBuilder code = new StringBuilder();
        boolean passThrough = in.equals(out) && tape.chance(40);
        if (!passThrough) {
            for (int i = in.size() - 1; i >= 0; i--) code.append(consume(in.get(i))).append(' ');
        }
        int statements = depth > 0 && budget > 0 ? tape.below(4) : 0;
        for (int i = 0; i < statements; i++) code.append(statement(depth - 1)).append(' ');
        if (!passThrough) code.append(depth > 0 && tape.chance(12) ? branchOut(depth) : values(out, depth));
        return code.toString().trim();
    }

    /** Removes one value of type {@code t} from the top of the stack. */
    private String consume(String t) {
        List<Integer> candidates = writableLocals(t);
        return switch (tape.below(3)) {
            case 1 -> candidates.isEmpty() ? "drop" : "local.set " + tape.pick(candidates);
            case 2 -> "global.set $g_" + t;
            default -> "drop";
        };
    }

    /**
     * An unconditional exit: br, br_table, return or unreachable; the stack after it is
     * polymorphic. The function's own label is reached through return only, so every branch
     * names its target.
     */
    private String branchOut(int depth) {
        List<Label> targets = new ArrayList<>(labels);
        if (targets.isEmpty()) return values(signature.results(), depth - 1) + " return";
        Label target = tape.pick(targets);
        switch (tape.below(4)) {
            case 1 -> {
                List<Label> same = targets.stream().filter(l -> l.types().equals(target.types())).toList();
                StringBuilder table = new StringBuilder(values(target.types(), depth - 1) + " " + expr("i32", depth - 1) + " br_table");
                int entries = 1 + tape.below(4);
                for (int i = 0; i < entries; i++) table.append(' ').append(tape.pick(same).name());
                return table.toString();
            }
            case 2 -> { return values(signature.results(), depth - 1) + " return"; }
            case 3 -> { return tape.chance(20) ? "unreachable" : values(target.types(), depth - 1) + " br " + target.name(); }
            default -> { return values(target.types(), depth - 1) + " br " + target.name(); }
        }
    }

    private String values(List<String> ts, int depth) {
        StringBuilder code = new StringBuilder();
        for (String t : ts) code.append(expr(t, depth)).append(' ');
        return code.toString().trim();
    }

    /** An instruction sequence of type [] -> []. */
    private String statement(int depth) {
        budget--;
        String t = tape.pick(NumericOps.VALUE_TYPES);
        switch (tape.below(11)) {
            case 1 -> {
                List<Integer> candidates = writableLocals(t);
                if (!candidates.isEmpty()) return "(local.set " + tape.pick(candidates) + " " + expr(t, depth) + ")";
                return "(global.set $g_" + t + " " + expr(t, depth) + ")";
            }
            case 2 -> { return "(global.set $g_" + t + " " + expr(t, depth) + ")"; }
            case 3 -> { return "(" + tape.pick(NumericOps.STORE.get(t)) + memArg() + " " + address(depth) + " " + exposed(t, depth) + ")"; }
            case 4 -> { return "(if " + expr("i32", depth) + " (then " + sequence(List.of(), List.of(), depth) + "))"; }
            case 5 -> {
                List<String> results = resultTypes();
                return dropped(results.size(), block(List.of(), results, depth));
            }
            case 6 -> { return loop(depth, List.of()); }
            case 7 -> { return conditionalBranch(depth); }
            case 8 -> { return callAny(depth); }
            case 9 -> { return "(drop (memory.grow " + growDelta(depth) + "))"; }
            case 10 -> { return blockWithParams(depth); }
            default -> { return "(drop " + expr(t, depth) + ")"; }
        }
    }

    private List<String> resultTypes() {
        int n = tape.below(3);
        List<String> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) ts.add(tape.pick(NumericOps.VALUE_TYPES));
        return ts;
    }

    /** {@code code} with its {@code count} results dropped, still in folded form. */
    private static String dropped(int count, String code) {
        return "(drop ".repeat(count) + code + ")".repeat(count);
    }

    /** A br_if with values that are dropped when it falls through; return stands in for the function's label. */
    private String conditionalBranch(int depth) {
        if (labels.isEmpty()) {
            return "(if " + expr("i32", depth) + " (then " + values(signature.results(), depth) + " return))";
        }
        Label target = tape.pick(new ArrayList<>(labels));
        String branch = "(br_if " + target.name() + " " + values(target.types(), depth) + " " + expr("i32", depth) + ")";
        return dropped(target.types().size(), branch);
    }

    private String callAny(int depth) {
        if (self >= 2 && tape.chance(40)) {
            Signature s = tape.pick(types);
            return dropped(s.results().size(), callIndirect(s, depth));
        }
        if (self == 0) return "(nop)";
        int callee = tape.below(self);
        Signature s = functions.get(callee);
        return dropped(s.results().size(), "(call $f" + callee + " " + values(s.params(), depth) + ")");
    }

    private String callIndirect(Signature s, int depth) {
        int typeIndex = types.indexOf(s);
        String index = tape.chance(80) ? "(i32.const " + tape.below(7) + ")" : expr("i32", depth);
        return "(call_indirect (type $t" + typeIndex + ") " + values(s.params(), depth) + " " + index + ")";
    }

    /** {@code (block (result ts) ...)}, a branch target carrying {@code ts}. */
    private String block(List<String> params, List<String> results, int depth) {
        String name = "$b" + labelCount++;
        labels.push(new Label(name, results));
        String body = sequence(params, results, depth - 1);
        labels.pop();
        return "(block " + name + blockType(params, results) + " " + body + ")";
    }

    /** Arguments followed by a block that takes them as parameters. */
    private String blockWithParams(int depth) {
        List<String> params = new ArrayList<>();
        int n = 1 + tape.below(2);
        for (int i = 0; i < n; i++) params.add(tape.pick(NumericOps.VALUE_TYPES));
        List<String> results = resultTypes();
        return dropped(results.size(), values(params, depth - 1) + " " + block(params, results, depth));
    }

    private String ifElse(List<String> results, int depth) {
        String condition = expr("i32", depth - 1);
        String name = "$b" + labelCount++;
        labels.push(new Label(name, results));
        String then = sequence(List.of(), results, depth - 1);
        String otherwise = sequence(List.of(), results, depth - 1);
        labels.pop();
        return "(if " + name + blockType(List.of(), results) + " " + condition + " (then " + then + ") (else " + otherwise + "))";
    }

    /**
     * A loop run at most a few times: a fresh counter local is reset before it and tested by the
     * only branch back to it. The loop label is never a target for generated branches.
     */
    private String loop(int depth, List<String> results) {
        if (loopNesting >= MAX_LOOP_NESTING) return block(List.of(), results, depth);
        List<String> params = tape.chance(30) ? List.of(tape.pick(NumericOps.VALUE_TYPES)) : List.of();
        int counter = locals.size();
        locals.add("i32");
        String name = "$l" + labelCount++;
        String args = values(params, depth - 1);
        loopNesting++;
        String body = sequence(params, params, depth - 1);
        String backEdge = "(br_if " + name + " (i32.lt_u (local.tee " + counter + " (i32.add (local.get " + counter
                + ") (i32.const 1))) (i32.const " + (1 + tape.below(3)) + ")))";
        String rest = sequence(params, results, depth - 1);
        loopNesting--;
        return "(local.set " + counter + " (i32.const 0)) " + args + " (loop " + name + blockType(params, results)
                + " " + body + " " + backEdge + " " + rest + ")";
    }

    private static String blockType(List<String> params, List<String> results) {
        String text = new Signature(params, results).text();
        return text.isEmpty() ? "" : " " + text;
    }

    /** An expression leaving one value of type {@code t}. */
    private String expr(String t, int depth) {
        budget--;
        if (depth <= 0 || budget <= 0) return leaf(t);
        switch (tape.below(18)) {
            case 1 -> { return unary(t, depth); }
            case 2 -> { return "(" + tape.pick(NumericOps.BINARY.get(t)) + " " + expr(t, depth - 1) + " " + expr(t, depth - 1) + ")"; }
            case 3 -> { return t.equals("i32") ? compare(depth) : leaf(t); }
            case 4 -> { return conversion(t, depth); }
            case 5 -> {
                List<Integer> candidates = writableLocals(t);
                return candidates.isEmpty() ? leaf(t) : "(local.tee " + tape.pick(candidates) + " " + expr(t, depth - 1) + ")";
            }
            case 6 -> { return "(select " + expr(t, depth - 1) + " " + expr(t, depth - 1) + " " + expr("i32", depth - 1) + ")"; }
            case 7 -> { return block(List.of(), List.of(t), depth); }
            case 8 -> { return ifElse(List.of(t), depth); }
            case 9 -> { return "(" + tape.pick(NumericOps.LOAD.get(t)) + memArg() + " " + address(depth - 1) + ")"; }
            case 10 -> {
                if (!t.equals("i32")) return leaf(t);
                return tape.chance(50) ? "(memory.size)" : "(memory.grow " + growDelta(depth - 1) + ")";
            }
            case 11 -> { return call(t, depth); }
            case 12 -> { return loop(depth, List.of(t)); }
            case 13 -> { return statement(depth - 1) + " " + expr(t, depth - 1); }
            case 14 -> { return t.startsWith("f") ? copysign(t, depth) : leaf(t); }
            case 15 -> { return t.equals("i32") ? "(i32.reinterpret_f32 " + canonical("f32", expr("f32", depth - 1)) + ")"
                    : t.equals("i64") ? "(i64.reinterpret_f64 " + canonical("f64", expr("f64", depth - 1)) + ")" : leaf(t); }
            case 16 -> { return blockWithParamsFor(t, depth); }
            case 17 -> { return multiValueThenPick(t, depth); }
            default -> { return leaf(t); }
        }
    }

    private String unary(String t, int depth) {
        return "(" + tape.pick(NumericOps.UNARY.get(t)) + " " + expr(t, depth - 1) + ")";
    }

    private String compare(int depth) {
        String operand = tape.pick(NumericOps.TYPES);
        return "(" + tape.pick(NumericOps.COMPARE.get(operand)) + " " + expr(operand, depth - 1) + " " + expr(operand, depth - 1) + ")";
    }

    private String conversion(String t, int depth) {
        NumericOps.Conversion c = tape.pick(NumericOps.CONVERT.get(t));
        return "(" + c.op() + " " + expr(c.from(), depth - 1) + ")";
    }

    private String copysign(String t, int depth) {
        return "(" + t + ".copysign " + expr(t, depth - 1) + " " + canonical(t, expr(t, depth - 1)) + ")";
    }

    private String call(String t, int depth) {
        if (self >= 2 && tape.chance(40)) {
            List<Signature> fitting = types.stream().filter(s -> s.results().equals(List.of(t))).toList();
            if (!fitting.isEmpty()) return callIndirect(tape.pick(fitting), depth - 1);
        }
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < self; i++) if (functions.get(i).results().equals(List.of(t))) fitting.add(i);
        if (fitting.isEmpty()) return leaf(t);
        int callee = tape.pick(fitting);
        return "(call $f" + callee + " " + values(functions.get(callee).params(), depth - 1) + ")";
    }

    private String blockWithParamsFor(String t, int depth) {
        String param = tape.pick(NumericOps.VALUE_TYPES);
        return expr(param, depth - 1) + " " + block(List.of(param), List.of(t), depth);
    }

    /** A two-result block whose extra result is stored away, exercising multi-value blocks. */
    private String multiValueThenPick(String t, int depth) {
        String other = tape.pick(NumericOps.VALUE_TYPES);
        List<Integer> candidates = writableLocals(other);
        String away = candidates.isEmpty() ? "global.set $g_" + other : "local.set " + tape.pick(candidates);
        // Folded, this pops only the top result (other) and leaves t.
        return "(" + away + " " + block(List.of(), List.of(t, other), depth) + ")";
    }

    /** Replaces any NaN by the canonical one, so its payload and sign cannot leak. */
    private String canonical(String t, String value) {
        int scratch = t.equals("f32") ? scratchF32 : scratchF64;
        String get = "(local.get " + scratch + ")";
        return "(block (result " + t + ") (local.set " + scratch + " " + value + ") (select (" + t + ".const nan) " + get
                + " (" + t + ".ne " + get + " " + get + ")))";
    }

    /** A value about to be stored: floats are canonicalised because memory exposes their bits. */
    private String exposed(String t, int depth) {
        String value = expr(t, depth);
        return t.startsWith("f") ? canonical(t, value) : value;
    }

    private String leaf(String t) {
        switch (tape.below(4)) {
            case 1 -> {
                List<Integer> candidates = localsOfType(t);
                if (!candidates.isEmpty()) return "(local.get " + tape.pick(candidates) + ")";
            }
            case 2 -> { return "(global.get $g_" + t + ")"; }
            case 3 -> { return "(" + t + ".const " + NumericOps.literal(t, tape.bits(), tape.bits()) + ")"; }
            default -> { }
        }
        return "(" + t + ".const " + tape.pick(NumericOps.EDGE_CONSTANTS.get(t)) + ")";
    }

    /** Addresses cluster at the start, around the end of the first page, and anywhere. */
    private String address(int depth) {
        return switch (tape.below(8)) {
            case 1 -> "(i32.const " + (65536 - tape.below(12)) + ")";
            case 2 -> "(i32.const " + (131072 - tape.below(12)) + ")";
            case 3, 4 -> "(i32.and " + expr("i32", depth - 1) + " (i32.const 0xfff8))";
            case 5 -> expr("i32", depth - 1);
            default -> "(i32.const " + tape.below(64) + ")";
        };
    }

    private String memArg() {
        return switch (tape.below(16)) {
            case 1, 2, 3 -> " offset=" + tape.below(9);
            case 4 -> " offset=65535";
            case 5 -> " offset=4294967295";
            default -> "";
        };
    }

    private String growDelta(int depth) {
        return tape.chance(80) ? "(i32.const " + tape.below(3) + ")" : expr("i32", depth);
    }

    private List<Integer> writableLocals(String t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < writable; i++) if (locals.get(i).equals(t)) out.add(i);
        return out;
    }

    private List<Integer> localsOfType(String t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < locals.size(); i++) if (locals.get(i).equals(t)) out.add(i);
        return out;
    }
}
