package dev.wasmrt.interpreter.exec;

/**
 * A function body lowered for the interpreter (see {@link Lowering}), with the frame sizes the
 * interpreter reserves on entry.
 *
 * @param code the lowered instructions, then the branch descriptors
 * @param paramSlots slots taken by the parameters
 * @param localSlots slots taken by parameters and declared locals together
 * @param resultSlots slots taken by the results
 * @param maxStackSlots an upper bound of the operand stack height above the locals
 * @param maxHandlers an upper bound of the exception handlers (try, try_table) open at once
 */
record FunctionCode(int[] code, int paramSlots, int localSlots, int resultSlots, int maxStackSlots, int maxHandlers) {
}
