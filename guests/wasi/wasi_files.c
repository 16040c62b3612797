/*
 * Exercises every fd_* and path_* call of wasi_snapshot_preview1 on files inside the /sandbox
 * preopen, with the error paths (errno) of each. Host-dependent values (inodes, devices,
 * unset timestamps) are not printed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "transcript.h"

#define READ_RIGHTS (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET)
#define ONE_SECOND 1000000000ull

/* Everything the sandbox preopen may hand on to descriptors opened through it. */
static __wasi_rights_t ALL_RIGHTS;
/* The same without the writing rights, which make some hosts refuse directories (EISDIR). */
#define DIR_RIGHTS (ALL_RIGHTS & ~(__WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_ALLOCATE | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE))

static __wasi_fd_t open_at(const char *label, __wasi_fd_t dir, const char *path, __wasi_oflags_t oflags,
                           __wasi_rights_t rights, __wasi_fdflags_t fdflags) {
    __wasi_fd_t fd = (__wasi_fd_t) -1;
    if (report(label, __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, oflags, rights, rights, fdflags, &fd)) != 0)
        return (__wasi_fd_t) -1;
    return fd;
}

static void print_stat(const __wasi_filestat_t *st) {
    printf("  %s size %llu nlink %llu\n", filetype_name(st->filetype), (unsigned long long) st->size,
           (unsigned long long) st->nlink);
}

static void print_fd_size(__wasi_fd_t fd) {
    __wasi_filestat_t st;
    if (__wasi_fd_filestat_get(fd, &st) == 0) printf("  size now %llu\n", (unsigned long long) st.size);
}

static void read_and_seek(void) {
    __wasi_fd_t fd = open_at("path_open data.txt read-only", SANDBOX_FD, "data.txt", 0, READ_RIGHTS, 0);
    char buf[32] = {0};
    __wasi_iovec_t iovs[2] = {{(uint8_t *) buf, 6}, {(uint8_t *) buf + 6, 20}};
    __wasi_size_t n;
    report("fd_read two iovecs", __wasi_fd_read(fd, iovs, 2, &n));
    printf("  %lu bytes \"%s\"\n", (unsigned long) n, buf);
    __wasi_filesize_t pos;
    report("fd_tell", __wasi_fd_tell(fd, &pos));
    printf("  position %llu\n", (unsigned long long) pos);
    report("fd_seek set 3", __wasi_fd_seek(fd, 3, __WASI_WHENCE_SET, &pos));
    printf("  position %llu\n", (unsigned long long) pos);
    report("fd_seek cur 2", __wasi_fd_seek(fd, 2, __WASI_WHENCE_CUR, &pos));
    printf("  position %llu\n", (unsigned long long) pos);
    report("fd_seek end -5", __wasi_fd_seek(fd, -5, __WASI_WHENCE_END, &pos));
    printf("  position %llu\n", (unsigned long long) pos);
    report("fd_seek before start", __wasi_fd_seek(fd, -100, __WASI_WHENCE_CUR, &pos));
    report("fd_seek bad whence", __wasi_fd_seek(fd, 0, 7, &pos));
    memset(buf, 0, sizeof buf);
    __wasi_iovec_t one = {(uint8_t *) buf, 5};
    report("fd_pread at 7", __wasi_fd_pread(fd, &one, 1, 7, &n));
    printf("  %lu bytes \"%s\"\n", (unsigned long) n, buf);
    report("fd_tell after pread", __wasi_fd_tell(fd, &pos));
    printf("  position %llu\n", (unsigned long long) pos);
    report("fd_pread past end", __wasi_fd_pread(fd, &one, 1, 100, &n));
    printf("  %lu bytes\n", (unsigned long) n);
    __wasi_ciovec_t out = {(const uint8_t *) "nope", 4};
    report("fd_write without right", __wasi_fd_write(fd, &out, 1, &n));
    report("fd_pwrite without right", __wasi_fd_pwrite(fd, &out, 1, 0, &n));
    report("fd_filestat_set_size without right", __wasi_fd_filestat_set_size(fd, 0));
    __wasi_fdstat_t fdstat;
    report("fd_fdstat_get", __wasi_fd_fdstat_get(fd, &fdstat));
    printf("  %s append %d base rights %llx\n", filetype_name(fdstat.fs_filetype), fdstat.fs_flags & __WASI_FDFLAGS_APPEND,
           (unsigned long long) fdstat.fs_rights_base);
    report("fd_fdstat_set_rights drop seek", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_FILESTAT_GET, 0));
    report("fd_seek after drop", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    report("fd_fdstat_set_rights regain", __wasi_fd_fdstat_set_rights(fd, READ_RIGHTS, 0));
    report("fd_close", __wasi_fd_close(fd));
    report("fd_close again", __wasi_fd_close(fd));
    report("fd_read closed", __wasi_fd_read(fd, iovs, 1, &n));
}

