package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Opcodes;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Which Wasm locals a chunk may touch from a given instruction on before it leaves, so that an
 * entry loads only those from the frame: a switch-shaped function enters a different chunk at
 * nearly every step, and loading every local the chunk touches each time would dominate.
 *
 * <p>The translator reports, per instruction of the chunk, the local it touches, whether control
 * falls through to the next instruction, and the instructions it may jump to (branch targets,
 * else-arms, exception handlers). A backward pass to a fixed point then gives each instruction
 * the union over every path from it until control leaves the chunk. The sets may be larger than
 * needed (they ignore writes that kill a value) but never smaller.
 */
final class ChunkLocals {
    private final int[] ops;
    private final int start;
    private final int end;
    private final int locals;
    private final int[] touched;
    private final boolean[] seen;
    private final boolean[] fallsThrough;
    private int[] edges = new int[32];
    private int edgeCount;
    private BitSet[] reach;

    /** Marks every local as touched at an instruction (a tail call to the function itself resets them all). */
    static final int ALL = -2;

    /** Covers the instructions in {@code [start, end)} of a function with {@code locals} locals. */
    ChunkLocals(int[] ops, int start, int end, int locals) {
        this.ops = ops;
        this.start = start;
        this.end = end;
        this.locals = locals;
        touched = new int[end - start];
        Arrays.fill(touched, -1);
        seen = new boolean[end - start];
        fallsThrough = new boolean[end - start];
    }

    /** Records that {@code pc} was translated and whether control goes on to the next instruction. */
    void visited(int pc, boolean continues) {
        seen[pc - start] = true;
        fallsThrough[pc - start] = continues;
    }

    /** The local (or {@link #ALL}) the instruction at {@code pc} reads or writes. */
    void touch(int pc, int local) { touched[pc - start] = local; }

    /** Control may go from {@code from} to {@code to}; a target outside the chunk is an exit and adds nothing. */
    void edge(int from, int to) {
        if (to < start || to >= end) return;
        if (edgeCount + 2 > edges.length) edges = Arrays.copyOf(edges, edges.length * 2);
        edges[edgeCount++] = from;
        edges[edgeCount++] = to;
    }

    /** The locals touched on some path from {@code pc} until control leaves the chunk. */
    BitSet from(int pc) {
        if (reach == null) solve();
        return reach[pc - start];
    }

    private void solve() {
        int n = end - start;
        reach = new BitSet[n];
        for (int i = 0; i < n; i++) {
            reach[i] = new BitSet(locals);
            if (touched[i] == ALL) reach[i].set(0, locals);
            else if (touched[i] >= 0) reach[i].set(touched[i]);
        }
        int[][] out = outgoing(n);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                if (!seen[i]) continue;
                BitSet r = reach[i];
                int before = r.cardinality();
                if (fallsThrough[i]) {
                    int next = i + Opcodes.length(ops, start + i);
                    if (next < n) r.or(reach[next]);
                }
                for (int to : out[i]) r.or(reach[to - start]);
                if (r.cardinality() != before) changed = true;
            }
        }
    }

    private int[][] outgoing(int n) {
        int[] counts = new int[n];
        for (int e = 0; e < edgeCount; e += 2) counts[edges[e] - start]++;
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = new int[counts[i]];
        Arrays.fill(counts, 0);
        for (int e = 0; e < edgeCount; e += 2) {
            int from = edges[e] - start;
            out[from][counts[from]++] = edges[e + 1];
        }
        return out;
    }
}
