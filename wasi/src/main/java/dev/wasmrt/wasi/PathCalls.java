package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The path_* calls. Each names a path relative to a directory descriptor; {@link PathResolver}
 * confines it to that directory, and every host call below acts on the resolved path without
 * following a final symlink, so nothing the resolver did not see is ever followed.
 */
final class PathCalls {
    /** Rights that need a writable host channel. */
    private static final long WRITING = Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE | Rights.FD_DATASYNC;

    private final FdTable fds;
    private final GuestMemory memory;

    PathCalls(FdTable fds, GuestMemory memory) {
        this.fds = fds;
        this.memory = memory;
    }

    void defineIn(WasiFunctions f) {
        f.define("path_open", "iiiiiIIii", this::pathOpen);
        f.define("path_create_directory", "iii", c -> {
            Path p = resolve(c.argI32(0), Rights.PATH_CREATE_DIRECTORY, c.argI32(1), c.argI32(2), false);
            Files.createDirectory(p);
            return Errno.SUCCESS;
        });
        f.define("path_remove_directory", "iii", c -> removeDirectory(c.argI32(0), c.argI32(1), c.argI32(2)));
        f.define("path_unlink_file", "iii", c -> unlinkFile(c.argI32(0), c.argI32(1), c.argI32(2)));
        f.define("path_filestat_get", "iiiii", c -> {
            Path p = resolve(c.argI32(0), Rights.PATH_FILESTAT_GET, c.argI32(2), c.argI32(3), follows(c.argI32(1)));
            FileStat.write(memory, c.argI32(4), p);
            return Errno.SUCCESS;
        });
        f.define("path_filestat_set_times", "iiiiIIi", c -> {
            Path p = resolve(c.argI32(0), Rights.PATH_FILESTAT_SET_TIMES, c.argI32(2), c.argI32(3), follows(c.argI32(1)));
            requireExists(p);
            FileStat.setTimes(p, c.argI64(4), c.argI64(5), c.argI32(6));
            return Errno.SUCCESS;
        });
        f.define("path_readlink", "iiiiii", this::readlink);
        f.define("path_symlink", "iiiii", this::symlink);
        f.define("path_link", "iiiiiii", this::link);
        f.define("path_rename", "iiiiii", this::rename);
    }

    private static boolean follows(int lookupflags) {
        return (lookupflags & WasiConstants.LOOKUP_SYMLINK_FOLLOW) != 0;
    }

    private DirectoryDescriptor directory(int fd, long rights) throws WasiError {
        Descriptor d = fds.get(fd);
        d.require(rights);
        if (d instanceof DirectoryDescriptor dir) return dir;
        throw new WasiError(Errno.NOTDIR);
    }

    private Path resolve(int fd, long rights, int pathPointer, int pathLength, boolean follow) throws WasiError {
        DirectoryDescriptor dir = directory(fd, rights);
        return resolved(dir, memory.string(pathPointer, pathLength), follow);
    }

    /** Resolves below {@code dir} and checks the way there is still intact just before it is used. */
    private static Path resolved(DirectoryDescriptor dir, String guestPath, boolean follow) throws WasiError {
        Path p = PathResolver.resolve(dir.path, guestPath, follow);
        PathResolver.checkUnchanged(p);
        return p;
    }

