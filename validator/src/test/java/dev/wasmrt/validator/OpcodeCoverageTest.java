package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every instruction in the opcode table is known to the validator: placed after
 * {@code unreachable} with zero immediates in a module that has one of everything, it either
 * validates or fails for a reason of its own, never as an unknown operator.
 */
class OpcodeCoverageTest {
    private static final String CONTEXT = "(module (type (func)) (memory 1 1 shared) (table 1 funcref) (tag)"
            + " (global (mut i32) (i32.const 0)) (elem funcref) (data \"\") (func))";

    @Test
    void everyDefinedOpcodeIsValidated() {
        Module base = TestModules.wat(CONTEXT);
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (int op = 0; op < Opcodes.LIMIT; op++) {
            if (!Opcodes.isDefined(op) || isStructural(op)) continue;
            Module.Builder m = Module.builder();
            m.types.addAll(base.types());
            m.recGroups.addAll(base.recGroups());
            m.memories.addAll(base.memories());
            m.tables.addAll(base.tables());
            m.tags.addAll(base.tags());
            m.globals.addAll(base.globals());
            m.elements.addAll(base.elements());
            m.datas.addAll(base.datas());
            m.functions.add(new Function(0, List.of(), TestModules.code(withZeroImmediates(op))));
            checked++;
            try {
                ModuleValidator.validate(m.build());
            } catch (ValidationException e) {
                if (e.reason().equals("unknown operator")) unknown.add(Opcodes.name(op));
            }
        }
        assertEquals(List.of(), unknown);
        assertEquals(true, checked > 500, "checked " + checked);
    }

    private static boolean isStructural(int op) {
        return switch (op) {
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF, Opcodes.ELSE, Opcodes.END, Opcodes.TRY, Opcodes.CATCH,
                 Opcodes.CATCH_ALL, Opcodes.DELEGATE, Opcodes.TRY_TABLE -> true;
            default -> false;
        };
    }

    private static int[] withZeroImmediates(int op) {
        int immediates = switch (Opcodes.immediates(op)) {
            case BR_TABLE -> 2;
            case SELECT_T -> 1;
            default -> Opcodes.immediates(op).fixedLength;
        };
        int[] words = new int[2 + immediates];
        words[0] = Opcodes.UNREACHABLE;
        words[1] = op;
        if (Opcodes.immediates(op) == Immediates.SELECT_T) words[2] = 0;
        return words;
    }
}
