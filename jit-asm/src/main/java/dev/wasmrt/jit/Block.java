package dev.wasmrt.jit;

import org.objectweb.asm.Label;

import java.util.Map;

/**
 * A Wasm label during translation. Values a branch carries travel through {@link #branchLocals}
 * (the JVM stack cannot be re-shaped across a jump); values below {@link #height} stay on the
 * JVM stack untouched, which keeps every join point's stack consistent for the verifier.
 */
final class Block {
    /** The opening opcode (block, loop, if, try_table, try), or -1 for the function body. */
    final int opcode;
    final JvmType[] params;
    final JvmType[] results;
    /** Abstract stack height below the block's parameters. */
    final int height;
    /**
     * Where a branch to this label jumps: the loop head, or the end. In a split function each
     * method has its own; where the head or end lies in another method it leads to an exit.
     */
    Label target = new Label();
    /** Locals receiving the values a branch carries (params for a loop, results otherwise). */
    int[] branchLocals;
    /** The first local this block allocated: free again once it ends. */
    int localBase;
    /** Some branch jumped to {@link #target}. */
    boolean branched;

    // split functions (see Chunks)
    /** Where its opening and end instructions are. */
    int openPc;
    int endPc;
    /** The method the block opened in: its loop head is there. */
    int openChunk;
    /** Some branch of the current method jumped to {@link #target}. */
    boolean usedHere;
    /** Its end has been translated. */
    boolean ended;

    // if
    Label elseLabel;
    boolean hasElse;
    /** The then-arm reached its end and jumped over the else-arm. */
    boolean thenFellThrough;

    // try_table and try
    Label tryStart;
    /** Where an exception the block's handlers may catch arrives, on the JVM stack; delegate jumps here too. */
    Label handlerEntry;
    int tryPc;
    /** The operand stack at the block's start, for handlers to rebuild. */
    int[] spillLocals;
    JvmType[] spillTypes;

    // try
    /** Past the first catch: the block's handlers no longer apply. */
    boolean inCatch;
    /** The caught {@code WasmException}, which rethrow throws again. */
    int caughtLocal;
    /** Its {@code ExceptionRef}, for the tag test and the payload. */
    int refLocal;
    /** The label of each catch and catch_all, by pc. */
    Map<Integer, Label> catches;

    Block(int opcode, JvmType[] params, JvmType[] results, int height) {
        this.opcode = opcode;
        this.params = params;
        this.results = results;
        this.height = height;
    }

    JvmType[] carried() { return opcode == dev.wasmrt.decoder.model.Opcodes.LOOP ? params : results; }
}
