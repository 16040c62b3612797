package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.ExprBuilder;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Builds small modules for validator tests, with code written as flat opcode/immediate words. */
final class TestModules {
    private TestModules() {}

    /**
     * Code from words in the {@code Immediates} layout (pcs that ExprBuilder links may be any
     * value, -1 by convention); the final {@code end} is appended.
     */
    static Expr code(int... words) {
        ExprBuilder b = new ExprBuilder();
        int i = 0;
        while (i < words.length) {
            int length = Opcodes.length(words, i);
            b.instr(words[i], i);
            for (int k = 1; k < length; k++) b.imm(words[i + k]);
            i += length;
        }
        b.instr(Opcodes.END, i);
        return b.build();
    }

    /** Adds a type as its own rec group and returns its index. */
    static int addType(Module.Builder m, SubType type) {
        int index = m.types.size();
        m.types.add(type);
        m.recGroups.add(new RecGroup(index, 1));
        return index;
    }

    static int addFuncType(Module.Builder m, List<ValType> params, List<ValType> results) {
        return addType(m, SubType.plain(new CompositeType.Func(params, results)));
    }

    /** Adds a function of the given signature and body and returns its index among defined functions. */
    static int addFunction(Module.Builder m, List<ValType> params, List<ValType> results, List<ValType> locals, Expr body) {
        int type = addFuncType(m, params, results);
        m.functions.add(new Function(type, locals, body));
        return m.functions.size() - 1;
    }

    /** A module with one function {@code params -> results} whose body is {@code words}. */
    static Module function(List<ValType> params, List<ValType> results, int... words) {
        Module.Builder m = Module.builder();
        addFunction(m, params, results, List.of(), code(words));
        return m.build();
    }

    /** A module from text-format source. */
    static Module wat(String source) {
        return dev.wasmrt.decoder.text.TextParser.parseModule(source);
    }

    static ValidatedModule valid(String source) {
        return ModuleValidator.validate(wat(source));
    }

    static void invalid(String expected, String source) {
        invalid(expected, wat(source));
    }

    static ValidatedModule valid(Module module) {
        return ModuleValidator.validate(module);
    }

    /** Asserts that validation fails and that the reason starts with {@code expected}, as the suite compares. */
    static void invalid(String expected, Module module) {
        ValidationException e = assertThrows(ValidationException.class, () -> ModuleValidator.validate(module));
        if (!e.reason().startsWith(expected)) assertEquals(expected, e.reason());
    }
}
