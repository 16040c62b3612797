package dev.wasmrt.wasi;

import java.io.IOException;
import java.util.Arrays;

/** The guest's descriptor numbers: new descriptors take the lowest free number, as POSIX. */
final class FdTable {
    /** More open descriptors than this is MFILE, so a guest cannot exhaust host memory with them. */
    static final int MAX_DESCRIPTORS = 4096;

    private Descriptor[] entries = new Descriptor[16];

    Descriptor get(int fd) throws WasiError {
        if (fd < 0 || fd >= entries.length || entries[fd] == null) throw new WasiError(Errno.BADF);
        return entries[fd];
    }

    int add(Descriptor d) throws WasiError {
        for (int fd = 0; fd < entries.length; fd++) {
            if (entries[fd] == null) {
                entries[fd] = d;
                return fd;
            }
        }
        if (entries.length >= MAX_DESCRIPTORS) throw new WasiError(Errno.MFILE);
        int fd = entries.length;
        entries = Arrays.copyOf(entries, entries.length * 2);
        entries[fd] = d;
        return fd;
    }

    void close(int fd) throws WasiError, IOException {
        Descriptor d = get(fd);
        entries[fd] = null;
        d.close();
    }

    /** Moves descriptor {@code from} onto number {@code to}, closing what {@code to} held. */
    void renumber(int from, int to) throws WasiError, IOException {
        Descriptor moving = get(from);
        Descriptor replaced = get(to);
        if (from == to) return;
        entries[to] = moving;
        entries[from] = null;
        replaced.close();
    }

    /** Closes every descriptor; the first failure is reported after all were tried. */
    void closeAll() throws IOException {
        IOException first = null;
        for (int fd = 0; fd < entries.length; fd++) {
            if (entries[fd] == null) continue;
            try {
                entries[fd].close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
            entries[fd] = null;
        }
        if (first != null) throw first;
    }
}
