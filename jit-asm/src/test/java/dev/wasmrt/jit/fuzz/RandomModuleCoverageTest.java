package dev.wasmrt.jit.fuzz;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards the generator's reach: a regression here would quietly weaken the differential property. */
class RandomModuleCoverageTest {
    private static final List<String> EXPECTED_CONSTRUCTS = List.of(
            "call_indirect", "(call $f", "br_table", "(br_if $b", " br $b", "return", "(loop $l", "(if $b", "(else",
            "(param ", "(select", "local.tee", "global.set", "memory.grow", "memory.size", "i32.div_s", "i64.rem_u",
            "i32.trunc_f64_s", "i64.trunc_sat_f32_u", "f32.demote_f64", "i64.reinterpret_f64", "f32.copysign",
            "i64.load32_s", "i32.store8", "offset=4294967295", "(result i32 f32)",
            "(result v128)", "(param v128", "v128.store", "v128.load8x8_s", "i16x8.splat", "i32x4.extract_lane 2", "i8x16.swizzle",
            "f32x4.demote_f64x2_zero", "(global.set $g_v128", "(v128.const i8x16");

    private static List<Integer> randomTape(Random random) {
        List<Integer> choices = new ArrayList<>();
        int length = random.nextInt(800);
        for (int i = 0; i < length; i++) choices.add(random.nextInt(1 << 20));
        return choices;
    }

    @Test
    void twoHundredModulesUseEveryConstructTheDifferentialPropertyReliesOn() {
        Random random = new Random(1);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 200; i++) all.append(RandomModule.generate(new ChoiceTape(randomTape(random))).wat());
        Set<String> missing = new TreeSet<>();
        for (String construct : EXPECTED_CONSTRUCTS) if (all.indexOf(construct) < 0) missing.add(construct);
        assertTrue(missing.isEmpty(), () -> "never generated: " + missing);
    }

    @Test
    void everyOutcomeKindTheEnginesMustAgreeOnOccurs() {
        Random random = new Random(2);
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < 120; i++) {
            for (String outcome : DifferentialRun.assertEnginesAgree(RandomModule.generate(new ChoiceTape(randomTape(random))))) {
                kinds.add(outcome.startsWith("trap: uninitialized element") ? "trap: uninitialized element" : outcome.startsWith("trap") ? outcome : "value");
            }
        }
        assertEquals(Set.of("value", "trap: out of bounds memory access", "trap: integer divide by zero", "trap: integer overflow",
                "trap: invalid conversion to integer", "trap: indirect call type mismatch", "trap: undefined element",
                "trap: uninitialized element", "trap: unreachable"), kinds);
    }

    @Test
    void anExhaustedTapeGivesTheSimplestModule() {
        RandomModule simplest = RandomModule.generate(new ChoiceTape(List.of()));
        assertEquals(List.of("[]", "[]", "[]", "[]"), DifferentialRun.assertEnginesAgree(simplest));
        assertTrue(simplest.wat().contains("(func $f1 (type $t1) (local f32 f64)"), simplest::wat);
    }
}
