/* Shared by the C workloads: the size argument, a deterministic generator, and the verdict. */
#ifndef WORKLOAD_H
#define WORKLOAD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* argv[1] scales the work linearly; without it the workload runs at its full size. */
static int workload_scale(int argc, char **argv, int full) {
    if (argc < 2) return full;
    int scale = atoi(argv[1]);
    if (scale < 1) {
        fprintf(stderr, "usage: %s [scale >= 1]\n", argv[0]);
        exit(2);
    }
    return scale;
}

/* xorshift64*: the same sequence on every engine, so every checksum is reproducible. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng_next(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

static void check(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "self-check failed: %s\n", what);
        exit(1);
    }
}

#endif
