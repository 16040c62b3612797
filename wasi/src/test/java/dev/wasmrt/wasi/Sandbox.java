package dev.wasmrt.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sandbox tree the WASI guests expect (guests/wasi/sandbox-template plus the symlinks
 * guests/build.sh adds), two levels below a scratch directory so escapes have somewhere to land.
 */
final class Sandbox {
    private Sandbox() {}

    /** Builds the tree under {@code scratch} and returns the sandbox directory. */
    static Path create(Path scratch) {
        try {
            Path sandbox = scratch.resolve("outer/sandbox");
            Path template = Guests.ROOT.resolve("wasi/sandbox-template");
            try (Stream<Path> files = Files.walk(template)) {
                for (Path source : files.toList()) {
                    Path target = sandbox.resolve(template.relativize(source).toString());
                    if (Files.isDirectory(source)) Files.createDirectories(target);
                    else Files.copy(source, target);
                }
            }
            link(sandbox, "abs-link", "/etc/passwd");
            link(sandbox, "escape-link", "../..");
            link(sandbox, "loop-a", "loop-b");
            link(sandbox, "loop-b", "loop-a");
            link(sandbox, "data-link", "data.txt");
            link(sandbox, "sub-link", "sub");
            link(sandbox, "dangling-link", "missing");
            link(sandbox, "create-link", "../outside-created.txt");
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path dir, String name, String target) throws IOException {
        Files.createSymbolicLink(dir.resolve(name), Path.of(target));
    }

    /** Every path under {@code scratch} outside the sandbox, with its size, for before/after comparisons. */
    static List<String> outside(Path scratch, Path sandbox) {
        try (Stream<Path> files = Files.walk(scratch)) {
            return files.filter(p -> !p.startsWith(sandbox))
                    .map(p -> scratch.relativize(p) + " " + size(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
