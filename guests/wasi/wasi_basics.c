/*
 * Exercises the process-level part of wasi_snapshot_preview1: args, environ, clocks, random,
 * sched_yield, stdio descriptors, prestats, poll_oneoff, sock_* on non-sockets and
 * proc_exit. Values that differ between hosts (times, random bytes) are reduced to checks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "transcript.h"

static void args_and_environ(void) {
    __wasi_size_t count, size;
    if (report("args_sizes_get", __wasi_args_sizes_get(&count, &size)) == 0) {
        printf("  argc %lu, bytes %lu\n", (unsigned long) count, (unsigned long) size);
        char **argv = malloc(sizeof(char *) * count);
        char *buf = malloc(size);
        report("args_get", __wasi_args_get((uint8_t **) argv, (uint8_t *) buf));
        for (__wasi_size_t i = 0; i < count; i++) printf("  argv[%lu] = \"%s\"\n", (unsigned long) i, argv[i]);
        free(argv);
        free(buf);
    }
    if (report("environ_sizes_get", __wasi_environ_sizes_get(&count, &size)) == 0) {
        printf("  count %lu, bytes %lu\n", (unsigned long) count, (unsigned long) size);
        char **env = malloc(sizeof(char *) * count);
        char *buf = malloc(size);
        report("environ_get", __wasi_environ_get((uint8_t **) env, (uint8_t *) buf));
        for (__wasi_size_t i = 0; i < count; i++) printf("  environ[%lu] = \"%s\"\n", (unsigned long) i, env[i]);
        free(env);
        free(buf);
    }
}

static void clocks(void) {
    static const char *const names[] = {"realtime", "monotonic", "process_cputime", "thread_cputime"};
    for (__wasi_clockid_t id = 0; id < 4; id++) {
        __wasi_timestamp_t res = 0, first = 0, second = 0;
        char label[64];
        snprintf(label, sizeof label, "clock_res_get %s", names[id]);
        if (report(label, __wasi_clock_res_get(id, &res)) == 0) printf("  positive %d\n", res > 0);
        snprintf(label, sizeof label, "clock_time_get %s", names[id]);
        if (report(label, __wasi_clock_time_get(id, 1, &first)) == 0) {
            (void) __wasi_clock_time_get(id, 1, &second);
            printf("  non-decreasing %d\n", second >= first);
        }
    }
    __wasi_timestamp_t now = 0;
    (void) __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 0, &now);
    printf("realtime after 2020 %d\n", now > 1577836800000000000ull);
    __wasi_timestamp_t ignored;
    report("clock_res_get bad id", __wasi_clock_res_get(99, &ignored));
    report("clock_time_get bad id", __wasi_clock_time_get(99, 0, &ignored));
}

static void randomness(void) {
    uint8_t a[32] = {0}, b[32] = {0};
    report("random_get 32", __wasi_random_get(a, sizeof a));
    report("random_get 32 again", __wasi_random_get(b, sizeof b));
    printf("  differ %d\n", memcmp(a, b, sizeof a) != 0);
    report("random_get 0", __wasi_random_get(a, 0));
    report("sched_yield", __wasi_sched_yield());
}

static void stdio(void) {
    __wasi_fdstat_t stat;
    for (__wasi_fd_t fd = 0; fd < 3; fd++) {
        char label[32];
        snprintf(label, sizeof label, "fd_fdstat_get %u", fd);
        report(label, __wasi_fd_fdstat_get(fd, &stat));
    }
    report("fd_fdstat_get 99", __wasi_fd_fdstat_get(99, &stat));

    char buf[128];
    __wasi_iovec_t iov = {(uint8_t *) buf, sizeof buf - 1};
    __wasi_size_t n = 0, total = 0;
    while (__wasi_fd_read(0, &iov, 1, &n) == 0 && n > 0) {
        buf[n] = 0;
        printf("stdin chunk %lu bytes: %s", (unsigned long) n, buf);
        total += n;
    }
    printf("stdin total %lu\n", (unsigned long) total);
    report("fd_read at eof", __wasi_fd_read(0, &iov, 1, &n));
    printf("  nread %lu\n", (unsigned long) n);

    /* Two iovecs in one fd_write go out in order. */
    __wasi_ciovec_t parts[2] = {{(const uint8_t *) "gathered ", 9}, {(const uint8_t *) "write\n", 6}};
    report("fd_write two iovecs", __wasi_fd_write(1, parts, 2, &n));
    printf("  nwritten %lu\n", (unsigned long) n);
    __wasi_ciovec_t err_part = {(const uint8_t *) "to stderr\n", 10};
    report("fd_write stderr", __wasi_fd_write(2, &err_part, 1, &n));
    report("fd_write bad fd", __wasi_fd_write(42, parts, 1, &n));
    report("fd_read bad fd", __wasi_fd_read(42, &iov, 1, &n));
}

