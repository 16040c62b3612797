package dev.wasmrt.jit;

import java.util.Arrays;

/**
 * The places a function may be split, found while translating it whole: instruction boundaries
 * where the operand stack is empty, the code is reachable and no exception handler is open, each
 * with the bytecode size emitted before it.
 */
final class SplitPoints {
    private int[] pcs = new int[64];
    private int[] sizes = new int[64];
    private int count;

    void add(int pc, int sizeBefore) {
        if (count == pcs.length) {
            pcs = Arrays.copyOf(pcs, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        pcs[count] = pc;
        sizes[count] = sizeBefore;
        count++;
    }

    /**
     * Chooses where chunks start so that each holds at most {@code budget} bytes of the whole
     * method's {@code total}, taking the farthest point within budget each time; where no point
     * falls within budget, the nearest one beyond it.
     */
    int[] choose(int budget, int total) {
        int[] chosen = new int[count];
        int n = 0;
        int start = 0;
        int i = 0;
        while (total - start > budget && i < count) {
            int pick = -1;
            while (i < count && sizes[i] - start <= budget) {
                if (sizes[i] > start) pick = i;
                i++;
            }
            if (pick < 0) {
                while (i < count && sizes[i] <= start) i++;
                if (i == count) break;
                pick = i++;
            }
            chosen[n++] = pcs[pick];
            start = sizes[pick];
        }
        return Arrays.copyOf(chosen, n);
    }
}
