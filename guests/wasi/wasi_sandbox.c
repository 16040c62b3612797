/*
 * Sandbox-escape attempts against the /sandbox preopen. The sandbox holds these symlinks
 * (made by build.sh and by the Java tests): abs-link -> /etc/passwd, escape-link -> ../..,
 * loop-a <-> loop-b, data-link -> data.txt, sub-link -> sub, dangling-link -> missing,
 * create-link -> ../outside-created.txt.
 * Every escape must fail; paths that stay inside must work.
 */
#include <stdint.h>
#include <string.h>
#include "transcript.h"

#define READ_RIGHTS (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_FILESTAT_GET)
#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW

static void try_open(__wasi_fd_t dir, __wasi_lookupflags_t lookup, const char *path, __wasi_oflags_t oflags) {
    char label[128];
    snprintf(label, sizeof label, "path_open %s%s%s", path, lookup & FOLLOW ? "" : " nofollow",
             oflags & __WASI_OFLAGS_CREAT ? " create" : "");
    __wasi_fd_t fd;
    __wasi_rights_t rights = READ_RIGHTS | (oflags & __WASI_OFLAGS_CREAT ? __WASI_RIGHTS_FD_WRITE : 0);
    if (report(label, __wasi_path_open(dir, lookup, path, oflags, rights, 0, 0, &fd)) == 0) {
        char buf[16] = {0};
        __wasi_iovec_t iov = {(uint8_t *) buf, sizeof buf - 1};
        __wasi_size_t n = 0;
        if (__wasi_fd_read(fd, &iov, 1, &n) == 0) printf("  read \"%.*s\"\n", (int) strcspn(buf, "\n"), buf);
        (void) __wasi_fd_close(fd);
    }
}

static void try_stat(__wasi_lookupflags_t lookup, const char *path) {
    char label[128];
    snprintf(label, sizeof label, "path_filestat_get %s%s", path, lookup & FOLLOW ? " follow" : "");
    __wasi_filestat_t st;
    if (report(label, __wasi_path_filestat_get(SANDBOX_FD, lookup, path, &st)) == 0)
        printf("  %s\n", filetype_name(st.filetype));
}

