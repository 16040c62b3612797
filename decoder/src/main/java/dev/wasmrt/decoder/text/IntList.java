package dev.wasmrt.decoder.text;

import java.util.Arrays;

/** A growable list of ints, to hold an instruction's immediates until its operands are read. */
final class IntList {
    private int[] values = new int[8];
    private int size;

    void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    void addLong(long v) {
        add((int) v);
        add((int) (v >>> 32));
    }

    int size() { return size; }

    int get(int i) { return values[i]; }
}
