package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** The fd_* calls: reading, writing, seeking, descriptor state and file metadata. */
final class FdCalls {
    private static final int FDSTAT_SIZE = 24;

    private final FdTable fds;
    private final GuestMemory memory;
    private final DirectoryListing listing;

    FdCalls(FdTable fds, GuestMemory memory) {
        this.fds = fds;
        this.memory = memory;
        this.listing = new DirectoryListing(memory);
    }

    void defineIn(WasiFunctions f) {
        f.define("fd_read", "iiii", c -> fdRead(c.argI32(0), c.argI32(1), c.argI32(2), c.argI32(3)));
        f.define("fd_pread", "iiiIi", c -> fdPread(c.argI32(0), c.argI32(1), c.argI32(2), c.argI64(3), c.argI32(4)));
        f.define("fd_write", "iiii", c -> fdWrite(c.argI32(0), c.argI32(1), c.argI32(2), c.argI32(3)));
        f.define("fd_pwrite", "iiiIi", c -> fdPwrite(c.argI32(0), c.argI32(1), c.argI32(2), c.argI64(3), c.argI32(4)));
        f.define("fd_seek", "iIii", c -> fdSeek(c.argI32(0), c.argI64(1), c.argI32(2), c.argI32(3)));
        f.define("fd_tell", "ii", c -> fdTell(c.argI32(0), c.argI32(1)));
        f.define("fd_close", "i", c -> {
            fds.close(c.argI32(0));
            return Errno.SUCCESS;
        });
        f.define("fd_renumber", "ii", c -> {
            fds.renumber(c.argI32(0), c.argI32(1));
            return Errno.SUCCESS;
        });
        f.define("fd_sync", "i", c -> sync(c.argI32(0), Rights.FD_SYNC, true));
        f.define("fd_datasync", "i", c -> sync(c.argI32(0), Rights.FD_DATASYNC, false));
        f.define("fd_advise", "iIIi", this::fdAdvise);
        f.define("fd_allocate", "iII", c -> fdAllocate(c.argI32(0), c.argI64(1), c.argI64(2)));
        f.define("fd_fdstat_get", "ii", c -> fdstatGet(c.argI32(0), c.argI32(1)));
        f.define("fd_fdstat_set_flags", "ii", c -> fdstatSetFlags(c.argI32(0), c.argI32(1)));
        f.define("fd_fdstat_set_rights", "iII", c -> fdstatSetRights(c.argI32(0), c.argI64(1), c.argI64(2)));
        f.define("fd_filestat_get", "ii", c -> filestatGet(c.argI32(0), c.argI32(1)));
        f.define("fd_filestat_set_size", "iI", c -> filestatSetSize(c.argI32(0), c.argI64(1)));
        f.define("fd_filestat_set_times", "iIIi", this::filestatSetTimes);
        f.define("fd_prestat_get", "ii", c -> prestatGet(c.argI32(0), c.argI32(1)));
        f.define("fd_prestat_dir_name", "iii", c -> prestatDirName(c.argI32(0), c.argI32(1), c.argI32(2)));
        f.define("fd_readdir", "iiiIi", c -> {
            DirectoryDescriptor dir = directory(c.argI32(0), Rights.FD_READDIR);
            memory.putI32(c.argI32(4), listing.write(dir.path, c.argI32(1), c.argI32(2), c.argI64(3)));
            return Errno.SUCCESS;
        });
    }

