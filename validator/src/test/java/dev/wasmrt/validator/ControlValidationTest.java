package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.ExternKind;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.wasmrt.decoder.model.Opcodes.*;
import static dev.wasmrt.validator.TestModules.function;
import static dev.wasmrt.validator.TestModules.invalid;
import static dev.wasmrt.validator.TestModules.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ControlValidationTest {
    private static final List<ValType> NONE = List.of();
    private static final List<ValType> I32 = List.of(ValType.I32);
    private static final int EMPTY = Immediates.BLOCK_EMPTY;
    private static final int VALUE = Immediates.BLOCK_VALUE;

    @Test
    void numericOperandsMustHaveTheRightType() {
        valid(function(NONE, I32, I32_CONST, 1, I32_CONST, 2, I32_ADD));
        invalid("type mismatch", function(NONE, I32, I32_CONST, 1, I64_CONST, 2, 0, I32_ADD));
        invalid("type mismatch", function(NONE, I32, I32_CONST, 1, I32_ADD));
    }

    @Test
    void theFunctionMustLeaveExactlyItsResults() {
        invalid("type mismatch", function(NONE, I32));
        invalid("type mismatch", function(NONE, NONE, I32_CONST, 1));
        invalid("type mismatch", function(NONE, I32, I32_CONST, 1, I32_CONST, 1));
    }

    @Test
    void unreachableMakesTheStackPolymorphic() {
        valid(function(NONE, I32, UNREACHABLE, I32_ADD));
        valid(function(NONE, I32, UNREACHABLE, I64_CONST, 0, 0, I64_EQZ));
        invalid("type mismatch", function(NONE, I32, UNREACHABLE, I64_CONST, 0, 0, I32_ADD));
        // The polymorphic bottom does not reach below the current block.
        invalid("type mismatch", function(NONE, NONE, UNREACHABLE, BLOCK, EMPTY, 0, -1, DROP, END));
    }

    @Test
    void blockResultsAreCheckedAtEnd() {
        valid(function(NONE, I32, BLOCK, VALUE, ValType.I32.encode(), -1, I32_CONST, 7, END));
        invalid("type mismatch", function(NONE, I32, BLOCK, VALUE, ValType.I32.encode(), -1, END));
        invalid("type mismatch", function(NONE, NONE, BLOCK, EMPTY, 0, -1, I32_CONST, 7, END));
    }

    @Test
    void ifWithoutElseMustNotChangeTheStackType() {
        valid(function(NONE, NONE, I32_CONST, 1, IF, EMPTY, 0, -1, -1, END));
        invalid("type mismatch", function(NONE, I32, I32_CONST, 1, IF, VALUE, ValType.I32.encode(), -1, -1, I32_CONST, 1, END));
        valid(function(NONE, I32, I32_CONST, 1, IF, VALUE, ValType.I32.encode(), -1, -1, I32_CONST, 1, ELSE, -1,
                I32_CONST, 2, END));
    }

    @Test
    void labelsMustExistAndCarryTheirTypes() {
        valid(function(NONE, NONE, BLOCK, EMPTY, 0, -1, BR, 1, END));
        invalid("unknown label", function(NONE, NONE, BLOCK, EMPTY, 0, -1, BR, 2, END));
        invalid("type mismatch", function(NONE, I32, BLOCK, VALUE, ValType.I32.encode(), -1, BR, 0, END));
        valid(function(NONE, I32, BLOCK, VALUE, ValType.I32.encode(), -1, I32_CONST, 3, BR, 0, END));
    }

    @Test
    void brTableTargetsNeedOneArity() {
        int i32 = ValType.I32.encode();
        valid(function(NONE, I32, BLOCK, VALUE, i32, -1, I32_CONST, 1, I32_CONST, 0, BR_TABLE, 1, 0, 1, END));
        invalid("type mismatch", function(NONE, I32, BLOCK, EMPTY, 0, -1, I32_CONST, 1, I32_CONST, 0, BR_TABLE, 1, 0, 1,
                END, I32_CONST, 0));
    }

    @Test
    void branchFactsGiveTargetsAritiesAndHeights() {
        int i32 = ValType.I32.encode();
        // pc: 0 i64.const, 3 block(i32) [end 13], 7 i32.const, 9 i32.const, 11 br_if 0, 14 loop [end 20], 18 br 0
        Module m = function(NONE, I32, I64_CONST, 5, 0, BLOCK, VALUE, i32, -1, I32_CONST, 1, I32_CONST, 0, BR_IF, 0,
                END, LOOP, EMPTY, 0, -1, BR, 0, END, DROP, DROP, I32_CONST, 9);
        FunctionFacts facts = valid(m).facts(0);
        assertEquals(13, facts.targetPc(11, 0));
        assertEquals(1, facts.targetArity(11, 0));
        assertEquals(1, facts.targetHeight(11, 0));
        // The loop at pc 14 is a backward target carrying nothing.
        assertEquals(14, facts.targetPc(18, 0));
        assertEquals(0, facts.targetArity(18, 0));
        assertEquals(3, facts.maxStackSlots());
    }

    @Test
    void brTableFactsHaveOneEntryPerTargetAndTheDefaultLast() {
        int i64 = ValType.I64.encode();
        // pc: 0 block(i64) [end 19], 4 block(i64) [end 18], 8 i64.const, 11 i32.const, 13 br_table 0 1 default 1
        Module m = function(NONE, List.of(ValType.I64), BLOCK, VALUE, i64, -1, BLOCK, VALUE, i64, -1, I64_CONST, 1, 0,
                I32_CONST, 0, BR_TABLE, 2, 0, 1, 1, END, END);
        FunctionFacts facts = valid(m).facts(0);
        int brTable = 13;
        assertEquals(18, facts.targetPc(brTable, 0));
        assertEquals(19, facts.targetPc(brTable, 1));
        assertEquals(19, facts.targetPc(brTable, 2));
        assertEquals(1, facts.targetArity(brTable, 2));
        assertEquals(0, facts.targetHeight(brTable, 2));
    }

    @Test
    void faultsNameTheFunctionAndTheInstructionOffset() {
        Module.Builder m = Module.builder();
        TestModules.addFunction(m, NONE, NONE, NONE, TestModules.code(NOP));
        TestModules.addFunction(m, NONE, NONE, NONE, TestModules.code(NOP, NOP, I32_ADD));
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> ModuleValidator.validate(m.build()));
        assertEquals(1, e.functionIndex());
        assertEquals(2, e.offset());
    }

    @Test
    void v128ValuesTakeTwoSlots() {
        Module m = function(NONE, NONE, V128_CONST, 0, 0, 0, 0, BLOCK, VALUE, ValType.V128.encode(), -1,
                V128_CONST, 1, 1, 1, 1, BR, 0, END, DROP, DROP);
        FunctionFacts facts = valid(m).facts(0);
        int brPc = 5 + 4 + 5;
        assertEquals(2, facts.targetArity(brPc, 0));
        assertEquals(2, facts.targetHeight(brPc, 0));
        assertEquals(4, facts.maxStackSlots());
    }

    @Test
    void returnIsStackPolymorphic() {
        valid(function(NONE, I32, I32_CONST, 1, RETURN, I64_ADD, DROP, I32_CONST, 0));
        invalid("type mismatch", function(NONE, I32, I64_CONST, 1, 0, RETURN));
    }

    @Test
    void untypedSelectIsOnlyForNumbersAndVectors() {
        valid(function(NONE, I32, I32_CONST, 1, I32_CONST, 2, I32_CONST, 0, SELECT));
        invalid("type mismatch", function(NONE, I32, I32_CONST, 1, I64_CONST, 2, 0, I32_CONST, 0, SELECT));
        invalid("type mismatch", function(NONE, NONE, REF_NULL, ValType.HT_FUNC, REF_NULL, ValType.HT_FUNC, I32_CONST, 0,
                SELECT, DROP));
        valid(function(NONE, NONE, REF_NULL, ValType.HT_FUNC, REF_NULL, ValType.HT_FUNC, I32_CONST, 0,
                SELECT_T, 1, ValType.FUNCREF.encode(), DROP));
        invalid("invalid result arity", function(NONE, NONE, I32_CONST, 1, I32_CONST, 1, I32_CONST, 0,
                SELECT_T, 2, 0, 0, DROP));
    }

    @Test
    void callsCheckArgumentsAndIndices() {
        Module.Builder m = Module.builder();
        TestModules.addFunction(m, I32, I32, NONE, TestModules.code(LOCAL_GET, 0));
        TestModules.addFunction(m, NONE, I32, NONE, TestModules.code(I32_CONST, 4, CALL, 0));
        valid(m.build());
        Module.Builder bad = Module.builder();
        TestModules.addFunction(bad, NONE, NONE, NONE, TestModules.code(CALL, 3));
        invalid("unknown function", bad.build());
        Module.Builder wrongArg = Module.builder();
        TestModules.addFunction(wrongArg, I32, NONE, NONE, TestModules.code(F32_CONST, 0, CALL, 0));
        invalid("type mismatch", wrongArg.build());
    }

    @Test
    void tailCallsMustReturnTheCallersResults() {
        Module.Builder m = Module.builder();
        TestModules.addFunction(m, NONE, I32, NONE, TestModules.code(I32_CONST, 1));
        TestModules.addFunction(m, NONE, I32, NONE, TestModules.code(RETURN_CALL, 0));
        TestModules.addFunction(m, NONE, List.of(ValType.I64), NONE, TestModules.code(RETURN_CALL, 0));
        invalid("type mismatch", m.build());
    }

    @Test
    void nonDefaultableLocalsMustBeSetBeforeUse() {
        ValType ref = ValType.ref(false, ValType.HT_FUNC);
        Module.Builder m = Module.builder();
        TestModules.addFunction(m, NONE, NONE, List.of(ref), TestModules.code(LOCAL_GET, 0, DROP));
        invalid("uninitialized local", m.build());

        Module.Builder setFirst = Module.builder();
        TestModules.addFunction(setFirst, NONE, NONE, List.of(ref),
                TestModules.code(REF_FUNC, 0, LOCAL_SET, 0, LOCAL_GET, 0, DROP));
        setFirst.exports.add(new Export("f", ExternKind.FUNC, 0));
        valid(setFirst.build());

        // Initialisation inside a block is forgotten at its end.
        Module.Builder inBlock = Module.builder();
        TestModules.addFunction(inBlock, NONE, NONE, List.of(ref), TestModules.code(
                BLOCK, EMPTY, 0, -1, REF_FUNC, 0, LOCAL_SET, 0, END, LOCAL_GET, 0, DROP));
        inBlock.exports.add(new Export("f", ExternKind.FUNC, 0));
        invalid("uninitialized local", inBlock.build());
    }

    @Test
    void localIndicesMustExist() {
        invalid("unknown local", function(I32, NONE, LOCAL_GET, 1, DROP));
        valid(function(I32, I32, LOCAL_GET, 0));
    }

    @Test
    void malformedStructureIsRejectedNotCrashedOn() {
        // An end pc that does not point at the block's end (a hand-built model, not from ExprBuilder).
        int[] ops = {BLOCK, EMPTY, 0, 6, NOP, END, END};
        Module.Builder m = Module.builder();
        int type = TestModules.addFuncType(m, NONE, NONE);
        m.functions.add(new Function(type, NONE,
                new Expr(ops, new int[ops.length])));
        invalid("mismatched block structure", m.build());
    }
}
