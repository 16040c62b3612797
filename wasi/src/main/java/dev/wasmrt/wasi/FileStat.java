package dev.wasmrt.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reads and writes the witx {@code filestat} record (64 bytes) and sets file times. */
final class FileStat {
    static final int SIZE = 64;

    private FileStat() {}

    /** Writes the filestat of {@code path} (not following a final symlink) at {@code pointer}. */
    static void write(GuestMemory memory, int pointer, Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long dev = 0, ino = 0, nlink = 1;
        long ctim = nanos(a.lastModifiedTime());
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:dev,ino,nlink,ctime", LinkOption.NOFOLLOW_LINKS);
            dev = (Long) unix.get("dev");
            ino = (Long) unix.get("ino");
            nlink = ((Integer) unix.get("nlink")).longValue();
            ctim = nanos((FileTime) unix.get("ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Not a Unix file system: WASI allows zero device and inode numbers.
        }
        write(memory, pointer, dev, ino, filetype(a), nlink, a.size(), nanos(a.lastAccessTime()), nanos(a.lastModifiedTime()), ctim);
    }

    static void write(GuestMemory memory, int pointer, long dev, long ino, int filetype, long nlink, long size,
                      long atim, long mtim, long ctim) {
        memory.zero(pointer, SIZE);
        memory.putI64(pointer, dev);
        memory.putI64(pointer + 8, ino);
        memory.putI8(pointer + 16, filetype);
        memory.putI64(pointer + 24, nlink);
        memory.putI64(pointer + 32, size);
        memory.putI64(pointer + 40, atim);
        memory.putI64(pointer + 48, mtim);
        memory.putI64(pointer + 56, ctim);
    }

    static int filetype(BasicFileAttributes a) {
        if (a.isSymbolicLink()) return WasiConstants.FILETYPE_SYMBOLIC_LINK;
        if (a.isDirectory()) return WasiConstants.FILETYPE_DIRECTORY;
        if (a.isRegularFile()) return WasiConstants.FILETYPE_REGULAR_FILE;
        return WasiConstants.FILETYPE_UNKNOWN;
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /**
     * Sets access and modification times per {@code fstflags}: each either to the given
     * nanoseconds, to now, or unchanged. Asking for both a value and now is INVAL.
     */
    static void setTimes(Path path, long atim, long mtim, int fstflags) throws WasiError, IOException {
        boolean atimNow = (fstflags & WasiConstants.FSTFLAGS_ATIM_NOW) != 0;
        boolean mtimNow = (fstflags & WasiConstants.FSTFLAGS_MTIM_NOW) != 0;
        boolean atimSet = (fstflags & WasiConstants.FSTFLAGS_ATIM) != 0;
        boolean mtimSet = (fstflags & WasiConstants.FSTFLAGS_MTIM) != 0;
        if ((atimNow && atimSet) || (mtimNow && mtimSet) || (fstflags & ~15) != 0) throw new WasiError(Errno.INVAL);
        FileTime now = FileTime.from(Clocks.realtimeNanos(), TimeUnit.NANOSECONDS);
        FileTime access = atimNow ? now : atimSet ? FileTime.from(atim, TimeUnit.NANOSECONDS) : null;
        FileTime modified = mtimNow ? now : mtimSet ? FileTime.from(mtim, TimeUnit.NANOSECONDS) : null;
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(modified, access, null);
    }
}
