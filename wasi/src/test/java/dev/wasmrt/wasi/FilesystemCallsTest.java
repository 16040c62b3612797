package dev.wasmrt.wasi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Path and fd calls the guest transcripts cannot cover on node: read-only preopens and flag errors. */
class FilesystemCallsTest {
    private static final int DIR = 3;
    private static final long READ = Rights.FD_READ;
    private static final long WRITE = Rights.FD_WRITE;

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("file.txt"), "content");
    }

    private WasiHarness harness(TestEngine engine, boolean readOnly) {
        return new WasiHarness(engine, new WasiConfig().preopen("/data", dir, readOnly),
                "path_open", "iiiiiIIii", "path_create_directory", "iii", "path_unlink_file", "iii",
                "path_filestat_set_times", "iiiiIIi", "fd_prestat_dir_name", "iii", "fd_write", "iiii",
                "fd_read", "iiii", "path_rename", "iiiiii");
    }

    /** path_open of {@code path} (placed at address 1000); returns the errno, the fd lands at 0. */
    private static int open(WasiHarness h, String path, int oflags, long rights) {
        h.putString(1000, path);
        return h.call("path_open", DIR, 1, 1000, path.length(), oflags, rights, 0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aReadOnlyPreopenAllowsReadingOnly(TestEngine engine) throws IOException {
        try (WasiHarness h = harness(engine, true)) {
            assertEquals(Errno.SUCCESS, open(h, "file.txt", 0, READ));
            assertEquals(Errno.NOTCAPABLE, open(h, "file.txt", 0, READ | WRITE));
            assertEquals(Errno.NOTCAPABLE, open(h, "new.txt", WasiConstants.OFLAGS_CREAT, READ));
            assertEquals(Errno.NOTCAPABLE, open(h, "file.txt", WasiConstants.OFLAGS_TRUNC, READ));
            h.putString(1000, "made");
            assertEquals(Errno.NOTCAPABLE, h.call("path_create_directory", DIR, 1000, 4));
            h.putString(1000, "file.txt");
            assertEquals(Errno.NOTCAPABLE, h.call("path_unlink_file", DIR, 1000, 8));
            assertEquals(Errno.NOTCAPABLE, h.call("path_rename", DIR, 1000, 8, DIR, 1000, 4));
        }
        assertEquals("content", Files.readString(dir.resolve("file.txt")));
        assertFalse(Files.exists(dir.resolve("made")));
        assertFalse(Files.exists(dir.resolve("new.txt")));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void writesReachTheHostFile(TestEngine engine) throws IOException {
        try (WasiHarness h = harness(engine, false)) {
            assertEquals(Errno.SUCCESS, open(h, "out.txt", WasiConstants.OFLAGS_CREAT, WRITE));
            int fd = h.i32(0);
            h.putString(2000, "written");
            h.memory.storeI32(100, 2000);
            h.memory.storeI32(104, 7);
            assertEquals(Errno.SUCCESS, h.call("fd_write", fd, 100, 1, 200));
            assertEquals(7, h.i32(200));
            assertEquals(Errno.NOTCAPABLE, h.call("fd_read", fd, 100, 1, 200));
        }
        assertEquals("written", Files.readString(dir.resolve("out.txt")));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void settingATimeBothToAValueAndToNowIsInval(TestEngine engine) {
        try (WasiHarness h = harness(engine, false)) {
            h.putString(1000, "file.txt");
            int both = WasiConstants.FSTFLAGS_MTIM | WasiConstants.FSTFLAGS_MTIM_NOW;
            assertEquals(Errno.INVAL, h.call("path_filestat_set_times", DIR, 0, 1000, 8, 0, 5, both));
            assertEquals(Errno.INVAL, h.call("path_filestat_set_times", DIR, 0, 1000, 8, 0, 0, 16));
            assertEquals(Errno.SUCCESS, h.call("path_filestat_set_times", DIR, 0, 1000, 8, 0, 0, WasiConstants.FSTFLAGS_MTIM_NOW));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void prestatDirNameNeedsRoomForTheWholeName(TestEngine engine) {
        try (WasiHarness h = harness(engine, false)) {
            assertEquals(Errno.NOBUFS, h.call("fd_prestat_dir_name", DIR, 0, 4));
            assertEquals(Errno.SUCCESS, h.call("fd_prestat_dir_name", DIR, 0, 5));
            assertEquals("/data", h.string(0, 5));
            assertEquals(Errno.BADF, h.call("fd_prestat_dir_name", 1, 0, 5));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void pathsMustBeUtf8(TestEngine engine) {
        try (WasiHarness h = harness(engine, false)) {
            h.memory.storeI8(1000, 0xff);
            assertEquals(Errno.ILSEQ, h.call("path_open", DIR, 1, 1000, 1, 0, READ, 0, 0, 0));
        }
    }
}
