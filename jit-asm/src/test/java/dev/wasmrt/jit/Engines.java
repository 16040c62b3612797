package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.Wasm;
import dev.wasmrt.interpreter.WasmException;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.validator.ValidatedModule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Test helper: runs the same module in the interpreter and the compiler and compares what they do. */
final class Engines {
    private Engines() {}

    /**
     * What a call did: its results as {@link dev.wasmrt.interpreter.Store#invoke} gives them
     * (numbers as normalised raw bits), or the trap / exception it ended with. A NaN result is
     * recorded only as "NaN": Wasm lets an arithmetic NaN carry either operand's payload.
     */
    record Outcome(List<Object> values, String failure) {
        @Override
        public String toString() { return failure != null ? failure : values.toString(); }
    }

    /**
     * A module instantiated once per engine: interpreted, compiled, and compiled with every
     * function over {@link #SPLIT_ABOVE} bytes split into chunks.
     */
    record Pair(Instance interpreted, Instance compiled, Instance split, CompiledCode code) {
        Outcome interpreted(String export, long... args) { return call(interpreted, export, args); }

        Outcome compiled(String export, long... args) { return call(compiled, export, args); }

        /** Like {@link #same} with arguments as {@link Instance#invoke} takes them (a v128 as a {@code long[2]}). */
        Outcome sameValues(String export, Object... args) {
            Outcome a = call(interpreted, export, args);
            Outcome b = call(compiled, export, args);
            assertEquals(a, b, () -> export + Arrays.deepToString(args));
            assertEquals(a, call(split, export, args), () -> "split: " + export + Arrays.deepToString(args));
            return b;
        }

        /**
         * Like {@link #sameValues} for an instruction whose v128 result has float lanes of
         * {@code laneBits}: a NaN lane counts as any NaN, since Wasm leaves the payload open (and
         * HotSpot's compiled code may swap a commutative operation's operands, and so which
         * payload survives).
         */
        Outcome sameValuesAnyNaN(int laneBits, String export, Object... args) {
            Outcome a = canonicalNaNs(call(interpreted, export, args), laneBits);
            Outcome b = canonicalNaNs(call(compiled, export, args), laneBits);
            assertEquals(a, b, () -> export + Arrays.deepToString(args));
            assertEquals(a, canonicalNaNs(call(split, export, args), laneBits), () -> "split: " + export + Arrays.deepToString(args));
            return b;
        }

        /** Calls {@code export} in all three and asserts the outcomes agree; returns the outcome. */
        Outcome same(String export, long... args) {
            Outcome a = interpreted(export, args);
            Outcome b = compiled(export, args);
            assertEquals(a, b, () -> export + Arrays.toString(args));
            assertEquals(a, call(split, export, args), () -> "split: " + export + Arrays.toString(args));
            return b;
        }
    }

    /** A method size limit that splits nearly every function: the chunk machinery then runs everywhere. */
    static final int SPLIT_ABOVE = 48;

    /** The compilers a differential test compares with the interpreter: as shipped, and splitting everything. */
    static List<Compiler> compilers() {
        return List.of(new Compiler(), new Compiler(CompilerOptions.defaults().withMaxMethodSize(SPLIT_ABOVE)));
    }

    static Store store(Engine engine) { return new Store(StoreConfig.defaults().withEngine(engine)); }

    static Pair pair(String wat) { return pair(Wasm.parse(wat), Imports::new); }

    static Pair pair(ValidatedModule module, Supplier<Imports> imports) {
        Instance a = store(new Interpreter()).instantiate(module, imports.get());
        List<Instance> compiled = new ArrayList<>();
        CompiledCode shipped = null;
        for (Compiler compiler : compilers()) {
            CompiledCode code = compiler.compile(module);
            verify(code);
            if (shipped == null) shipped = code;
            compiled.add(store(compiler).instantiate(compiler.prepare(module, code), module, imports.get()));
        }
        return new Pair(a, compiled.get(0), compiled.get(1), shipped);
    }

    static Outcome call(Instance instance, String export, long... args) {
        Object[] boxed = new Object[args.length];
        for (int i = 0; i < args.length; i++) boxed[i] = args[i];
        return call(instance, export, boxed);
    }

    static Outcome call(Instance instance, String export, Object[] boxed) {
        FuncType type = instance.function(export).type();
        try {
            Object[] results = instance.invoke(export, boxed);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < results.length; i++) out.add(normalise(type.results().get(i), results[i]));
            return new Outcome(out, null);
        } catch (Trap t) {
            return new Outcome(null, "trap: " + t.reason());
        } catch (WasmException e) {
            return new Outcome(null, "exception: " + e.exception().tag().type() + " " + Arrays.toString(e.exception().bits()));
        }
    }

    private static Outcome canonicalNaNs(Outcome outcome, int laneBits) {
        if (outcome.values() == null) return outcome;
        List<Object> out = new ArrayList<>();
        for (Object v : outcome.values()) out.add(v instanceof String s && s.startsWith("v128 ") ? canonicalNaNs(s, laneBits) : v);
        return new Outcome(out, null);
    }

    /** A "v128 lo hi" result with every NaN lane shown as "NaN". */
    private static String canonicalNaNs(String v128, int laneBits) {
        String[] halves = v128.substring(5).split(" ");
        StringBuilder shown = new StringBuilder("v128");
        for (String half : halves) {
            long bits = Long.parseUnsignedLong(half, 16);
            if (laneBits == 64) {
                shown.append(' ').append(Double.isNaN(Double.longBitsToDouble(bits)) ? "NaN" : half);
            } else {
                for (int lane = 0; lane < 2; lane++) {
                    int b = (int) (bits >>> (32 * lane));
                    shown.append(' ').append(Float.isNaN(Float.intBitsToFloat(b)) ? "NaN" : Integer.toHexString(b));
                }
            }
        }
        return shown.toString();
    }

    private static Object normalise(ValType type, Object value) {
        if (type.kind() == ValType.Kind.F32 && Float.isNaN(Float.intBitsToFloat((int) (long) (Long) value))) return "NaN";
        if (type.kind() == ValType.Kind.F64 && Double.isNaN(Double.longBitsToDouble((Long) value))) return "NaN";
        if (value instanceof dev.wasmrt.interpreter.FunctionInstance f) return "func " + f.debugName();
        if (value instanceof long[] v128) return "v128 " + Long.toHexString(v128[0]) + " " + Long.toHexString(v128[1]);
        return value;
    }

    /** Runs ASM's verifier over every generated class; fails with its report. */
    static void verify(CompiledCode code) {
        ClassLoader loader = new ModuleClassLoader(code.classes());
        for (Map.Entry<String, byte[]> e : code.classes().entrySet()) {
            StringWriter out = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(out));
            if (!out.toString().isEmpty()) fail("class " + e.getKey() + " does not verify:\n" + out);
        }
    }

    /** The module's functions that stayed interpreted, for assertions that everything compiled. */
    static Map<Integer, String> fallbacks(Pair p) { return p.code().fallbacks(); }
}
