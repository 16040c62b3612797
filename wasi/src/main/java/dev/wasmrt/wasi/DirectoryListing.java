package dev.wasmrt.wasi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * fd_readdir: the entries ".", ".." and then the directory's names in sorted order, so a
 * cookie (the index of the next entry) stays meaningful between calls. Each entry is a 24-byte
 * dirent followed by its name; the last one is cut off when the buffer fills, as WASI specifies.
 */
final class DirectoryListing {
    private static final int DIRENT_SIZE = 24;

    private final GuestMemory memory;

    DirectoryListing(GuestMemory memory) {
        this.memory = memory;
    }

    /** Writes entries from {@code cookie} on into the buffer; returns the bytes used. */
    int write(Path dir, int buffer, int length, long cookie) throws WasiError, IOException {
        if (length < 0) throw new WasiError(Errno.INVAL);
        List<String> names = names(dir);
        int used = 0;
        byte[] dirent = new byte[DIRENT_SIZE];
        for (long index = cookie; index < names.size() && used < length; index++) {
            String name = names.get((int) index);
            Path entry = name.equals(".") ? dir : name.equals("..") ? dir.getParent() : dir.resolve(name);
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            encode(dirent, index + 1, inode(entry), nameBytes.length, filetype(entry));
            used = copy(dirent, buffer, length, used);
            used = copy(nameBytes, buffer, length, used);
        }
        return used;
    }

    private int copy(byte[] bytes, int buffer, int length, int used) {
        int n = Math.min(bytes.length, length - used);
        memory.write(buffer + used, bytes, 0, n);
        return used + n;
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) names.add(p.getFileName().toString());
        }
        names.sort(null);
        names.add(0, "..");
        names.add(0, ".");
        return names;
    }

    private static void encode(byte[] dirent, long next, long inode, int nameLength, int filetype) {
        for (int i = 0; i < 8; i++) {
            dirent[i] = (byte) (next >>> (8 * i));
            dirent[8 + i] = (byte) (inode >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) dirent[16 + i] = (byte) (nameLength >>> (8 * i));
        dirent[20] = (byte) filetype;
        dirent[21] = dirent[22] = dirent[23] = 0;
    }

    private static long inode(Path entry) {
        if (entry == null) return 0;
        try {
            Map<String, Object> unix = Files.readAttributes(entry, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            return (Long) unix.get("ino");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    private static int filetype(Path entry) {
        if (entry == null) return WasiConstants.FILETYPE_DIRECTORY;
        try {
            return FileStat.filetype(Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return WasiConstants.FILETYPE_UNKNOWN;
        }
    }
}
