package dev.wasmrt.jit;

import dev.wasmrt.decoder.binary.BinaryWriter;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Wasm;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.validator.ValidatedModule;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Functions of the sizes real toolchains emit (C++ and Ruby builds have single functions over
 * 200 KB of Wasm; Go and TinyGo emit br_tables of thousands of targets): they compile, split into
 * methods HotSpot will JIT-compile, and compute what the interpreter computes.
 */
class LargeFunctionsTest {
    private static final int LOCALS = 48;

    /**
     * One function of straight-line statements over i32, i64 and f64 locals, with if/else arms,
     * a block whose value a br_if carries out, and a loop whose body spans many chunks.
     */
    private static String straightLine(int statements, long seed) {
        Random r = new Random(seed);
        StringBuilder wat = new StringBuilder("(module (func (export \"run\") (param $seed i32) (result i64)\n");
        for (int i = 0; i < LOCALS; i++) wat.append(" (local $i").append(i).append(" i32) (local $l").append(i).append(" i64)");
        wat.append(" (local $f f64) (local $n i32)\n");
        for (int i = 0; i < LOCALS; i++) {
            wat.append(" (local.set $i").append(i).append(" (i32.add (local.get $seed) (i32.const ").append(i * 7919).append(")))\n");
        }
        wat.append(" (loop $again\n");
        for (int s = 0; s < statements; s++) {
            int a = r.nextInt(LOCALS), b = r.nextInt(LOCALS), k = r.nextInt(LOCALS);
            switch (r.nextInt(8)) {
                case 0, 1, 2 -> wat.append(" (local.set $i").append(k).append(" (i32.add (local.get $i").append(a)
                        .append(") (i32.mul (local.get $i").append(b).append(") (i32.const ").append(r.nextInt(1000) - 500).append("))))\n");
                case 3 -> wat.append(" (local.set $l").append(k).append(" (i64.xor (local.get $l").append(a)
                        .append(") (i64.extend_i32_u (i32.rotl (local.get $i").append(b).append(") (i32.const 5)))))\n");
                case 4 -> wat.append(" (if (i32.lt_u (local.get $i").append(a).append(") (local.get $i").append(b).append("))")
                        .append(" (then (local.set $i").append(k).append(" (i32.sub (local.get $i").append(k).append(") (i32.const 3))))")
                        .append(" (else (local.set $l").append(k).append(" (i64.add (local.get $l").append(k).append(") (i64.const 11)))))\n");
                case 5 -> wat.append(" (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $i").append(a).append("))))\n");
                case 6 -> wat.append(" (local.set $i").append(k).append(" (block $b (result i32)")
                        .append(" (drop (br_if $b (local.get $i").append(a).append(") (i32.and (local.get $i").append(b).append(") (i32.const 1))))")
                        .append(" (local.set $i").append(a).append(" (i32.shr_u (local.get $i").append(a).append(") (i32.const 1)))")
                        .append(" (i32.xor (local.get $i").append(a).append(") (local.get $i").append(b).append("))))\n");
                default -> wat.append(" (local.set $i").append(k).append(" (i32.rem_u (local.get $i").append(a)
                        .append(") (i32.or (local.get $i").append(b).append(") (i32.const 1))))\n");
            }
        }
        wat.append(" (br_if $again (i32.lt_u (local.tee $n (i32.add (local.get $n) (i32.const 1))) (i32.const 3))))\n");
        wat.append(" (i64.trunc_sat_f64_s (local.get $f))");
        for (int i = 0; i < LOCALS; i++) {
            wat.append(" (i64.add (local.get $l").append(i).append(") (i64.extend_i32_u (local.get $i").append(i).append("))) i64.add");
        }
        wat.append("))");
        return wat.toString();
    }

