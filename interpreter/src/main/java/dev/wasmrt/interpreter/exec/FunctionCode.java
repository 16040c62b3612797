package dev.wasmrt.interpreter.exec;

/**
 * A function body lowered for the interpreter (see {@link Lowering}), with the frame sizes the
 * interpreter reserves on entry.
 *
 * @param code the lowered instructions
 * @param paramSlots slots taken by the parameters
 * @param localSlots slots taken by parameters and declared locals together
 * @param resultSlots slots taken by the results
 * @param maxStackSlots an upper bound of the operand stack height above the locals
 * @param maxLabels an upper bound of the labels open at once, the function's own included
 */
record FunctionCode(int[] code, int paramSlots, int localSlots, int resultSlots, int maxStackSlots, int maxLabels) {
}
