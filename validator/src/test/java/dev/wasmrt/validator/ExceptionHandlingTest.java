package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Opcodes;
import org.junit.jupiter.api.Test;

import static dev.wasmrt.validator.TestModules.invalid;
import static dev.wasmrt.validator.TestModules.valid;
import static dev.wasmrt.validator.TestModules.wat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExceptionHandlingTest {
    @Test
    void throwTakesTheTagPayload() {
        valid("(module (tag $e (param i32)) (func (throw $e (i32.const 1))))");
        invalid("type mismatch", "(module (tag $e (param i32)) (func (throw $e (i64.const 1))))");
        invalid("unknown tag", "(module (func (throw 0)))");
    }

    @Test
    void tryTableClausesMustMatchTheirLabels() {
        valid("(module (tag $e (param i32))"
                + " (func (result i32) (block $h (result i32) (try_table (catch $e $h) (throw $e (i32.const 1))) (i32.const 0))))");
        invalid("type mismatch", "(module (tag $e (param i64))"
                + " (func (result i32) (block $h (result i32) (try_table (catch $e $h) (nop)) (i32.const 0))))");
        valid("(module (func (result exnref) (block $h (result exnref) (try_table (catch_all_ref $h) (nop)) (ref.null exn))))");
        invalid("type mismatch", "(module (func (result i32) (block $h (result i32) (try_table (catch_all_ref $h) (nop)) (i32.const 0))))");
    }

    @Test
    void tryTableFactsRecordEachClause() {
        var module = wat("(module (tag $e (param i32))"
                + " (func (result i32) (block $none (block $h (result i32) (try_table (catch $e $h) (catch_all $none) (nop))"
                + " (i32.const 0)) (return)) (i32.const 1)))");
        FunctionFacts facts = valid(module).facts(0);
        Expr body = module.functions().getFirst().body();
        int tryPc = pcOf(body, Opcodes.TRY_TABLE);
        int outerBlock = pcOf(body, Opcodes.BLOCK);
        int innerBlock = outerBlock + Opcodes.length(body.ops(), outerBlock);
        assertEquals(body.ops()[innerBlock + 3], facts.targetPc(tryPc, 0));
        assertEquals(1, facts.targetArity(tryPc, 0));
        assertEquals(body.ops()[outerBlock + 3], facts.targetPc(tryPc, 1));
        assertEquals(0, facts.targetArity(tryPc, 1));
        assertEquals(0, facts.targetHeight(tryPc, 1));
    }

    @Test
    void throwRefNeedsAnExnref() {
        valid("(module (func (param exnref) (throw_ref (local.get 0))))");
        invalid("type mismatch", "(module (func (param externref) (throw_ref (local.get 0))))");
    }

    @Test
    void legacyCatchReceivesThePayloadAndRethrowNeedsACatch() {
        valid("(module (tag $e (param i32)) (func (result i32) (try (result i32) (do (i32.const 1)) (catch $e) (catch_all (i32.const 2)))))");
        valid("(module (tag $e) (func (try (do) (catch $e (rethrow 0)))))");
        invalid("invalid rethrow label", "(module (func (block (rethrow 0))))");
    }

    @Test
    void delegateFactsNameTheTargetLabel() {
        var module = wat("(module (func (try $outer (do (try (do (nop)) (delegate $outer))) (catch_all))))");
        FunctionFacts facts = valid(module).facts(0);
        Expr body = module.functions().getFirst().body();
        int delegatePc = pcOf(body, Opcodes.DELEGATE);
        assertEquals(pcOf(body, Opcodes.TRY), facts.targetPc(delegatePc, 0));
        var toCaller = wat("(module (func (try (do (nop)) (delegate 0))))");
        Expr callerBody = toCaller.functions().getFirst().body();
        assertEquals(-1, valid(toCaller).facts(0).targetPc(pcOf(callerBody, Opcodes.DELEGATE), 0));
    }

    private static int pcOf(Expr body, int opcode) {
        for (int pc = 0; pc < body.length(); pc += Opcodes.length(body.ops(), pc)) {
            if (body.ops()[pc] == opcode) return pc;
        }
        throw new AssertionError("no " + Opcodes.name(opcode));
    }
}