static void create_and_write(void) {
    __wasi_oflags_t create = __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL;
    __wasi_fd_t fd = open_at("path_open new.txt create exclusive", SANDBOX_FD, "new.txt", create, ALL_RIGHTS, 0);
    open_at("path_open new.txt create exclusive again", SANDBOX_FD, "new.txt", create, ALL_RIGHTS, 0);
    open_at("path_open missing.txt", SANDBOX_FD, "missing.txt", 0, READ_RIGHTS, 0);
    open_at("path_open data.txt as directory", SANDBOX_FD, "data.txt", __WASI_OFLAGS_DIRECTORY, READ_RIGHTS, 0);
    open_at("path_open data.txt/ with trailing slash", SANDBOX_FD, "data.txt/", 0, READ_RIGHTS, 0);

    __wasi_size_t n;
    __wasi_ciovec_t parts[2] = {{(const uint8_t *) "hello", 5}, {(const uint8_t *) " world", 6}};
    report("fd_write", __wasi_fd_write(fd, parts, 2, &n));
    printf("  %lu bytes\n", (unsigned long) n);
    __wasi_ciovec_t x = {(const uint8_t *) "X", 1};
    report("fd_pwrite at 20", __wasi_fd_pwrite(fd, &x, 1, 20, &n));
    print_fd_size(fd);
    __wasi_filesize_t pos;
    report("fd_tell after pwrite", __wasi_fd_tell(fd, &pos));
    printf("  position %llu\n", (unsigned long long) pos);

    char buf[32];
    memset(buf, '.', sizeof buf);
    __wasi_iovec_t in = {(uint8_t *) buf, 21};
    report("fd_pread whole file", __wasi_fd_pread(fd, &in, 1, 0, &n));
    for (__wasi_size_t i = 0; i < n; i++) if (buf[i] == 0) buf[i] = '0';
    printf("  %lu bytes \"%.*s\"\n", (unsigned long) n, (int) n, buf);

    report("fd_filestat_set_size 5", __wasi_fd_filestat_set_size(fd, 5));
    print_fd_size(fd);
    report("fd_allocate 0+64", __wasi_fd_allocate(fd, 0, 64));
    print_fd_size(fd);
    report("fd_allocate within", __wasi_fd_allocate(fd, 0, 10));
    print_fd_size(fd);
    report("fd_filestat_set_size 5 again", __wasi_fd_filestat_set_size(fd, 5));

    report("fd_fdstat_set_flags append", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
    __wasi_fdstat_t fdstat;
    (void) __wasi_fd_fdstat_get(fd, &fdstat);
    printf("  append %d\n", fdstat.fs_flags & __WASI_FDFLAGS_APPEND);
    report("fd_seek to 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    __wasi_ciovec_t tail = {(const uint8_t *) "!!", 2};
    report("fd_write appended", __wasi_fd_write(fd, &tail, 1, &n));
    print_fd_size(fd);
    report("fd_fdstat_set_flags none", __wasi_fd_fdstat_set_flags(fd, 0));

    report("fd_sync", __wasi_fd_sync(fd));
    report("fd_datasync", __wasi_fd_datasync(fd));
    report("fd_advise sequential", __wasi_fd_advise(fd, 0, 0, __WASI_ADVICE_SEQUENTIAL));
    report("fd_advise dontneed", __wasi_fd_advise(fd, 0, 7, __WASI_ADVICE_DONTNEED));
    report("fd_advise bad advice", __wasi_fd_advise(fd, 0, 0, 9));

    __wasi_filestat_t st;
    __wasi_timestamp_t atim = 1600000000ull * ONE_SECOND, mtim = 1700000000ull * ONE_SECOND;
    report("fd_filestat_set_times", __wasi_fd_filestat_set_times(fd, atim, mtim, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
    report("fd_filestat_get", __wasi_fd_filestat_get(fd, &st));
    print_stat(&st);
    printf("  atim %llu s mtim %llu s\n", (unsigned long long) (st.atim / ONE_SECOND), (unsigned long long) (st.mtim / ONE_SECOND));
    report("fd_filestat_set_times mtim now", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    (void) __wasi_fd_filestat_get(fd, &st);
    printf("  atim kept %d mtim moved %d\n", st.atim / ONE_SECOND == 1600000000ull, st.mtim / ONE_SECOND > 1700000000ull);
    report("fd_filestat_set_times atim and atim_now", __wasi_fd_filestat_set_times(fd, atim, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW));

    report("fd_close new.txt", __wasi_fd_close(fd));
    fd = open_at("path_open new.txt truncate", SANDBOX_FD, "new.txt", __WASI_OFLAGS_TRUNC, ALL_RIGHTS, 0);
    print_fd_size(fd);
    (void) __wasi_fd_close(fd);
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Lists a directory through fd_readdir, sorted by name, leaving out "." and "..". */
static void list_directory(const char *label, __wasi_fd_t dir) {
    static uint8_t buf[4096];
    __wasi_size_t used;
    if (report(label, __wasi_fd_readdir(dir, buf, sizeof buf, 0, &used)) != 0) return;
    char *names[64];
    int count = 0;
    for (__wasi_size_t at = 0; at + sizeof(__wasi_dirent_t) <= used && count < 64;) {
        __wasi_dirent_t entry;
        memcpy(&entry, buf + at, sizeof entry);
        at += sizeof entry;
        char *name = malloc(entry.d_namlen + 24);
        snprintf(name, entry.d_namlen + 24, "%.*s (%s)", (int) entry.d_namlen, (char *) buf + at, filetype_name(entry.d_type));
        at += entry.d_namlen;
        if (strncmp(name, ". (", 3) == 0 || strncmp(name, ".. (", 4) == 0) free(name);
        else names[count++] = name;
    }
    qsort(names, count, sizeof names[0], compare_strings);
    for (int i = 0; i < count; i++) {
        printf("  %s\n", names[i]);
        free(names[i]);
    }
}

static void readdir_cookies(void) {
    static uint8_t buf[4096];
    __wasi_size_t used;
    __wasi_fd_t dir = open_at("path_open sub", SANDBOX_FD, "sub", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, 0);
    list_directory("fd_readdir sub", dir);
    /* Resuming from each entry's d_next must give exactly the entries after it. */
    if (__wasi_fd_readdir(dir, buf, sizeof buf, 0, &used) != 0) used = 0;
    int entries = 0, consistent = 1;
    for (__wasi_size_t at = 0; at + sizeof(__wasi_dirent_t) <= used;) {
        __wasi_dirent_t entry;
        memcpy(&entry, buf + at, sizeof entry);
        const char *name = (const char *) buf + at + sizeof entry;
        /* Hosts differ on listing "." and "..", so only the other names are counted. */
        if (!(entry.d_namlen == 1 && name[0] == '.') && !(entry.d_namlen == 2 && name[0] == '.' && name[1] == '.')) entries++;
        at += sizeof entry + entry.d_namlen;
        static uint8_t rest[4096];
        __wasi_size_t rest_used;
        if (__wasi_fd_readdir(dir, rest, sizeof rest, entry.d_next, &rest_used) != 0
            || rest_used != used - at || memcmp(rest, buf + at, rest_used) != 0) consistent = 0;
    }
    printf("  %d entries, resuming from every cookie consistent %d\n", entries, consistent);
    report("fd_readdir small buffer", __wasi_fd_readdir(dir, buf, 30, 0, &used));
    printf("  filled whole buffer %d\n", used == 30);
    __wasi_size_t past = 0;
    report("fd_readdir past last cookie", __wasi_fd_readdir(dir, buf, sizeof buf, 1000, &past));
    printf("  bytes %lu\n", (unsigned long) past);
    char c;
    __wasi_iovec_t iov = {(uint8_t *) &c, 1};
    __wasi_size_t n;
    report("fd_read on directory", __wasi_fd_read(dir, &iov, 1, &n));
    __wasi_fd_t file = open_at("path_open sub/inner.txt via sub", dir, "inner.txt", 0, READ_RIGHTS, 0);
    report("fd_readdir on file", __wasi_fd_readdir(file, buf, sizeof buf, 0, &used));
    __wasi_fd_t unused;
    report("path_open through a file", __wasi_path_open(file, 0, "x", 0, 0, 0, 0, &unused));
    (void) __wasi_fd_close(file);
    (void) __wasi_fd_close(dir);
}

static void directories_and_links(void) {
    __wasi_filestat_t st;
    report("path_create_directory made", __wasi_path_create_directory(SANDBOX_FD, "made"));
    report("path_create_directory made again", __wasi_path_create_directory(SANDBOX_FD, "made"));
    report("path_create_directory in missing parent", __wasi_path_create_directory(SANDBOX_FD, "nowhere/made"));
    report("path_filestat_get made", __wasi_path_filestat_get(SANDBOX_FD, 0, "made", &st));
    printf("  %s\n", filetype_name(st.filetype));
    report("path_remove_directory sub (not empty)", __wasi_path_remove_directory(SANDBOX_FD, "sub"));
    report("path_remove_directory data.txt", __wasi_path_remove_directory(SANDBOX_FD, "data.txt"));
    report("path_remove_directory missing", __wasi_path_remove_directory(SANDBOX_FD, "missing"));
    report("path_unlink_file sub", __wasi_path_unlink_file(SANDBOX_FD, "sub"));
    report("path_unlink_file missing", __wasi_path_unlink_file(SANDBOX_FD, "missing"));

    report("path_rename new.txt -> made/moved.txt", __wasi_path_rename(SANDBOX_FD, "new.txt", SANDBOX_FD, "made/moved.txt"));
    report("path_filestat_get new.txt", __wasi_path_filestat_get(SANDBOX_FD, 0, "new.txt", &st));
    report("path_filestat_get made/moved.txt", __wasi_path_filestat_get(SANDBOX_FD, 0, "made/moved.txt", &st));
    print_stat(&st);
    report("path_rename missing", __wasi_path_rename(SANDBOX_FD, "missing", SANDBOX_FD, "other"));
    report("path_rename made onto sub (not empty)", __wasi_path_rename(SANDBOX_FD, "made", SANDBOX_FD, "sub"));
    report("path_rename file onto directory", __wasi_path_rename(SANDBOX_FD, "made/moved.txt", SANDBOX_FD, "sub"));
    report("path_rename directory onto file", __wasi_path_rename(SANDBOX_FD, "made", SANDBOX_FD, "data.txt"));

    report("path_link data.txt -> hard.txt", __wasi_path_link(SANDBOX_FD, 0, "data.txt", SANDBOX_FD, "hard.txt"));
    report("path_filestat_get hard.txt", __wasi_path_filestat_get(SANDBOX_FD, 0, "hard.txt", &st));
    print_stat(&st);
    report("path_link onto existing", __wasi_path_link(SANDBOX_FD, 0, "data.txt", SANDBOX_FD, "hard.txt"));
    report("path_link missing source", __wasi_path_link(SANDBOX_FD, 0, "missing", SANDBOX_FD, "hard2.txt"));
    report("path_link directory", __wasi_path_link(SANDBOX_FD, 0, "sub", SANDBOX_FD, "sub2"));
    report("path_unlink_file hard.txt", __wasi_path_unlink_file(SANDBOX_FD, "hard.txt"));
    report("path_filestat_get data.txt", __wasi_path_filestat_get(SANDBOX_FD, 0, "data.txt", &st));
    print_stat(&st);

    report("path_symlink data.txt <- sym.txt", __wasi_path_symlink("data.txt", SANDBOX_FD, "sym.txt"));
    report("path_symlink onto existing", __wasi_path_symlink("data.txt", SANDBOX_FD, "sub"));
    char target[64] = {0};
    __wasi_size_t used;
    report("path_readlink sym.txt", __wasi_path_readlink(SANDBOX_FD, "sym.txt", (uint8_t *) target, sizeof target, &used));
    printf("  \"%.*s\" (%lu bytes)\n", (int) used, target, (unsigned long) used);
    memset(target, 0, sizeof target);
    report("path_readlink small buffer", __wasi_path_readlink(SANDBOX_FD, "sym.txt", (uint8_t *) target, 4, &used));
    printf("  \"%.*s\" (%lu bytes)\n", (int) used, target, (unsigned long) used);
    report("path_readlink regular file", __wasi_path_readlink(SANDBOX_FD, "data.txt", (uint8_t *) target, sizeof target, &used));
    report("path_readlink missing", __wasi_path_readlink(SANDBOX_FD, "missing", (uint8_t *) target, sizeof target, &used));
    report("path_filestat_get sym.txt nofollow", __wasi_path_filestat_get(SANDBOX_FD, 0, "sym.txt", &st));
    printf("  %s\n", filetype_name(st.filetype));
    report("path_filestat_get sym.txt follow", __wasi_path_filestat_get(SANDBOX_FD, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "sym.txt", &st));
    print_stat(&st);
    __wasi_fd_t fd;
    report("path_open sym.txt nofollow", __wasi_path_open(SANDBOX_FD, 0, "sym.txt", 0, READ_RIGHTS, 0, 0, &fd));
    report("path_unlink_file sym.txt", __wasi_path_unlink_file(SANDBOX_FD, "sym.txt"));
    report("path_filestat_get data.txt after unlinking its symlink", __wasi_path_filestat_get(SANDBOX_FD, 0, "data.txt", &st));

    __wasi_timestamp_t atim = 1500000000ull * ONE_SECOND, mtim = 1550000000ull * ONE_SECOND;
    report("path_filestat_set_times made/moved.txt",
           __wasi_path_filestat_set_times(SANDBOX_FD, 0, "made/moved.txt", atim, mtim, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
    (void) __wasi_path_filestat_get(SANDBOX_FD, 0, "made/moved.txt", &st);
    printf("  atim %llu s mtim %llu s\n", (unsigned long long) (st.atim / ONE_SECOND), (unsigned long long) (st.mtim / ONE_SECOND));
    report("path_filestat_set_times missing",
           __wasi_path_filestat_set_times(SANDBOX_FD, 0, "missing", atim, mtim, __WASI_FSTFLAGS_ATIM));

    report("path_unlink_file made/moved.txt", __wasi_path_unlink_file(SANDBOX_FD, "made/moved.txt"));
    report("path_remove_directory made", __wasi_path_remove_directory(SANDBOX_FD, "made"));
    list_directory("fd_readdir sandbox at the end", SANDBOX_FD);
}

static void rights(void) {
    __wasi_fd_t fd;
    /* A directory opened with only the right to read its entries cannot open files in it. */
    report("path_open sub with readdir right only",
           __wasi_path_open(SANDBOX_FD, 0, "sub", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR, 0, 0, &fd));
    __wasi_fd_t child;
    report("path_open through it", __wasi_path_open(fd, 0, "inner.txt", 0, READ_RIGHTS, 0, 0, &child));
    report("path_create_directory through it", __wasi_path_create_directory(fd, "x"));
    __wasi_filestat_t st;
    report("path_filestat_get through it", __wasi_path_filestat_get(fd, 0, "inner.txt", &st));
    list_directory("fd_readdir with the right", fd);
    (void) __wasi_fd_close(fd);

    /* A directory whose inheriting rights omit fd_write hands out no writable files. */
    report("path_open sub inheriting read rights",
           __wasi_path_open(SANDBOX_FD, 0, "sub", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, READ_RIGHTS, 0, &fd));
    report("path_open inner.txt asking for write",
           __wasi_path_open(fd, 0, "inner.txt", 0, READ_RIGHTS | __WASI_RIGHTS_FD_WRITE, 0, 0, &child));
    report("path_open inner.txt asking for read", __wasi_path_open(fd, 0, "inner.txt", 0, READ_RIGHTS, 0, 0, &child));
    (void) __wasi_fd_close(child);
    (void) __wasi_fd_close(fd);
}

static void renumber(void) {
    /* fd_renumber moves the open file onto another descriptor number and frees the old one. */
    __wasi_filestat_t st;
    __wasi_fd_t fd = open_at("path_open sub/inner.txt", SANDBOX_FD, "sub/inner.txt", 0, READ_RIGHTS, 0);
    __wasi_fd_t other = open_at("path_open data.txt", SANDBOX_FD, "data.txt", 0, READ_RIGHTS, 0);
    report("fd_renumber inner.txt over data.txt", __wasi_fd_renumber(fd, other));
    report("fd_filestat_get old number", __wasi_fd_filestat_get(fd, &st));
    report("fd_filestat_get new number", __wasi_fd_filestat_get(other, &st));
    print_stat(&st);
    report("fd_renumber to unused", __wasi_fd_renumber(other, 77));
    report("fd_renumber from unused", __wasi_fd_renumber(77, other));
    report("fd_close renumbered", __wasi_fd_close(other));
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    __wasi_fdstat_t sandbox;
    if (report("fd_fdstat_get sandbox", __wasi_fd_fdstat_get(SANDBOX_FD, &sandbox)) != 0) return 1;
    printf("  %s\n", filetype_name(sandbox.fs_filetype));
    ALL_RIGHTS = sandbox.fs_rights_inheriting;
    read_and_seek();
    create_and_write();
    readdir_cookies();
    directories_and_links();
    rights();
    renumber();
    return 0;
}
