package dev.wasmrt.decoder.text;

import java.util.Arrays;

/**
 * Turns byte offsets of a source into line and column numbers (1-based, columns in characters).
 * The first line and column can be shifted, so a module embedded in a larger file (a .wast
 * script) reports positions in that file.
 */
public final class SourcePositions {
    private final byte[] src;
    private final int firstLine;
    private final int firstColumn;
    /** Offsets at which lines start; computed on first use. */
    private int[] lineStarts;

    public SourcePositions(byte[] src, int firstLine, int firstColumn) {
        this.src = src;
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
    }

    public TextFormatException error(String reason, int offset) {
        return new TextFormatException(reason, offset, line(offset), column(offset));
    }

    public int line(int offset) {
        return firstLine + lineIndex(offset);
    }

    public int column(int offset) {
        int index = lineIndex(offset);
        int column = index == 0 ? firstColumn : 1;
        for (int i = lineStarts[index]; i < offset && i < src.length; i++) {
            if ((src[i] & 0xC0) != 0x80) column++;
        }
        return column;
    }

    private int lineIndex(int offset) {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int n = 1;
            for (int i = 0; i < src.length; i++) {
                if (src[i] != '\n') continue;
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
            lineStarts = Arrays.copyOf(starts, n);
        }
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