    private static BasicFileAttributes attributesOrNull(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void requireExists(Path p) throws IOException, WasiError {
        if (attributesOrNull(p) == null) throw new WasiError(Errno.NOENT);
    }

    private int pathOpen(HostCall c) throws WasiError, IOException {
        DirectoryDescriptor dir = directory(c.argI32(0), Rights.PATH_OPEN);
        int oflags = c.argI32(4);
        long base = c.argI64(5);
        long inheriting = c.argI64(6);
        int fdflags = c.argI32(7);
        boolean create = (oflags & WasiConstants.OFLAGS_CREAT) != 0;
        boolean truncate = (oflags & WasiConstants.OFLAGS_TRUNC) != 0;
        boolean mustBeDirectory = (oflags & WasiConstants.OFLAGS_DIRECTORY) != 0;
        if (create) dir.require(Rights.PATH_CREATE_FILE);
        if (truncate) dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        if ((base & ~dir.rightsInheriting) != 0 || (inheriting & ~dir.rightsInheriting) != 0) throw new WasiError(Errno.NOTCAPABLE);
        if ((fdflags & ~WasiConstants.FDFLAGS_ALL) != 0) throw new WasiError(Errno.INVAL);

        String guestPath = memory.string(c.argI32(2), c.argI32(3));
        Path p = resolved(dir, guestPath, follows(c.argI32(1)));
        BasicFileAttributes existing = attributesOrNull(p);
        Descriptor opened;
        if (existing == null) {
            if (!create) throw new WasiError(Errno.NOENT);
            if (mustBeDirectory || guestPath.endsWith("/")) throw new WasiError(Errno.INVAL);
            opened = openFile(p, base, inheriting & dir.rightsInheriting, fdflags, true, truncate);
        } else if (existing.isSymbolicLink()) {
            throw new WasiError(Errno.LOOP);
        } else if (create && (oflags & WasiConstants.OFLAGS_EXCL) != 0) {
            throw new WasiError(Errno.EXIST);
        } else if (existing.isDirectory()) {
            if (truncate || (base & Rights.FD_WRITE) != 0) throw new WasiError(Errno.ISDIR);
            opened = new DirectoryDescriptor(p, null, base & Rights.DIRECTORY, inheriting & dir.rightsInheriting);
        } else {
            if (mustBeDirectory) throw new WasiError(Errno.NOTDIR);
            opened = openFile(p, base, inheriting & dir.rightsInheriting, fdflags, false, truncate);
        }
        try {
            // Opened through a directory swapped for a symlink meanwhile: refuse what was opened.
            PathResolver.checkUnchanged(p);
            memory.putI32(c.argI32(8), fds.add(opened));
        } catch (WasiError e) {
            opened.close();
            throw e;
        }
        return Errno.SUCCESS;
    }

    private static FileDescriptor openFile(Path p, long base, long inheriting, int fdflags, boolean create, boolean truncate)
            throws IOException {
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        boolean writing = (base & WRITING) != 0 || truncate;
        if ((base & Rights.FD_READ) != 0 || !writing) options.add(StandardOpenOption.READ);
        if (writing) options.add(StandardOpenOption.WRITE);
        if (truncate) options.add(StandardOpenOption.TRUNCATE_EXISTING);
        if (create) options.add(StandardOpenOption.CREATE_NEW);
        FileChannel channel = FileChannel.open(p, options);
        return new FileDescriptor(channel, p, base & Rights.FILE, inheriting, fdflags);
    }

    private int removeDirectory(int fd, int pathPointer, int pathLength) throws WasiError, IOException {
        DirectoryDescriptor dir = directory(fd, Rights.PATH_REMOVE_DIRECTORY);
        Path p = resolved(dir, memory.string(pathPointer, pathLength), false);
        if (p.equals(dir.path)) throw new WasiError(Errno.BUSY);
        BasicFileAttributes a = attributesOrNull(p);
        if (a == null) throw new WasiError(Errno.NOENT);
        if (!a.isDirectory()) throw new WasiError(Errno.NOTDIR);
        Files.delete(p);
        return Errno.SUCCESS;
    }

    private int unlinkFile(int fd, int pathPointer, int pathLength) throws WasiError, IOException {
        DirectoryDescriptor dir = directory(fd, Rights.PATH_UNLINK_FILE);
        Path p = resolved(dir, memory.string(pathPointer, pathLength), false);
        BasicFileAttributes a = attributesOrNull(p);
        if (a == null) throw new WasiError(Errno.NOENT);
        if (a.isDirectory()) throw new WasiError(Errno.ISDIR);
        Files.delete(p);
        return Errno.SUCCESS;
    }

    /** Reads a symlink's target into the buffer, cut to the buffer's size as POSIX readlink. */
    private int readlink(HostCall c) throws WasiError, IOException {
        Path p = resolve(c.argI32(0), Rights.PATH_READLINK, c.argI32(1), c.argI32(2), false);
        BasicFileAttributes a = attributesOrNull(p);
        if (a == null) throw new WasiError(Errno.NOENT);
        if (!a.isSymbolicLink()) throw new WasiError(Errno.INVAL);
        byte[] target = Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(target.length, c.argI32(4) & 0xFFFFFFFFL);
        memory.write(c.argI32(3), target, 0, n);
        memory.putI32(c.argI32(5), n);
        return Errno.SUCCESS;
    }

    private int symlink(HostCall c) throws WasiError, IOException {
        String target = memory.string(c.argI32(0), c.argI32(1));
        DirectoryDescriptor dir = directory(c.argI32(2), Rights.PATH_SYMLINK);
        String linkPath = memory.string(c.argI32(3), c.argI32(4));
        PathResolver.checkSymlinkTarget(linkPath, target);
        Path link = resolved(dir, linkPath, false);
        if (link.equals(dir.path)) throw new WasiError(Errno.EXIST);
        Files.createSymbolicLink(link, Path.of(target));
        return Errno.SUCCESS;
    }

    private int link(HostCall c) throws WasiError, IOException {
        Path source = resolve(c.argI32(0), Rights.PATH_LINK_SOURCE, c.argI32(2), c.argI32(3), follows(c.argI32(1)));
        Path target = resolve(c.argI32(4), Rights.PATH_LINK_TARGET, c.argI32(5), c.argI32(6), false);
        BasicFileAttributes a = attributesOrNull(source);
        if (a == null) throw new WasiError(Errno.NOENT);
        if (a.isDirectory()) throw new WasiError(Errno.PERM);
        if (attributesOrNull(target) != null) throw new WasiError(Errno.EXIST);
        Files.createLink(target, source);
        return Errno.SUCCESS;
    }

    private int rename(HostCall c) throws WasiError, IOException {
        DirectoryDescriptor fromDir = directory(c.argI32(0), Rights.PATH_RENAME_SOURCE);
        DirectoryDescriptor toDir = directory(c.argI32(3), Rights.PATH_RENAME_TARGET);
        Path from = resolved(fromDir, memory.string(c.argI32(1), c.argI32(2)), false);
        Path to = resolved(toDir, memory.string(c.argI32(4), c.argI32(5)), false);
        if (from.equals(fromDir.path) || to.equals(toDir.path)) throw new WasiError(Errno.BUSY);
        if (attributesOrNull(from) == null) throw new WasiError(Errno.NOENT);
        try {
            // ATOMIC_MOVE is rename(2): replaces an existing target with the POSIX rules.
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new WasiError(Errno.EXIST);
        }
        return Errno.SUCCESS;
    }
}
