package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.model.Opcodes;

/** The natural alignment of memory instructions, which the text format uses when {@code align=} is absent. */
final class MemoryAccess {
    private MemoryAccess() {}

    /** log2 of the access width in bytes of a load, store or atomic instruction. */
    static int naturalAlignmentLog2(int opcode) {
        String name = Opcodes.name(opcode);
        if (name.contains("8x8") || name.contains("16x4") || name.contains("32x2")) return 3;
        int width = explicitWidth(name);
        if (width == 0) width = name.startsWith("v128") ? 128 : name.contains("64") ? 64 : 32;
        return Integer.numberOfTrailingZeros(width / 8);
    }

    /** The bit width named after load, store, rmw or wait (as in {@code load8_s}), or 0. */
    private static int explicitWidth(String name) {
        for (String stem : new String[] {"load", "store", "rmw", "wait"}) {
            int at = name.indexOf(stem);
            if (at < 0) continue;
            int i = at + stem.length();
            int width = 0;
            while (i < name.length() && Character.isDigit(name.charAt(i))) width = width * 10 + name.charAt(i++) - '0';
            if (width != 0) return width;
        }
        return 0;
    }
}
