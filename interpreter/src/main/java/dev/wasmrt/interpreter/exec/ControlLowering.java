package dev.wasmrt.interpreter.exec;

import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.validator.FunctionFacts;

import java.util.Arrays;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * The control-flow part of {@link Lowering}: turns block structure into plain jumps, so only
 * exception handlers (try and try_table) keep a run-time label. It sees every instruction in
 * pc order ({@link #visit}) and rewrites, in the lowered code:
 * <ul>
 *   <li>block, loop: slot 3 becomes the pc after the run of consecutive block and loop
 *       instructions it belongs to, so entering any number of nested blocks is one jump;</li>
 *   <li>if: slot 3 becomes the pc where the false arm starts (after the else, or after the end);</li>
 *   <li>else, catch, catch_all: their endPc becomes the pc after the end;</li>
 *   <li>end: stays {@code end} (pop a handler) for try and try_table, becomes {@code nop} for
 *       block, loop and if, and {@code return} for the function's own end;</li>
 *   <li>each branch target (br, br_if, br_on_null, br_on_non_null, br_on_cast, br_on_cast_fail,
 *       every br_table entry, every try_table catch clause) becomes the index in the code array
 *       of its label's branch descriptor: {@link #DESCRIPTOR_SIZE} ints appended after the body,
 *       holding the pc to resume at (-1: return from the function), the slots carried, the stack
 *       height to carry them to (counted from the frame pointer, locals included) and the number
 *       of the function's handlers that stay open (those outside the label);</li>
 *   <li>rethrow: the depth counts handlers only; delegate: the depth becomes the number of
 *       enclosing handlers to skip before the search for a catch resumes.</li>
 * </ul>
 */
final class ControlLowering {
    static final int DESCRIPTOR_SIZE = 4;

    private final FunctionFacts facts;
    private final int[] ops;
    private final int[] code;
    private final int localSlots;

    // The open labels, the function's own at index 0: whether each is a handler, the handlers
    // outside it, and its branch descriptor once a branch needed one (-1 before).
    private boolean[] isHandler = new boolean[16];
    private int[] handlersBelow = new int[16];
    private int[] descriptorOf = new int[16];
    private int labels;
    private int handlers;
    private int maxHandlers;

    private int[] descriptors = new int[4 * DESCRIPTOR_SIZE];
    private int descriptorInts;

    /** The block and loop instructions of the current run, waiting for the pc after it. */
    private int[] run = new int[8];
    private int runLength;

    ControlLowering(FunctionFacts facts, int[] ops, int[] code, int localSlots) {
        this.facts = facts;
        this.ops = ops;
        this.code = code;
        this.localSlots = localSlots;
        open(false);
    }

    /** Rewrites the instruction at {@code pc} if it is a control instruction. */
    void visit(int pc) {
        int op = ops[pc];
        if (op == BLOCK || op == LOOP) {
            if (runLength == run.length) run = Arrays.copyOf(run, runLength * 2);
            run[runLength++] = pc;
        } else {
            for (int i = 0; i < runLength; i++) code[run[i] + 3] = pc;
            runLength = 0;
        }
        switch (op) {
            case BLOCK, LOOP, IF -> {
                if (op == IF) code[pc + 3] = ops[pc + 3] >= 0 ? ops[pc + 3] + 2 : after(ops[pc + 4]);
                open(false);
            }
            case TRY -> open(true);
            case TRY_TABLE -> {
                for (int c = 0; c < ops[pc + 4]; c++) {
                    int at = pc + 7 + 3 * c;
                    code[at] = resolve(pc, c, ops[at]);
                }
                open(true);
            }
            case ELSE, CATCH_ALL -> code[pc + 1] = after(ops[pc + 1]);
            case CATCH -> code[pc + 3] = after(ops[pc + 3]);
            case END -> {
                boolean handler = close();
                code[pc] = labels == 0 ? RETURN : handler ? END : NOP;
            }
            case DELEGATE -> {
                close();
                int target = labels - 1 - ops[pc + 1];
                code[pc + 1] = handlers - handlersBelow[target] - (isHandler[target] ? 1 : 0);
            }
            case RETHROW -> code[pc + 1] = handlers - handlersBelow[labels - 1 - ops[pc + 1]] - 1;
            case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> code[pc + 1] = resolve(pc, 0, ops[pc + 1]);
            case BR_ON_CAST, BR_ON_CAST_FAIL -> code[pc + 2] = resolve(pc, 0, ops[pc + 2]);
            case BR_TABLE -> {
                for (int i = 0; i <= ops[pc + 1]; i++) code[pc + 2 + i] = resolve(pc, i, ops[pc + 2 + i]);
            }
            default -> { }
        }
    }

    /** An upper bound of the handlers open at once. */
    int maxHandlers() { return maxHandlers; }

    /** The lowered code with the branch descriptors appended. */
    int[] withDescriptors() {
        int[] out = Arrays.copyOf(code, code.length + descriptorInts);
        System.arraycopy(descriptors, 0, out, code.length, descriptorInts);
        return out;
    }

    private void open(boolean handler) {
        if (labels == isHandler.length) {
            isHandler = Arrays.copyOf(isHandler, labels * 2);
            handlersBelow = Arrays.copyOf(handlersBelow, labels * 2);
            descriptorOf = Arrays.copyOf(descriptorOf, labels * 2);
        }
        descriptorOf[labels] = -1;
        isHandler[labels] = handler;
        handlersBelow[labels++] = handlers;
        if (handler) maxHandlers = Math.max(maxHandlers, ++handlers);
    }

    /** Closes the innermost label; true if it was a handler. */
    private boolean close() {
        boolean handler = isHandler[--labels];
        if (handler) handlers--;
        return handler;
    }

    /**
     * The descriptor of label {@code depth}, target {@code target} of the branch at {@code pc};
     * the first branch to a label appends it, so descriptors never outnumber the labels.
     */
    private int resolve(int pc, int target, int depth) {
        int label = labels - 1 - depth;
        if (descriptorOf[label] >= 0) return descriptorOf[label];
        int targetPc = facts.targetPc(pc, target);
        int resume;
        if (targetPc < 0) resume = -1;
        else if (ops[targetPc] == LOOP) resume = code[targetPc + 3];
        else resume = after(targetPc);
        if (descriptorInts == descriptors.length) descriptors = Arrays.copyOf(descriptors, descriptorInts * 2);
        int index = code.length + descriptorInts;
        descriptors[descriptorInts++] = resume;
        descriptors[descriptorInts++] = facts.targetArity(pc, target);
        descriptors[descriptorInts++] = localSlots + facts.targetHeight(pc, target);
        descriptors[descriptorInts++] = handlersBelow[label];
        descriptorOf[label] = index;
        return index;
    }

    private int after(int pc) {
        return pc + Opcodes.length(ops, pc);
    }
}
