package dev.wasmrt.wasi;

/** The small enumerations and flag sets of wasi_snapshot_preview1, by their witx names. */
final class WasiConstants {
    private WasiConstants() {}

    // filetype
    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SOCKET_STREAM = 6;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    // fdflags
    static final int FDFLAGS_APPEND = 1;
    static final int FDFLAGS_DSYNC = 2;
    static final int FDFLAGS_NONBLOCK = 4;
    static final int FDFLAGS_RSYNC = 8;
    static final int FDFLAGS_SYNC = 16;
    static final int FDFLAGS_ALL = 31;

    // oflags
    static final int OFLAGS_CREAT = 1;
    static final int OFLAGS_DIRECTORY = 2;
    static final int OFLAGS_EXCL = 4;
    static final int OFLAGS_TRUNC = 8;

    // lookupflags
    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags
    static final int FSTFLAGS_ATIM = 1;
    static final int FSTFLAGS_ATIM_NOW = 2;
    static final int FSTFLAGS_MTIM = 4;
    static final int FSTFLAGS_MTIM_NOW = 8;

    // whence
    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    // clockid
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    // eventtype and subclockflags
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCK_ABSTIME = 1;

    // riflags, sdflags
    static final int RIFLAGS_RECV_PEEK = 1;
    static final int RIFLAGS_RECV_WAITALL = 2;
    static final int SDFLAGS_RD = 1;
    static final int SDFLAGS_WR = 2;

    static final int PREOPENTYPE_DIR = 0;
    static final int ADVICE_MAX = 5;
}
