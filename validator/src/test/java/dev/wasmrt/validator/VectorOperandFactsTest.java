package dev.wasmrt.validator;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.validator.TestModules.valid;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts that tell engines which drop and untyped select move a two-slot v128. */
class VectorOperandFactsTest {
    @Test
    void dropAndSelectOnVectorsAreMarkedAndOthersAreNot() {
        // pc: 0 local.get 0, 2 drop, 3 local.get 1, 5 drop, 6/8/10 local.get, 12 select, 13 drop,
        // 14/16/18 local.get, 20 select, 21 drop.
        FunctionFacts facts = valid("""
                (module (func (param v128 i32 i32)
                  (drop (local.get 0))
                  (drop (local.get 1))
                  (drop (select (local.get 0) (local.get 0) (local.get 1)))
                  (drop (select (local.get 1) (local.get 2) (local.get 1)))))
                """).facts(0);
        assertTrue(facts.isVectorOperand(2));
        assertFalse(facts.isVectorOperand(5));
        assertTrue(facts.isVectorOperand(12));
        assertTrue(facts.isVectorOperand(13));
        assertFalse(facts.isVectorOperand(20));
        assertFalse(facts.isVectorOperand(21));
        assertFalse(facts.isVectorOperand(0));
    }
}
