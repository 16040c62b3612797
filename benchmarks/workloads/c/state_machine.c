/* A 1024-state machine written as one switch in one function, the shape generated lexers, parsers
 * and bytecode interpreters take. Compiled, that function is several times HotSpot's 8000-byte JIT
 * limit, so this workload measures how an engine copes with one huge hot function. Every round
 * first replays a prefix of its run through a small reference loop, which takes the state as a
 * run-time value, and compares the results; then it checks that the visit counts add up. */
#include <string.h>
#include "workload.h"

#define STATES 1024
#define STEPS_PER_UNIT (1u << 18)
#define CHECKED_STEPS 4096u

static uint32_t rotl(uint32_t x, uint32_t n) { return (x << n) | (x >> (32 - n)); }

/* State n's step, in one of four shapes picked by n, with constants derived from n: once n is a
 * case label clang folds all of it, and the mixed shapes keep it from merging the cases back into
 * one body or turning the switch into a table lookup. */
__attribute__((always_inline)) static inline uint32_t step(uint32_t n, uint32_t acc) {
    switch (n % 4) {
    case 0: acc = acc * (2 * n + 1) + (n ^ (acc >> (n % 29 + 1))); break;
    case 1: acc = rotl(acc, n % 31 + 1) ^ (n * 0x9e3779b9u); break;
    case 2: acc = (acc ^ (acc >> (n % 13 + 3))) * (0x85ebca6bu + 2 * n); break;
    default: acc = acc + (acc << (n % 11 + 1)) + (n * 0xc2b2ae35u ^ 0x27d4eb2fu); break;
    }
    return acc;
}

static uint32_t next_state(uint32_t acc) { return (acc ^ (acc >> 17)) % STATES; }

#define CASE(n)                               \
    case n:                                   \
        acc = step(n, acc);                   \
        state = next_state(acc);              \
        visits[n]++;                          \
        break;
#define CASE4(n) CASE(n) CASE(n + 1) CASE(n + 2) CASE(n + 3)
#define CASE16(n) CASE4(n) CASE4(n + 4) CASE4(n + 8) CASE4(n + 12)
#define CASE64(n) CASE16(n) CASE16(n + 16) CASE16(n + 32) CASE16(n + 48)
#define CASE256(n) CASE64(n) CASE64(n + 64) CASE64(n + 128) CASE64(n + 192)

/* The hot path: one function, one loop, one 1024-way switch. */
__attribute__((noinline)) static uint32_t run_machine(uint32_t seed, uint32_t steps, uint32_t *visits) {
    uint32_t acc = seed;
    uint32_t state = seed % STATES;
    for (uint32_t i = 0; i < steps; i++) {
        switch (state) {
            CASE256(0)
            CASE256(256)
            CASE256(512)
            CASE256(768)
        default:
            return 0; /* unreachable: state < STATES */
        }
    }
    return acc;
}

/* The same machine with the state as a run-time value: a small loop clang cannot specialise. */
__attribute__((noinline)) static uint32_t run_reference(uint32_t seed, uint32_t steps, uint32_t *visits) {
    uint32_t acc = seed;
    uint32_t state = seed % STATES;
    for (uint32_t i = 0; i < steps; i++) {
        acc = step(state, acc);
        visits[state]++;
        state = next_state(acc);
    }
    return acc;
}

static uint32_t machine_visits[STATES], reference_visits[STATES], round_visits[STATES];

int main(int argc, char **argv) {
    int scale = workload_scale(argc, argv, 256);
    uint32_t checksum = 0;
    uint64_t visited = 0;
    for (int round = 0; round < scale; round++) {
        uint32_t seed = (uint32_t)rng_next();
        memset(machine_visits, 0, sizeof machine_visits);
        memset(reference_visits, 0, sizeof reference_visits);
        uint32_t got = run_machine(seed, CHECKED_STEPS, machine_visits);
        check(got == run_reference(seed, CHECKED_STEPS, reference_visits), "machine and reference disagree");
        check(memcmp(machine_visits, reference_visits, sizeof machine_visits) == 0, "visit counts disagree");

        memset(round_visits, 0, sizeof round_visits);
        uint32_t acc = run_machine(seed, STEPS_PER_UNIT, round_visits);
        uint64_t total = 0;
        for (int s = 0; s < STATES; s++) {
            total += round_visits[s];
            if (round_visits[s] != 0) visited++;
        }
        check(total == STEPS_PER_UNIT, "visits add up to the steps taken");
        checksum = checksum * 31 + acc;
    }
    printf("state_machine scale=%d steps=%llu states-visited-per-round=%llu checksum=%08x\n", scale,
           (unsigned long long)scale * STEPS_PER_UNIT, (unsigned long long)(visited / (uint64_t)scale), checksum);
    return 0;
}
