package dev.wasmrt.decoder.model;

import java.util.Arrays;

/**
 * Builds an {@link Expr} instruction by instruction and links structured control: it fills the
 * {@code endPc}, {@code elsePc} and handler positions that {@link Immediates} describes, so the
 * binary and the text decoders produce identical code.
 *
 * <p>Use: {@link #instr} for each opcode, then {@link #imm} for each of its immediates in the
 * documented layout, writing -1 for every pc that is linked later. {@link #instr} returns false
 * when the instruction does not fit the open structure (an {@code else} outside an {@code if},
 * say); the caller reports that in its own words.
 */
public final class ExprBuilder {
    private int[] ops;
    private int[] offsets;
    private int size;
    /** Start pcs of open block, loop, if, try and try_table instructions. */
    private int[] open = new int[8];
    /** Per open entry: the pc of the if's else, or of the try's latest catch; -1 when none. */
    private int[] openAux = new int[8];
    private int depth;
    private boolean closed;

    public ExprBuilder() { this(32); }

    /** A builder whose arrays start with room for {@code expectedInts}, to spare regrowth on large bodies. */
    public ExprBuilder(int expectedInts) {
        int capacity = Math.max(expectedInts, 4);
        ops = new int[capacity];
        offsets = new int[capacity];
    }

    /** Starts an instruction at the given source offset. */
    public boolean instr(int opcode, int sourceOffset) {
        if (closed) return false;
        int pc = size;
        append(opcode, sourceOffset);
        switch (opcode) {
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF, Opcodes.TRY, Opcodes.TRY_TABLE -> push(pc);
            case Opcodes.ELSE -> {
                if (depth == 0 || ops[open[depth - 1]] != Opcodes.IF || openAux[depth - 1] != -1) return false;
                ops[open[depth - 1] + 3] = pc;
                openAux[depth - 1] = pc;
            }
            case Opcodes.CATCH, Opcodes.CATCH_ALL -> {
                if (depth == 0 || ops[open[depth - 1]] != Opcodes.TRY) return false;
                int top = open[depth - 1];
                int last = openAux[depth - 1];
                if (last == -1) {
                    ops[top + 4] = pc;
                } else if (ops[last] == Opcodes.CATCH) {
                    ops[last + 2] = pc;
                } else {
                    return false; // nothing may follow catch_all
                }
                openAux[depth - 1] = pc;
            }
            case Opcodes.DELEGATE -> {
                if (depth == 0 || ops[open[depth - 1]] != Opcodes.TRY || openAux[depth - 1] != -1) return false;
                int top = open[--depth];
                ops[top + 3] = pc;
                ops[top + 4] = pc;
            }
            case Opcodes.END -> {
                if (depth == 0) {
                    closed = true;
                } else {
                    linkEnd(open[--depth], openAux[depth], pc);
                }
            }
            default -> { }
        }
        return true;
    }

    public void imm(int value) {
        append(value, -1);
    }

    public void imm64(long value) {
        imm((int) value);
        imm((int) (value >>> 32));
    }

    /** True once the final {@code end} (at depth 0) has been added. */
    public boolean isClosed() { return closed; }

    /** The number of structured instructions still open. */
    public int openBlocks() { return depth; }

    /** The opcode of the innermost open structured instruction, or -1 at function level. */
    public int innermostOpen() { return depth == 0 ? -1 : ops[open[depth - 1]]; }

    /** The number of ints written so far (the pc of the next instruction). */
    public int size() { return size; }

    public Expr build() {
        return new Expr(Arrays.copyOf(ops, size), Arrays.copyOf(offsets, size));
    }

    private void linkEnd(int start, int aux, int endPc) {
        switch (ops[start]) {
            case Opcodes.IF -> {
                ops[start + 4] = endPc;
                if (aux != -1) ops[aux + 1] = endPc;
            }
            case Opcodes.TRY -> {
                ops[start + 3] = endPc;
                for (int h = ops[start + 4]; h != -1; ) {
                    if (ops[h] == Opcodes.CATCH) {
                        ops[h + 3] = endPc;
                        h = ops[h + 2];
                    } else {
                        ops[h + 1] = endPc;
                        h = -1;
                    }
                }
            }
            default -> ops[start + 3] = endPc; // block, loop, try_table
        }
    }

    private void push(int pc) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
            openAux = Arrays.copyOf(openAux, depth * 2);
        }
        open[depth] = pc;
        openAux[depth++] = -1;
    }

    private void append(int value, int offset) {
        if (size == ops.length) {
            ops = Arrays.copyOf(ops, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        ops[size] = value;
        offsets[size++] = offset;
    }
}
