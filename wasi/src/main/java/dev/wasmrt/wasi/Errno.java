package dev.wasmrt.wasi;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.io.IOException;

/** The errno values of wasi_snapshot_preview1 (witx {@code errno}), and their mapping from host failures. */
public final class Errno {
    private Errno() {}

    public static final int SUCCESS = 0;
    public static final int TOOBIG = 1;
    public static final int ACCES = 2;
    public static final int ADDRINUSE = 3;
    public static final int AGAIN = 6;
    public static final int BADF = 8;
    public static final int BUSY = 10;
    public static final int CONNREFUSED = 14;
    public static final int CONNRESET = 15;
    public static final int EXIST = 20;
    public static final int FAULT = 21;
    public static final int FBIG = 22;
    public static final int ILSEQ = 25;
    public static final int INTR = 27;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int ISDIR = 31;
    public static final int LOOP = 32;
    public static final int MFILE = 33;
    public static final int MLINK = 34;
    public static final int NAMETOOLONG = 37;
    public static final int NOBUFS = 42;
    public static final int NOENT = 44;
    public static final int NOMEM = 48;
    public static final int NOSPC = 51;
    public static final int NOSYS = 52;
    public static final int NOTCONN = 53;
    public static final int NOTDIR = 54;
    public static final int NOTEMPTY = 55;
    public static final int NOTSOCK = 57;
    public static final int NOTSUP = 58;
    public static final int NOTTY = 59;
    public static final int OVERFLOW = 61;
    public static final int PERM = 63;
    public static final int PIPE = 64;
    public static final int ROFS = 69;
    public static final int SPIPE = 70;
    public static final int TIMEDOUT = 73;
    public static final int XDEV = 75;
    public static final int NOTCAPABLE = 76;

    /** The errno for a failed host file-system call. */
    static int of(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> NOENT;
            case FileAlreadyExistsException x -> EXIST;
            case DirectoryNotEmptyException x -> NOTEMPTY;
            case NotDirectoryException x -> NOTDIR;
            case NotLinkException x -> INVAL;
            case FileSystemLoopException x -> LOOP;
            case AccessDeniedException x -> ACCES;
            case FileSystemException x -> fromReason(x.getReason());
            default -> IO;
        };
    }

    /** The JDK reports some POSIX errors only as their strerror text. */
    private static int fromReason(String reason) {
        if (reason == null) return IO;
        return switch (reason) {
            case "Is a directory" -> ISDIR;
            case "Not a directory" -> NOTDIR;
            case "Too many levels of symbolic links" -> LOOP;
            case "Directory not empty" -> NOTEMPTY;
            case "File exists" -> EXIST;
            case "Operation not permitted" -> PERM;
            case "Permission denied" -> ACCES;
            case "Invalid argument" -> INVAL;
            case "Invalid cross-device link" -> XDEV;
            case "No space left on device" -> NOSPC;
            case "File name too long" -> NAMETOOLONG;
            case "Too many links" -> MLINK;
            case "Read-only file system" -> ROFS;
            case "File too large" -> FBIG;
            case "No such file or directory" -> NOENT;
            default -> IO;
        };
    }
}
