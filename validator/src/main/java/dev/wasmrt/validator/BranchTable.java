package dev.wasmrt.validator;

import java.util.Arrays;

/**
 * {@link FunctionFacts} stored as parallel int arrays: one entry per branch site (sorted by pc,
 * found by binary search) pointing at its run of targets. Built in pc order while validating.
 */
final class BranchTable implements FunctionFacts {
    private final int maxStackSlots;
    private final int[] sitePcs;
    private final int[] siteFirst;
    private final int[] siteCount;
    private final int[] targetPcs;
    private final int[] arities;
    private final int[] heights;
    /** The pcs of drop and select instructions on v128 operands, ascending. */
    private final int[] vectorOperandPcs;

    private BranchTable(Builder b, int maxStackSlots) {
        this.maxStackSlots = maxStackSlots;
        sitePcs = Arrays.copyOf(b.sitePcs, b.sites);
        siteFirst = Arrays.copyOf(b.siteFirst, b.sites);
        siteCount = Arrays.copyOf(b.siteCount, b.sites);
        targetPcs = Arrays.copyOf(b.targetPcs, b.targets);
        arities = Arrays.copyOf(b.arities, b.targets);
        heights = Arrays.copyOf(b.heights, b.targets);
        vectorOperandPcs = Arrays.copyOf(b.vectorOperandPcs, b.vectorOperands);
    }

    @Override public int maxStackSlots() { return maxStackSlots; }

    @Override public int targetPc(int pc, int target) { return targetPcs[index(pc, target)]; }

    @Override public int targetArity(int pc, int target) { return arities[index(pc, target)]; }

    @Override public int targetHeight(int pc, int target) { return heights[index(pc, target)]; }

    @Override public boolean isVectorOperand(int pc) { return Arrays.binarySearch(vectorOperandPcs, pc) >= 0; }

    private int index(int pc, int target) {
        int site = Arrays.binarySearch(sitePcs, pc);
        if (site < 0 || target < 0 || target >= siteCount[site]) {
            throw new IllegalArgumentException("no branch target " + target + " at pc " + pc);
        }
        return siteFirst[site] + target;
    }

    static final class Builder {
        private int[] sitePcs = new int[16], siteFirst = new int[16], siteCount = new int[16];
        private int[] targetPcs = new int[16], arities = new int[16], heights = new int[16];
        private int sites, targets;
        private int[] vectorOperandPcs = new int[4];
        private int vectorOperands;

        /** Records a drop or select on v128 operands; pcs must come in increasing order. */
        void addVectorOperand(int pc) {
            if (vectorOperands == vectorOperandPcs.length) vectorOperandPcs = Arrays.copyOf(vectorOperandPcs, vectorOperands * 2);
            vectorOperandPcs[vectorOperands++] = pc;
        }

        /** Adds the next target of the site at {@code pc}; sites must come in increasing pc order. */
        void add(int pc, int targetPc, int arity, int height) {
            if (sites == 0 || sitePcs[sites - 1] != pc) {
                if (sites == sitePcs.length) {
                    sitePcs = Arrays.copyOf(sitePcs, sites * 2);
                    siteFirst = Arrays.copyOf(siteFirst, sites * 2);
                    siteCount = Arrays.copyOf(siteCount, sites * 2);
                }
                sitePcs[sites] = pc;
                siteFirst[sites] = targets;
                siteCount[sites++] = 0;
            }
            if (targets == targetPcs.length) {
                targetPcs = Arrays.copyOf(targetPcs, targets * 2);
                arities = Arrays.copyOf(arities, targets * 2);
                heights = Arrays.copyOf(heights, targets * 2);
            }
            targetPcs[targets] = targetPc;
            arities[targets] = arity;
            heights[targets++] = height;
            siteCount[sites - 1]++;
        }

        BranchTable build(int maxStackSlots) { return new BranchTable(this, maxStackSlots); }
    }
}
