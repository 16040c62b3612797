package dev.wasmrt.validator;

/**
 * What validation learned about one function body that the engines need, so neither engine
 * re-derives it from the types. Stack sizes count slots: every value takes one slot except
 * {@code v128}, which takes two.
 *
 * <p>Branch targets are keyed by the pc of the branching instruction ({@code br}, {@code br_if},
 * {@code br_table}, {@code br_on_null}, {@code br_on_non_null}, {@code br_on_cast},
 * {@code br_on_cast_fail}, and each catch clause of {@code try_table}) and a target number: 0
 * for single-target instructions, the entry index for {@code br_table} (the default is entry
 * {@code n}), the clause index for {@code try_table}. Operand stack heights are counted from the
 * bottom of the function's operand stack (locals are not on it).
 *
 * <p>A legacy {@code delegate} is recorded too, as target 0 of its own pc: {@link #targetPc} is
 * the pc of the instruction that opened the label it delegates to (normally an enclosing
 * {@code try}), or -1 when it delegates to the function level (the exception leaves the
 * function); {@link #targetArity} is 0 and {@link #targetHeight} that label's stack height.
 */
public interface FunctionFacts {
    /** The largest operand stack height the body can reach, in slots. */
    int maxStackSlots();

    /**
     * The pc where execution continues after the branch: the pc of the label's {@code end}
     * instruction for a block, if, try or try_table (the engine resumes after it), the pc of
     * the {@code loop} instruction for a loop, or -1 for a branch to the function's outermost
     * label (which returns).
     */
    int targetPc(int pc, int target);

    /** The number of slots the branch carries to its label. */
    int targetArity(int pc, int target);

    /** The operand stack height, in slots, below the carried values once the branch is taken. */
    int targetHeight(int pc, int target);

    /**
     * Whether the {@code drop} or untyped {@code select} at {@code pc} works on {@code v128}
     * operands (two slots each) rather than one-slot values; false for any other pc.
     */
    default boolean isVectorOperand(int pc) { return false; }
}
