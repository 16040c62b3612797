package dev.wasmrt.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns a guest path, relative to a directory descriptor, into a host path that cannot leave
 * that directory. The guest path is never handed to the OS as it is: it is walked one component
 * at a time, each looked at without following symlinks; {@code ..} may not climb above the
 * directory, symlinks are expanded here (absolute targets refused, at most {@value #MAX_SYMLINKS}
 * expansions, as Linux), and every intermediate component must be a real directory. Only the
 * last component may be missing (for creation) or stay a symlink (for calls that act on links).
 */
final class PathResolver {
    static final int MAX_SYMLINKS = 40;

    private PathResolver() {}

    /**
     * Resolves {@code guestPath} below {@code dir}, a canonical host directory. With
     * {@code followFinal} a symlink in last position is followed too. Fails with NOTCAPABLE for
     * escapes, NOENT, NOTDIR, LOOP or INVAL as POSIX path resolution would.
     */
    static Path resolve(Path dir, String guestPath, boolean followFinal) throws WasiError {
        if (guestPath.isEmpty()) throw new WasiError(Errno.NOENT);
        if (guestPath.indexOf('\0') >= 0) throw new WasiError(Errno.INVAL);
        if (guestPath.charAt(0) == '/') throw new WasiError(Errno.NOTCAPABLE);
        boolean mustBeDirectory = guestPath.endsWith("/");
        Deque<String> pending = new ArrayDeque<>();
        pushComponents(pending, guestPath);
        List<String> walked = new ArrayList<>();
        Path current = dir;
        int expansions = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.equals(".")) continue;
            if (name.equals("..")) {
                if (walked.isEmpty()) throw new WasiError(Errno.NOTCAPABLE);
                walked.removeLast();
                current = current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            boolean last = !hasMoreNames(pending);
            BasicFileAttributes attributes = attributesOrNull(next);
            if (attributes == null) {
                if (!last) throw new WasiError(Errno.NOENT);
                return next;
            }
            if (attributes.isSymbolicLink() && (!last || followFinal || mustBeDirectory)) {
                if (++expansions > MAX_SYMLINKS) throw new WasiError(Errno.LOOP);
                String target = readLink(next);
                if (target.isEmpty()) throw new WasiError(Errno.NOENT);
                if (target.charAt(0) == '/') throw new WasiError(Errno.NOTCAPABLE);
                pushComponents(pending, target);
                continue;
            }
            if (attributes.isDirectory()) {
                walked.add(name);
                current = next;
                continue;
            }
            if (!last || mustBeDirectory) throw new WasiError(Errno.NOTDIR);
            return next;
        }
        return current;
    }

    /**
     * Checks that the directories leading to a resolved path are still the real directories the
     * resolver walked: their canonical path is the path itself. Called right before and after
     * acting on a path, it catches a component swapped for a symlink while the call ran
     * (NOTCAPABLE); the window left is the host call itself, as Java has no openat.
     */
    static void checkUnchanged(Path resolved) throws WasiError {
        Path parent = resolved.getParent();
        try {
            if (parent != null && !parent.toRealPath().equals(parent)) throw new WasiError(Errno.NOTCAPABLE);
        } catch (IOException e) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }

    /**
     * Checks that a symlink holding {@code target}, created at {@code linkPath} (relative to the
     * directory), would point inside the directory when read lexically: absolute targets are
     * refused with PERM, climbing targets with NOTCAPABLE.
     */
    static void checkSymlinkTarget(String linkPath, String target) throws WasiError {
        if (target.isEmpty()) throw new WasiError(Errno.NOENT);
        if (target.charAt(0) == '/') throw new WasiError(Errno.PERM);
        int depth = 0;
        String[] linkNames = linkPath.split("/");
        for (int i = 0; i < linkNames.length - 1; i++) depth = step(depth, linkNames[i]);
        for (String name : target.split("/")) depth = step(depth, name);
    }

    private static int step(int depth, String name) throws WasiError {
        if (name.isEmpty() || name.equals(".")) return depth;
        if (!name.equals("..")) return depth + 1;
        if (depth == 0) throw new WasiError(Errno.NOTCAPABLE);
        return depth - 1;
    }

    /** Pushes the components of {@code path} in front of what is pending, in order. */
    private static void pushComponents(Deque<String> pending, String path) {
        String[] names = path.split("/");
        for (int i = names.length - 1; i >= 0; i--) {
            if (!names[i].isEmpty()) pending.addFirst(names[i]);
        }
    }

    private static boolean hasMoreNames(Deque<String> pending) {
        for (String name : pending) if (!name.equals(".")) return true;
        return false;
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws WasiError {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new WasiError(Errno.of(e));
        }
    }

    private static String readLink(Path link) throws WasiError {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new WasiError(Errno.of(e));
        }
    }
}