static void escapes_by_dot_dot(void) {
    try_open(SANDBOX_FD, FOLLOW, "data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "./sub/./inner.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "sub/../data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "sub/deeper/../../data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "..", 0);
    try_open(SANDBOX_FD, FOLLOW, "../sandbox/data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "sub/../../sandbox/data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "/etc/passwd", 0);
    try_open(SANDBOX_FD, FOLLOW, "/sandbox/data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "", 0);
    try_stat(0, "..");
    try_stat(0, "sub/../..");
}

static void escapes_by_symlink(void) {
    try_open(SANDBOX_FD, FOLLOW, "data-link", 0);
    try_open(SANDBOX_FD, 0, "data-link", 0);
    try_open(SANDBOX_FD, FOLLOW, "sub-link/inner.txt", 0);
    try_open(SANDBOX_FD, 0, "sub-link/inner.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "sub-link/../data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "sub-link/../../data.txt", 0);
    try_open(SANDBOX_FD, FOLLOW, "abs-link", 0);
    try_open(SANDBOX_FD, FOLLOW, "escape-link", 0);
    try_open(SANDBOX_FD, FOLLOW, "escape-link/etc/passwd", 0);
    try_open(SANDBOX_FD, FOLLOW, "loop-a", 0);
    try_open(SANDBOX_FD, FOLLOW, "loop-a/x", 0);
    try_open(SANDBOX_FD, FOLLOW, "dangling-link", 0);
    try_stat(0, "abs-link");
    try_stat(FOLLOW, "abs-link");
    try_stat(FOLLOW, "escape-link");
    try_stat(FOLLOW, "loop-b");
    try_stat(0, "loop-b");
    try_stat(FOLLOW, "sub-link");

    char target[64];
    __wasi_size_t used = 0;
    report("path_readlink abs-link", __wasi_path_readlink(SANDBOX_FD, "abs-link", (uint8_t *) target, sizeof target, &used));
    printf("  \"%.*s\"\n", (int) used, target);
    report("path_readlink escape-link/x", __wasi_path_readlink(SANDBOX_FD, "escape-link/x", (uint8_t *) target, sizeof target, &used));
}

/* Creating, renaming, linking or removing anything outside the sandbox must fail. */
static void escapes_by_modification(void) {
    report("path_create_directory ../outside-dir", __wasi_path_create_directory(SANDBOX_FD, "../outside-dir"));
    report("path_create_directory escape-link/outside-dir", __wasi_path_create_directory(SANDBOX_FD, "escape-link/outside-dir"));
    report("path_rename data.txt -> ../stolen.txt", __wasi_path_rename(SANDBOX_FD, "data.txt", SANDBOX_FD, "../stolen.txt"));
    report("path_rename data.txt -> escape-link/stolen.txt",
           __wasi_path_rename(SANDBOX_FD, "data.txt", SANDBOX_FD, "escape-link/stolen.txt"));
    report("path_link data.txt -> ../linked.txt", __wasi_path_link(SANDBOX_FD, 0, "data.txt", SANDBOX_FD, "../linked.txt"));
    report("path_link abs-link followed -> copy", __wasi_path_link(SANDBOX_FD, FOLLOW, "abs-link", SANDBOX_FD, "passwd-copy"));
    report("path_symlink data.txt <- ../outside-link", __wasi_path_symlink("data.txt", SANDBOX_FD, "../outside-link"));
    report("path_unlink_file ../sandbox/data.txt", __wasi_path_unlink_file(SANDBOX_FD, "../sandbox/data.txt"));
    report("path_remove_directory sub/../..", __wasi_path_remove_directory(SANDBOX_FD, "sub/../.."));
    report("path_filestat_set_times escape-link follow",
           __wasi_path_filestat_set_times(SANDBOX_FD, FOLLOW, "escape-link", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));

    /* The guest may not plant a link pointing out, and one planted by the host leads nowhere. */
    report("path_symlink ../outside-created.txt <- evil", __wasi_path_symlink("../outside-created.txt", SANDBOX_FD, "evil"));
    report("path_symlink /etc/passwd <- evil", __wasi_path_symlink("/etc/passwd", SANDBOX_FD, "evil"));
    try_open(SANDBOX_FD, FOLLOW, "create-link", __WASI_OFLAGS_CREAT);
    try_open(SANDBOX_FD, FOLLOW, "dangling-link", __WASI_OFLAGS_CREAT);
    report("path_unlink_file missing", __wasi_path_unlink_file(SANDBOX_FD, "missing"));
    /* The link itself is removed, never what it points to. */
    report("path_unlink_file data-link", __wasi_path_unlink_file(SANDBOX_FD, "data-link"));
    try_stat(0, "data.txt");
    report("path_unlink_file abs-link", __wasi_path_unlink_file(SANDBOX_FD, "abs-link"));
}

/* A descriptor for a subdirectory is a capability for that subdirectory only. */
static void escapes_from_subdirectory(void) {
    __wasi_fd_t sub;
    if (report("path_open sub", __wasi_path_open(SANDBOX_FD, 0, "sub", __WASI_OFLAGS_DIRECTORY,
                                                 __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_FILESTAT_GET,
                                                 READ_RIGHTS, 0, &sub)) != 0)
        return;
    try_open(sub, FOLLOW, "inner.txt", 0);
    try_open(sub, FOLLOW, "deeper/../inner.txt", 0);
    try_open(sub, FOLLOW, "../data.txt", 0);
    try_open(sub, FOLLOW, "deeper/../../data.txt", 0);
    (void) __wasi_fd_close(sub);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    escapes_by_dot_dot();
    escapes_by_symlink();
    escapes_by_modification();
    escapes_from_subdirectory();
    return 0;
}