    private int fdRead(int fd, int iovs, int iovCount, int nreadPointer) throws WasiError, IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_READ);
        int capacity = Iovecs.totalLength(memory, iovs, iovCount);
        byte[] buffer = memory.scratch(capacity);
        int n = switch (d) {
            case StreamDescriptor s -> capacity == 0 ? 0 : Math.max(0, s.in.read(buffer, 0, capacity));
            case FileDescriptor f -> readFully(f.channel, ByteBuffer.wrap(buffer, 0, capacity), -1);
            case SocketDescriptor s -> SocketCalls.receive(s, buffer, capacity, false, false);
            case DirectoryDescriptor x -> throw new WasiError(Errno.ISDIR);
        };
        Iovecs.scatter(memory, iovs, iovCount, buffer, n);
        memory.putI32(nreadPointer, n);
        return Errno.SUCCESS;
    }

    private int fdPread(int fd, int iovs, int iovCount, long offset, int nreadPointer) throws WasiError, IOException {
        FileDescriptor f = file(fd, Rights.FD_READ | Rights.FD_SEEK);
        if (offset < 0) throw new WasiError(Errno.INVAL);
        int capacity = Iovecs.totalLength(memory, iovs, iovCount);
        byte[] buffer = memory.scratch(capacity);
        int n = readFully(f.channel, ByteBuffer.wrap(buffer, 0, capacity), offset);
        Iovecs.scatter(memory, iovs, iovCount, buffer, n);
        memory.putI32(nreadPointer, n);
        return Errno.SUCCESS;
    }

    /** Reads until the buffer is full or the file ends; at {@code offset}, or the position when negative. */
    private static int readFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = offset < 0 ? channel.read(buffer) : channel.read(buffer, offset + total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    private int fdWrite(int fd, int iovs, int iovCount, int nwrittenPointer) throws WasiError, IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_WRITE);
        byte[] data = Iovecs.gather(memory, iovs, iovCount);
        int length = Iovecs.totalLength(memory, iovs, iovCount);
        int n = switch (d) {
            case StreamDescriptor s -> {
                s.out.write(data, 0, length);
                s.out.flush();
                yield length;
            }
            case FileDescriptor f -> {
                if ((f.fdflags & WasiConstants.FDFLAGS_APPEND) != 0) f.channel.position(f.channel.size());
                writeFully(f.channel, ByteBuffer.wrap(data, 0, length), -1);
                syncIfAsked(f);
                yield length;
            }
            case SocketDescriptor s -> SocketCalls.send(s, data, length);
            case DirectoryDescriptor x -> throw new WasiError(Errno.ISDIR);
        };
        memory.putI32(nwrittenPointer, n);
        return Errno.SUCCESS;
    }

    private int fdPwrite(int fd, int iovs, int iovCount, long offset, int nwrittenPointer) throws WasiError, IOException {
        FileDescriptor f = file(fd, Rights.FD_WRITE | Rights.FD_SEEK);
        if (offset < 0) throw new WasiError(Errno.INVAL);
        byte[] data = Iovecs.gather(memory, iovs, iovCount);
        int length = Iovecs.totalLength(memory, iovs, iovCount);
        writeFully(f.channel, ByteBuffer.wrap(data, 0, length), offset);
        syncIfAsked(f);
        memory.putI32(nwrittenPointer, length);
        return Errno.SUCCESS;
    }

    private static void writeFully(FileChannel channel, ByteBuffer data, long offset) throws IOException {
        long at = offset;
        while (data.hasRemaining()) {
            int n = at < 0 ? channel.write(data) : channel.write(data, at);
            if (at >= 0) at += n;
        }
    }

    private static void syncIfAsked(FileDescriptor f) throws IOException {
        int syncFlags = WasiConstants.FDFLAGS_DSYNC | WasiConstants.FDFLAGS_SYNC | WasiConstants.FDFLAGS_RSYNC;
        if ((f.fdflags & syncFlags) != 0) f.channel.force((f.fdflags & WasiConstants.FDFLAGS_SYNC) != 0);
    }

    private int fdSeek(int fd, long offset, int whence, int newOffsetPointer) throws WasiError, IOException {
        Descriptor d = fds.get(fd);
        // Asking where the position is, without moving it, needs only fd_tell (as in wasi-libc).
        d.require(whence == WasiConstants.WHENCE_CUR && offset == 0 ? Rights.FD_TELL : Rights.FD_SEEK);
        if (!(d instanceof FileDescriptor f)) throw new WasiError(d instanceof DirectoryDescriptor ? Errno.BADF : Errno.SPIPE);
        long base = switch (whence) {
            case WasiConstants.WHENCE_SET -> 0;
            case WasiConstants.WHENCE_CUR -> f.channel.position();
            case WasiConstants.WHENCE_END -> f.channel.size();
            default -> throw new WasiError(Errno.INVAL);
        };
        long target = base + offset;
        if (target < 0 || (offset > 0 && target < base)) throw new WasiError(Errno.INVAL);
        f.channel.position(target);
        memory.putI64(newOffsetPointer, target);
        return Errno.SUCCESS;
    }

    private int fdTell(int fd, int offsetPointer) throws WasiError, IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_TELL);
        if (!(d instanceof FileDescriptor f)) throw new WasiError(Errno.SPIPE);
        memory.putI64(offsetPointer, f.channel.position());
        return Errno.SUCCESS;
    }

    private int sync(int fd, long right, boolean metadata) throws WasiError, IOException {
        Descriptor d = fds.get(fd);
        d.require(right);
        if (d instanceof FileDescriptor f) f.channel.force(metadata);
        return Errno.SUCCESS;
    }

    /** Advice is a hint the JDK has no call for; it is checked and then has no effect. */
    private int fdAdvise(HostCall c) throws WasiError {
        Descriptor d = fds.get(c.argI32(0));
        d.require(Rights.FD_ADVISE);
        int advice = c.argI32(3);
        if (advice < 0 || advice > WasiConstants.ADVICE_MAX || c.argI64(1) < 0 || c.argI64(2) < 0) throw new WasiError(Errno.INVAL);
        if (d instanceof DirectoryDescriptor) throw new WasiError(Errno.BADF);
        if (!(d instanceof FileDescriptor)) throw new WasiError(Errno.SPIPE);
        return Errno.SUCCESS;
    }

    private int fdAllocate(int fd, long offset, long length) throws WasiError, IOException {
        FileDescriptor f = file(fd, Rights.FD_ALLOCATE);
        if (offset < 0 || length <= 0 || offset + length < 0) throw new WasiError(Errno.INVAL);
        extendTo(f.channel, offset + length);
        return Errno.SUCCESS;
    }

    /** Grows the file to {@code size} bytes (zeros), leaving the position alone. */
    private static void extendTo(FileChannel channel, long size) throws IOException {
        if (channel.size() < size) channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
    }

    private int fdstatGet(int fd, int pointer) throws WasiError {
        Descriptor d = fds.get(fd);
        memory.zero(pointer, FDSTAT_SIZE);
        memory.putI8(pointer, d.filetype());
        memory.putI16(pointer + 2, d.fdflags);
        memory.putI64(pointer + 8, d.rightsBase);
        memory.putI64(pointer + 16, d.rightsInheriting);
        return Errno.SUCCESS;
    }

    private int fdstatSetFlags(int fd, int flags) throws WasiError, IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~WasiConstants.FDFLAGS_ALL) != 0) throw new WasiError(Errno.INVAL);
        if (d instanceof SocketDescriptor s) SocketCalls.setNonBlocking(s, (flags & WasiConstants.FDFLAGS_NONBLOCK) != 0);
        d.fdflags = flags;
        return Errno.SUCCESS;
    }

    /** Rights can only be dropped, never gained. */
    private int fdstatSetRights(int fd, long base, long inheriting) throws WasiError {
        Descriptor d = fds.get(fd);
        if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) throw new WasiError(Errno.NOTCAPABLE);
        d.rightsBase = base;
        d.rightsInheriting = inheriting;
        return Errno.SUCCESS;
    }

    private int filestatGet(int fd, int pointer) throws WasiError, IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FILESTAT_GET);
        switch (d) {
            case FileDescriptor f -> {
                try {
                    FileStat.write(memory, pointer, f.path);
                    memory.putI64(pointer + 32, f.channel.size());
                } catch (IOException gone) {
                    // Unlinked or moved since it was opened: what the open channel still knows.
                    FileStat.write(memory, pointer, 0, 0, WasiConstants.FILETYPE_REGULAR_FILE, 0, f.channel.size(), 0, 0, 0);
                }
            }
            case DirectoryDescriptor dir -> FileStat.write(memory, pointer, dir.path);
            default -> FileStat.write(memory, pointer, 0, 0, d.filetype(), 1, 0, 0, 0, 0);
        }
        return Errno.SUCCESS;
    }

    private int filestatSetSize(int fd, long size) throws WasiError, IOException {
        FileDescriptor f = file(fd, Rights.FD_FILESTAT_SET_SIZE);
        if (size < 0) throw new WasiError(Errno.INVAL);
        if (size < f.channel.size()) {
            long position = f.channel.position();
            f.channel.truncate(size);
            f.channel.position(position);
        } else {
            extendTo(f.channel, size);
        }
        return Errno.SUCCESS;
    }

    private int filestatSetTimes(HostCall c) throws WasiError, IOException {
        Descriptor d = fds.get(c.argI32(0));
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        switch (d) {
            case FileDescriptor f -> FileStat.setTimes(f.path, c.argI64(1), c.argI64(2), c.argI32(3));
            case DirectoryDescriptor dir -> FileStat.setTimes(dir.path, c.argI64(1), c.argI64(2), c.argI32(3));
            default -> throw new WasiError(Errno.BADF);
        }
        return Errno.SUCCESS;
    }

    private int prestatGet(int fd, int pointer) throws WasiError {
        DirectoryDescriptor dir = preopen(fd);
        memory.putI32(pointer, WasiConstants.PREOPENTYPE_DIR);
        memory.putI32(pointer + 4, dir.preopenName.getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    private int prestatDirName(int fd, int pointer, int length) throws WasiError {
        byte[] name = preopen(fd).preopenName.getBytes(StandardCharsets.UTF_8);
        if (Integer.compareUnsigned(length, name.length) < 0) throw new WasiError(Errno.NOBUFS);
        memory.write(pointer, name, 0, name.length);
        return Errno.SUCCESS;
    }

    private DirectoryDescriptor preopen(int fd) throws WasiError {
        if (fds.get(fd) instanceof DirectoryDescriptor dir && dir.preopenName != null) return dir;
        throw new WasiError(Errno.BADF);
    }

    private FileDescriptor file(int fd, long rights) throws WasiError {
        Descriptor d = fds.get(fd);
        d.require(rights);
        return switch (d) {
            case FileDescriptor f -> f;
            case DirectoryDescriptor x -> throw new WasiError(Errno.ISDIR);
            default -> throw new WasiError(Errno.SPIPE);
        };
    }

    private DirectoryDescriptor directory(int fd, long rights) throws WasiError {
        Descriptor d = fds.get(fd);
        d.require(rights);
        if (d instanceof DirectoryDescriptor dir) return dir;
        throw new WasiError(Errno.NOTDIR);
    }
}
