package dev.wasmrt.jit.fuzz;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

/**
 * Differential property: random valid modules (see {@link FunctionBodyGenerator}) give the same
 * results, traps, globals and memory in the interpreter and in the compiler.
 */
class EnginesAgreeOnRandomModulesProperties {
    @Property(tries = 1000)
    void enginesAgreeOnRandomModules(@ForAll @Size(max = 800) List<@IntRange(min = 0, max = 1 << 20) Integer> choices) {
        DifferentialRun.assertEnginesAgree(RandomModule.generate(new ChoiceTape(choices)));
    }
}
