package dev.wasmrt.wasi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sandboxed path resolver on a real directory tree, without any engine. */
class PathResolverTest {
    @TempDir
    Path scratch;
    Path root;

    @BeforeEach
    void tree() throws IOException {
        root = scratch.resolve("root");
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.writeString(root.resolve("file.txt"), "x");
        Files.writeString(scratch.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("to-file"), Path.of("file.txt"));
        Files.createSymbolicLink(root.resolve("to-sub"), Path.of("sub"));
        Files.createSymbolicLink(root.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("sub/up-up"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("absolute"), scratch.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("self"), Path.of("self"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("nothing-here"));
        root = root.toRealPath();
    }

    private static int errno(Executable e) {
        return assertThrows(WasiError.class, e::run).errno;
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws WasiError;
    }

    @ParameterizedTest
    @CsvSource({
        "file.txt, file.txt",
        "./file.txt, file.txt",
        "sub/../file.txt, file.txt",
        "sub/deeper/../../file.txt, file.txt",
        "to-file, file.txt",
        "to-sub/deeper, sub/deeper",
        "to-sub/../file.txt, file.txt",
        "sub/up/file.txt, file.txt",
        "dangling, nothing-here",
        "new-name, new-name",
        "sub/new-name, sub/new-name",
    })
    void resolvesInsideTheRoot(String guestPath, String expected) throws WasiError {
        assertEquals(root.resolve(expected), PathResolver.resolve(root, guestPath, true));
    }

    @Test
    void theRootItselfIsReachable() throws WasiError {
        assertEquals(root, PathResolver.resolve(root, ".", true));
        assertEquals(root, PathResolver.resolve(root, "sub/..", true));
        assertEquals(root, PathResolver.resolve(root, "to-sub/up", true));
    }

    @Test
    void aFinalSymlinkStaysALinkWithoutFollow() throws WasiError {
        assertEquals(root.resolve("to-file"), PathResolver.resolve(root, "to-file", false));
        assertEquals(root.resolve("absolute"), PathResolver.resolve(root, "absolute", false));
        assertEquals(root.resolve("sub/up-up"), PathResolver.resolve(root, "sub/up-up", false));
    }

    @ParameterizedTest
    @CsvSource({
        "..", "../root/file.txt", "sub/../..", "sub/deeper/../../../secret.txt", "to-sub/../../secret.txt",
        "/etc/passwd", "absolute", "sub/up-up", "sub/up-up/secret.txt", "sub/up/sub/up/..",
    })
    void everyEscapeIsNotCapable(String guestPath) {
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.resolve(root, guestPath, true)));
    }

    @Test
    void intermediateSymlinksAreFollowedEvenWithoutFollow() {
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.resolve(root, "absolute/x", false)));
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.resolve(root, "sub/up-up/x", false)));
    }

    @Test
    void symlinkLoopsAreLoop() {
        assertEquals(Errno.LOOP, errno(() -> PathResolver.resolve(root, "self", true)));
        assertEquals(Errno.LOOP, errno(() -> PathResolver.resolve(root, "self/x", false)));
    }

    @Test
    void aChainOfFortySymlinksResolvesButFortyOneIsALoop() throws IOException, WasiError {
        for (int i = 1; i <= PathResolver.MAX_SYMLINKS + 1; i++) {
            Files.createSymbolicLink(root.resolve("chain" + i), Path.of(i == 1 ? "file.txt" : "chain" + (i - 1)));
        }
        assertEquals(root.resolve("file.txt"), PathResolver.resolve(root, "chain" + PathResolver.MAX_SYMLINKS, true));
        assertEquals(Errno.LOOP, errno(() -> PathResolver.resolve(root, "chain" + (PathResolver.MAX_SYMLINKS + 1), true)));
    }

    @Test
    void posixErrorsForMissingAndNonDirectoryComponents() {
        assertEquals(Errno.NOENT, errno(() -> PathResolver.resolve(root, "", true)));
        assertEquals(Errno.NOENT, errno(() -> PathResolver.resolve(root, "missing/x", true)));
        assertEquals(Errno.NOENT, errno(() -> PathResolver.resolve(root, "missing/..", true)));
        assertEquals(Errno.NOENT, errno(() -> PathResolver.resolve(root, "dangling/x", true)));
        assertEquals(Errno.NOTDIR, errno(() -> PathResolver.resolve(root, "file.txt/x", true)));
        assertEquals(Errno.NOTDIR, errno(() -> PathResolver.resolve(root, "file.txt/", true)));
        assertEquals(Errno.NOTDIR, errno(() -> PathResolver.resolve(root, "to-file/", false)));
        assertEquals(Errno.INVAL, errno(() -> PathResolver.resolve(root, "file\0.txt", true)));
    }

    @Test
    void aSubdirectoryDescriptorIsItsOwnBoundary() throws WasiError {
        Path sub = root.resolve("sub");
        assertEquals(sub.resolve("deeper"), PathResolver.resolve(sub, "deeper", true));
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.resolve(sub, "../file.txt", true)));
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.resolve(sub, "up", true)));
    }

    @Test
    void aDirectoryReplacedBySymlinkAfterOneResolutionIsSeenByTheNext() throws IOException, WasiError {
        assertEquals(root.resolve("sub/deeper"), PathResolver.resolve(root, "sub/deeper", true));
        Files.delete(root.resolve("sub/deeper"));
        Files.createSymbolicLink(root.resolve("sub/deeper"), scratch);
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.resolve(root, "sub/deeper/secret.txt", true)));
    }

    @Test
    void aComponentSwappedAfterResolutionIsCaughtByTheCheck() throws IOException, WasiError {
        Path resolved = PathResolver.resolve(root, "sub/deeper/new.txt", true);
        assertDoesNotThrow(() -> PathResolver.checkUnchanged(resolved));
        Files.createDirectories(scratch.resolve("elsewhere/deeper"));
        Files.move(root.resolve("sub"), root.resolve("sub-moved"));
        Files.createSymbolicLink(root.resolve("sub"), scratch.resolve("elsewhere"));
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.checkUnchanged(resolved)));
    }

    @ParameterizedTest
    @CsvSource({"link, target", "link, sub/../target", "sub/link, ../target", "a/b/link, ../../x"})
    void symlinkTargetsThatStayInsideAreAccepted(String linkPath, String target) {
        assertDoesNotThrow(() -> PathResolver.checkSymlinkTarget(linkPath, target));
    }

    @Test
    void symlinkTargetsThatLeaveAreRefused() {
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.checkSymlinkTarget("link", "../x")));
        assertEquals(Errno.NOTCAPABLE, errno(() -> PathResolver.checkSymlinkTarget("sub/link", "../../x")));
        assertEquals(Errno.PERM, errno(() -> PathResolver.checkSymlinkTarget("link", "/etc/passwd")));
    }
}
