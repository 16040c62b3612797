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
                c -> log.add("log-v128 " + Long.toHexString(c.argBits(1)) + ":" + Long.toHexString(c.argBits(0)))));
        return imports;
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
            Engines.Outcome x = Engines.call(a, e.getKey(), args);
            Engines.Outcome y = Engines.call(b, e.getKey(), args);
            assertEquals(x, y, what + ": export " + e.getKey());
            assertEquals(logA, logB, what + ": log after " + e.getKey());
            calls++;
        }
        assertTrue(calls > 0, what + " has no callable exports");
    }
}
