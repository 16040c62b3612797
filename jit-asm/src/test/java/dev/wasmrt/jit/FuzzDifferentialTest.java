package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.HostFunction;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.Wasm;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.validator.ValidatedModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential fuzzing: modules from binaryen's translate-to-fuzz mode (see src/test/fuzz/gen.sh)
 * run in both engines; every export's results or trap, and everything logged through the
 * "fuzzing-support" imports, must agree.
 */
class FuzzDifferentialTest {
    /** The committed seeds, plus every .wasm in the directory named by system property {@code jit.fuzz.dir} (for longer runs). */
    static Stream<String> seeds() throws IOException {
        Stream<String> committed = IntStream.rangeClosed(1, 60).mapToObj(i -> String.format("/fuzz/seed-%03d.wasm", i))
                .filter(name -> FuzzDifferentialTest.class.getResource(name) != null);
        String dir = System.getProperty("jit.fuzz.dir");
        if (dir == null) return committed;
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            List<String> extra = files.filter(p -> p.toString().endsWith(".wasm")).map(Path::toString).sorted().toList();
            return Stream.concat(committed, extra.stream());
        }
    }

    private static byte[] read(String seed) throws IOException {
        if (!seed.startsWith("/fuzz/")) return Files.readAllBytes(Path.of(seed));
        try (InputStream in = FuzzDifferentialTest.class.getResourceAsStream(seed)) {
            return in.readAllBytes();
        }
    }

    /** The fuzzing-support imports: log their argument into {@code log}. */
    static Imports imports(List<String> log) {
        Imports imports = new Imports();
        for (ValType t : new ValType[] {ValType.I32, ValType.I64, ValType.F32, ValType.F64}) {
            String name = "log-" + t;
            imports.define("fuzzing-support", name, new HostFunction(name, FuncType.of(List.of(t), List.of()),
                    c -> log.add(name + " " + shown(t, c.argBits(0)))));
        }
        imports.define("fuzzing-support", "log-v128", new HostFunction("log-v128", FuncType.of(List.of(ValType.V128), List.of()),
                c -> log.add("log-v128 " + anyNaN(c.argBits(0), c.argBits(1)))));
        return imports;
    }

    /**
     * A v128 with its NaN payloads blurred, for lanes of unknown type: a half that is a NaN as an
     * f64 shows as "NaN64", else each 32-bit lane that is a NaN as an f32 shows as "NaN32".
     */
    static String anyNaN(long low, long high) {
        StringBuilder shown = new StringBuilder();
        for (long half : new long[] {low, high}) {
            if (Double.isNaN(Double.longBitsToDouble(half))) {
                shown.append(" NaN64");
                continue;
            }
            for (int lane = 0; lane < 2; lane++) {
                int bits = (int) (half >>> (32 * lane));
                shown.append(' ').append(Float.isNaN(Float.intBitsToFloat(bits)) ? "NaN32" : Integer.toHexString(bits));
            }
        }
        return shown.toString().trim();
    }

    /** The outcome with every v128 result's NaN payloads blurred (see {@link #anyNaN}). */
    private static Engines.Outcome blurVectorNaNs(Engines.Outcome outcome) {
        if (outcome.values() == null) return outcome;
        List<Object> values = new ArrayList<>();
        for (Object v : outcome.values()) {
            if (v instanceof String s && s.startsWith("v128 ")) {
                String[] halves = s.substring(5).split(" ");
                v = "v128 " + anyNaN(Long.parseUnsignedLong(halves[0], 16), Long.parseUnsignedLong(halves[1], 16));
            }
            values.add(v);
        }
        return new Engines.Outcome(values, null);
    }

    /** NaN payloads may legitimately differ between engines (either operand's payload), so a NaN logs as "NaN". */
    private static String shown(ValType t, long bits) {
        if (t == ValType.F32 && Float.isNaN(Float.intBitsToFloat((int) bits))) return "NaN";
        if (t == ValType.F64 && Double.isNaN(Double.longBitsToDouble(bits))) return "NaN";
        return Long.toString(t == ValType.I32 ? (int) bits : t == ValType.F32 ? bits & 0xFFFFFFFFL : bits);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void enginesAgreeOnEveryExport(String resource) throws IOException {
        byte[] wasm = read(resource);
        ValidatedModule module = Wasm.load(wasm);
        for (Compiler compiler : Engines.compilers()) agree(resource, module, compiler);
    }

    private static void agree(String resource, ValidatedModule module, Compiler compiler) {
        String what = resource + " (" + compiler.name() + ")";
        CompiledCode code = compiler.compile(module);
        Engines.verify(code);
        assertTrue(code.fallbacks().isEmpty(), () -> what + " fell back: " + code.fallbacks());
        List<String> logA = new ArrayList<>();
        List<String> logB = new ArrayList<>();
        Instance a;
        Instance b;
        String startA = null;
        String startB = null;
        try {
            a = Engines.store(new Interpreter()).instantiate(module, imports(logA));
        } catch (Trap t) {
            a = null;
            startA = t.reason();
        }
        try {
            b = Engines.store(compiler).instantiate(compiler.prepare(module, code), module, imports(logB));
        } catch (Trap t) {
            b = null;
            startB = t.reason();
        }
        assertEquals(startA, startB, what + ": instantiation");
        if (a == null) return;
        int calls = 0;
        for (Map.Entry<String, ?> e : a.exports().entrySet()) {
            if (!(e.getValue() instanceof FunctionInstance f)) continue;
            if (f.type().params().stream().anyMatch(ValType::isRef)) continue;
            Object[] args = f.type().params().stream().map(p -> p.kind() == ValType.Kind.V128 ? (Object) new long[2] : (Object) 0L).toArray();
            Engines.Outcome x = blurVectorNaNs(Engines.call(a, e.getKey(), args));
            Engines.Outcome y = blurVectorNaNs(Engines.call(b, e.getKey(), args));
            assertEquals(x, y, what + ": export " + e.getKey());
            assertEquals(logA, logB, what + ": log after " + e.getKey());
            calls++;
        }
        assertTrue(calls > 0, what + " has no callable exports");
    }
}
