package dev.wasmrt.jit.fuzz;

import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.text.TextFormatException;
import dev.wasmrt.decoder.text.TextParser;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.Global;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.jit.CompiledCode;
import dev.wasmrt.jit.Compiler;
import dev.wasmrt.jit.CompilerOptions;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.validator.ValidationException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs a {@link RandomModule} in the interpreter and in the compiler and asserts they behave alike. */
final class DifferentialRun {
    private DifferentialRun() {}

    /** Calls a module may make per export call before its fuel check traps. */
    private static final int FUEL = 200;

    /** Asserts agreement call by call; returns the outcomes (for the property's statistics). */
    static List<String> assertEnginesAgree(RandomModule generated) {
        ValidatedModule module = validated(generated.wat());
        List<String> outcomes = new ArrayList<>();
        for (Compiler compiler : List.of(new Compiler(), new Compiler(CompilerOptions.defaults().withMaxMethodSize(SPLIT_ABOVE)))) {
            outcomes = assertAgree(generated, module, compiler);
        }
        return outcomes;
    }

    /** A limit that splits nearly every generated function, so the chunk machinery is fuzzed too. */
    private static final int SPLIT_ABOVE = 48;

    private static List<String> assertAgree(RandomModule generated, ValidatedModule module, Compiler compiler) {
        CompiledCode code = compiler.compile(module);
        assertTrue(code.fallbacks().isEmpty(), () -> "functions left to the interpreter: " + code.fallbacks() + "\n" + generated.wat());
        Instance reference = new Store(StoreConfig.defaults().withEngine(new Interpreter())).instantiate(module, new Imports());
        Instance compiled = new Store(StoreConfig.defaults().withEngine(compiler))
                .instantiate(compiler.prepare(module, code), module, new Imports());
        String engine = compiler.name();
        List<String> done = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (RandomModule.Call call : generated.calls()) {
            done.add(call.toString());
            String expected = outcome(reference, call);
            String actual = outcome(compiled, call);
            assertEquals(expected, actual, () -> engine + " after calls " + done + "\n" + generated.wat());
            outcomes.add(expected);
            assertEquals(state(reference), state(compiled), () -> engine + " globals after calls " + done + "\n" + generated.wat());
            assertArrayEquals(bytes(reference.memory("memory")), bytes(compiled.memory("memory")),
                    () -> engine + " memory after calls " + done + "\n" + generated.wat());
        }
        return outcomes;
    }

    /** Parses and validates; a module the generator got wrong fails here, with its text. */
    static ValidatedModule validated(String wat) {
        Module parsed;
        try {
            parsed = TextParser.parseModule(wat);
        } catch (TextFormatException e) {
            return fail("generator wrote text the parser rejects: " + e.getMessage() + "\n" + wat);
        }
        try {
            return ModuleValidator.validate(parsed);
        } catch (ValidationException e) {
            return fail("generator produced an invalid module: " + e.getMessage() + "\n" + wat);
        }
    }

    /** The call's results (NaNs shown as NaN, since payloads may differ) or its trap. */
    private static String outcome(Instance instance, RandomModule.Call call) {
        instance.global("fuel").bits = FUEL;
        FuncType type = instance.function(call.export()).type();
        try {
            long[] results = instance.call(call.export(), call.args());
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < results.length; i++) shown.add(shown(type.results().get(i).toString(), results[i]));
            return shown.toString();
        } catch (Trap t) {
            return "trap: " + t.reason();
        }
    }

    private static String state(Instance instance) {
        StringBuilder out = new StringBuilder();
        for (String t : NumericOps.TYPES) out.append(t).append('=').append(shown(t, instance.global("g_" + t).bits)).append(' ');
        Global vector = instance.global("g_v128");
        out.append("v128=").append(Long.toHexString(vector.bits)).append(':').append(Long.toHexString(vector.high));
        return out.toString();
    }

    static String shown(String type, long bits) {
        return switch (type) {
            case "i32" -> Integer.toString((int) bits);
            case "f32" -> Float.isNaN(Float.intBitsToFloat((int) bits)) ? "NaN" : Integer.toHexString((int) bits);
            case "f64" -> Double.isNaN(Double.longBitsToDouble(bits)) ? "NaN" : Long.toHexString(bits);
            default -> Long.toString(bits);
        };
    }

    private static byte[] bytes(Memory memory) {
        byte[] out = new byte[(int) memory.byteSize()];
        memory.read(0, out, 0, out.length);
        return out;
    }
}