static void prestats(void) {
    __wasi_prestat_t prestat;
    if (report("fd_prestat_get 3", __wasi_fd_prestat_get(SANDBOX_FD, &prestat)) == 0) {
        printf("  tag %u name length %lu\n", prestat.tag, (unsigned long) prestat.u.dir.pr_name_len);
        char name[64] = {0};
        report("fd_prestat_dir_name 3", __wasi_fd_prestat_dir_name(SANDBOX_FD, (uint8_t *) name, prestat.u.dir.pr_name_len));
        printf("  name \"%s\"\n", name);
    }
    report("fd_prestat_get 4", __wasi_fd_prestat_get(4, &prestat));
    char name[8];
    report("fd_prestat_dir_name 4", __wasi_fd_prestat_dir_name(4, (uint8_t *) name, sizeof name));
}

static void poll(void) {
    __wasi_subscription_t subs[3];
    __wasi_event_t events[3];
    __wasi_size_t n = 0;
    memset(subs, 0, sizeof subs);

    subs[0].userdata = 11;
    subs[0].u.tag = __WASI_EVENTTYPE_CLOCK;
    subs[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    subs[0].u.u.clock.timeout = 1000000; /* 1 ms */
    subs[1].userdata = 22;
    subs[1].u.tag = __WASI_EVENTTYPE_CLOCK;
    subs[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    subs[1].u.u.clock.timeout = 5000000000ull; /* 5 s: must not be the one that fires */
    __wasi_timestamp_t before, after;
    (void) __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &before);
    report("poll_oneoff two clocks", __wasi_poll_oneoff(subs, events, 2, &n));
    (void) __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &after);
    printf("  events %lu first userdata %llu type %u error %s\n", (unsigned long) n,
           (unsigned long long) events[0].userdata, events[0].type, errno_name(events[0].error));
    printf("  waited at least 1ms %d, less than 5s %d\n", after - before >= 1000000, after - before < 5000000000ull);

    /* An absolute deadline 2 ms ahead (node's WASI never wakes for one already past). */
    __wasi_timestamp_t wall = 0;
    (void) __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &wall);
    subs[0].userdata = 33;
    subs[0].u.u.clock.id = __WASI_CLOCKID_REALTIME;
    subs[0].u.u.clock.timeout = wall + 2000000;
    subs[0].u.u.clock.flags = __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME;
    report("poll_oneoff absolute", __wasi_poll_oneoff(subs, events, 1, &n));
    printf("  events %lu userdata %llu\n", (unsigned long) n, (unsigned long long) events[0].userdata);

    /* stdout is always writable, so the fd subscription wins over a long timeout. */
    subs[0].userdata = 44;
    subs[0].u.tag = __WASI_EVENTTYPE_FD_WRITE;
    subs[0].u.u.fd_write.file_descriptor = 1;
    subs[1].userdata = 55;
    report("poll_oneoff stdout writable", __wasi_poll_oneoff(subs, events, 2, &n));
    printf("  events %lu userdata %llu type %u error %s\n", (unsigned long) n,
           (unsigned long long) events[0].userdata, events[0].type, errno_name(events[0].error));

    report("poll_oneoff no subscriptions", __wasi_poll_oneoff(subs, events, 0, &n));
}

static void sockets(void) {
    __wasi_fd_t accepted;
    __wasi_size_t n;
    __wasi_roflags_t roflags;
    char buf[4];
    __wasi_iovec_t iov = {(uint8_t *) buf, sizeof buf};
    __wasi_ciovec_t ciov = {(const uint8_t *) buf, sizeof buf};
    report("sock_accept bad fd", __wasi_sock_accept(42, 0, &accepted));
    report("sock_recv bad fd", __wasi_sock_recv(42, &iov, 1, 0, &n, &roflags));
    report("sock_send bad fd", __wasi_sock_send(42, &ciov, 1, 0, &n));
    report("sock_shutdown bad fd", __wasi_sock_shutdown(42, __WASI_SDFLAGS_WR));
}

int main(void) {
    /* Line buffering keeps printf output ordered with the raw fd_write calls below. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    args_and_environ();
    clocks();
    randomness();
    stdio();
    prestats();
    poll();
    sockets();
    printf("exiting with 7\n");
    exit(7);
}
