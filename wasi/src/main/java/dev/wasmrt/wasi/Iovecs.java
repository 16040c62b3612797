package dev.wasmrt.wasi;

/**
 * Guest I/O vectors: arrays of (pointer, length) pairs, 8 bytes each. Data goes through the
 * memory's scratch buffer in one piece, so a call does a single host read or write.
 */
final class Iovecs {
    /** A call moving more than this at once is INVAL, keeping the scratch buffer bounded. */
    static final int MAX_TOTAL = 1 << 30;

    private Iovecs() {}

    static int totalLength(GuestMemory memory, int iovs, int count) throws WasiError {
        if (count < 0 || count > 1024) throw new WasiError(Errno.INVAL);
        long total = 0;
        for (int i = 0; i < count; i++) total += memory.i32(iovs + 8 * i + 4) & 0xFFFFFFFFL;
        if (total > MAX_TOTAL) throw new WasiError(Errno.INVAL);
        return (int) total;
    }

    /** Copies the bytes the vectors describe into the scratch buffer and returns it. */
    static byte[] gather(GuestMemory memory, int iovs, int count) throws WasiError {
        byte[] buffer = memory.scratch(totalLength(memory, iovs, count));
        int at = 0;
        for (int i = 0; i < count; i++) {
            int pointer = memory.i32(iovs + 8 * i);
            int length = memory.i32(iovs + 8 * i + 4);
            memory.read(pointer, buffer, at, length);
            at += length;
        }
        return buffer;
    }

    /** Copies the first {@code n} bytes of {@code data} into the vectors, in order. */
    static void scatter(GuestMemory memory, int iovs, int count, byte[] data, int n) {
        int at = 0;
        for (int i = 0; i < count && at < n; i++) {
            int pointer = memory.i32(iovs + 8 * i);
            int length = Math.min(memory.i32(iovs + 8 * i + 4), n - at);
            memory.write(pointer, data, at, length);
            at += length;
        }
    }

}
