package dev.wasmrt.wasi;

/**
 * Guest I/O vectors: arrays of (pointer, length) pairs, 8 bytes each. Data goes through the
 * memory's scratch buffer in one piece, so a call does a single host read or write. One call
 * moves at most {@value #MAX_TRANSFER} bytes (a short read or write, as POSIX allows), so a
 * guest cannot make the host allocate more than that.
 */
final class Iovecs {
    static final int MAX_TRANSFER = 16 << 20;
    private static final int MAX_VECTORS = 1024;

    private Iovecs() {}

    /** The bytes one call moves: the vectors' total length, up to {@link #MAX_TRANSFER}. */
    static int totalLength(GuestMemory memory, int iovs, int count) throws WasiError {
        if (count < 0 || count > MAX_VECTORS) throw new WasiError(Errno.INVAL);
        long total = 0;
        for (int i = 0; i < count; i++) total += memory.i32(iovs + 8 * i + 4) & 0xFFFFFFFFL;
        return (int) Math.min(total, MAX_TRANSFER);
    }

    /** Copies the bytes the vectors describe (up to the transfer limit) into the scratch buffer and returns it. */
    static byte[] gather(GuestMemory memory, int iovs, int count) throws WasiError {
        int total = totalLength(memory, iovs, count);
        byte[] buffer = memory.scratch(total);
        int at = 0;
        for (int i = 0; i < count && at < total; i++) {
            int pointer = memory.i32(iovs + 8 * i);
            int length = (int) Math.min(memory.i32(iovs + 8 * i + 4) & 0xFFFFFFFFL, total - at);
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