    /**
     * A state machine as one br_table over {@code cases} nested blocks, as Go and TinyGo emit for
     * resumable functions: each case updates the accumulator and picks the next state.
     */
    private static String stateMachine(int cases) {
        StringBuilder wat = new StringBuilder("(module (func (export \"run\") (param $steps i32) (result i32)\n");
        wat.append(" (local $state i32) (local $acc i32)\n (loop $next\n");
        wat.append("  (if (i32.eqz (local.get $steps)) (then (return (local.get $acc))))\n");
        wat.append("  (local.set $steps (i32.sub (local.get $steps) (i32.const 1)))\n");
        // Flat instructions: the folded form would nest deeper than the text reader allows.
        for (int c = 0; c <= cases; c++) wat.append("  block $c").append(c).append("\n");
        wat.append("  (br_table");
        for (int c = 0; c < cases; c++) wat.append(" $c").append(c);
        wat.append(" $c").append(cases).append(" (local.get $state))\n");
        for (int c = 0; c < cases; c++) {
            wat.append("  end\n  (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (i32.const ").append(c).append(")))\n");
            wat.append("  (local.set $state (i32.rem_u (i32.add (local.get $acc) (i32.const ").append(c * 17 + 1)
                    .append(")) (i32.const ").append(cases + 1).append(")))\n  (br $next)\n");
        }
        wat.append("  end (local.set $state (i32.const 0)) (br $next))\n (local.get $acc)))");
        return wat.toString();
    }

    /** Compiled as shipped (splitting everything as {@link Engines#pair} also does would take long at this size). */
    private static CompiledCode compiledUnderTheLimit(ValidatedModule module) {
        CompiledCode code = new Compiler().compile(module);
        Engines.verify(code);
        assertEquals(Map.of(), code.fallbacks());
        int largest = 0;
        for (CodeStats.MethodSize m : CodeStats.methods(code)) largest = Math.max(largest, m.bytes());
        assertTrue(largest <= CodeStats.HUGE_METHOD, "largest method " + largest + " bytes");
        return code;
    }

    private static void assertSameAsInterpreted(ValidatedModule module, CompiledCode code, long... args) {
        Compiler compiler = new Compiler();
        Instance compiled = Engines.store(compiler).instantiate(compiler.prepare(module, code), module, new Imports());
        Instance interpreted = Engines.store(new Interpreter()).instantiate(module, new Imports());
        for (long arg : args) {
            assertEquals(Engines.call(interpreted, "run", arg), Engines.call(compiled, "run", arg), "run(" + arg + ")");
        }
    }

    @Test
    void aFunctionOfMoreThan200KbRunsCompiledInMethodsHotSpotCompiles() {
        ValidatedModule module = Wasm.parse(straightLine(24_000, 1));
        int wasmBytes = BinaryWriter.write(module.module()).length;
        assertTrue(wasmBytes > 200_000, "module of " + wasmBytes + " bytes");
        CompiledCode code = compiledUnderTheLimit(module);
        assertTrue(CodeStats.methods(code).size() > 20, "split into many methods");
        assertSameAsInterpreted(module, code, 0, 1, -7, 123_456);

        // Smaller chunks: more of them than one driver switch serves, so group methods route to them.
        CompiledCode small = new Compiler(CompilerOptions.defaults().withMaxMethodSize(1_500)).compile(module);
        Engines.verify(small);
        assertTrue(CodeStats.methods(small).stream().anyMatch(m -> m.method().matches("f0_g\\d+")), "no group methods");
        assertSameAsInterpreted(module, small, 0, 1, -7, 123_456);
    }

    /** Many functions of one wide signature: the dispatchers that call_indirect uses stay small too. */
    @Test
    void dispatchersOverManyWideFunctionsStayUnderTheLimit() {
        StringBuilder wat = new StringBuilder("(module (type $wide (func (param" + " i64".repeat(120) + ") (result i64)))\n");
        int functions = 300;
        for (int f = 0; f < functions; f++) {
            wat.append(" (func $f").append(f).append(" (type $wide) (i64.add (local.get ").append(f % 120).append(") (i64.const ").append(f).append(")))\n");
        }
        wat.append(" (table funcref (elem");
        for (int f = 0; f < functions; f++) wat.append(" $f").append(f);
        wat.append("))\n (func (export \"run\") (param $i i32) (result i64) (call_indirect (type $wide)");
        for (int p = 0; p < 120; p++) wat.append(" (i64.const ").append(p * 3).append(")");
        wat.append(" (local.get $i))))");
        ValidatedModule module = Wasm.parse(wat.toString());
        assertSameAsInterpreted(module, compiledUnderTheLimit(module), 0, 1, 150, 299, 300);
    }

    @Test
    void aBrTableOfThousandsOfTargetsRunsCompiledInMethodsHotSpotCompiles() {
        ValidatedModule module = Wasm.parse(stateMachine(5_000));
        assertSameAsInterpreted(module, compiledUnderTheLimit(module), 0, 1, 2, 1_000, 20_000);
    }
}
