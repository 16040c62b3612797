package dev.wasmrt.jit.fuzz;

import java.util.List;

/**
 * The generator's only source of randomness: a list of choices read front to back. Choice 0 is
 * always the simplest option and an exhausted tape answers 0, so when jqwik shortens the list or
 * lowers its numbers the generated module gets smaller and plainer.
 */
final class ChoiceTape {
    private final List<Integer> choices;
    private int next;

    ChoiceTape(List<Integer> choices) { this.choices = choices; }

    /** A choice in {@code [0, bound)}. */
    int below(int bound) {
        if (next >= choices.size()) return 0;
        return Math.floorMod(choices.get(next++), bound);
    }

    /** True with roughly the given odds; false when the tape is exhausted. */
    boolean chance(int percent) { return below(100) >= 100 - percent; }

    <T> T pick(List<T> options) { return options.get(below(options.size())); }

    /** A raw 32-bit value for constants, 0 when exhausted. */
    int bits() { return next >= choices.size() ? 0 : choices.get(next++) * 0x9E3779B1; }
}
