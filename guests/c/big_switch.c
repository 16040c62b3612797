/*
 * One very large function: a 1024-state machine written as a single switch, so the compiled
 * module contains a function body with a huge br_table and thousands of instructions.
 */
#include <stdint.h>
#include <stdio.h>

#define STATES 1024

/* Each state mixes the accumulator differently and picks the next state from it. */
#define STATE(n)                                                                   \
    case n:                                                                        \
        acc = acc * (2u * (n) + 1u) + ((n) ^ (acc >> ((n) % 29u + 1u)));           \
        acc ^= (uint32_t) (n) * 0x9e3779b9u;                                       \
        state = (acc + (n) * 7u) % STATES;                                         \
        visits[n]++;                                                               \
        break;

#define STATE4(n) STATE(n) STATE(n + 1) STATE(n + 2) STATE(n + 3)
#define STATE16(n) STATE4(n) STATE4(n + 4) STATE4(n + 8) STATE4(n + 12)
#define STATE64(n) STATE16(n) STATE16(n + 16) STATE16(n + 32) STATE16(n + 48)
#define STATE256(n) STATE64(n) STATE64(n + 64) STATE64(n + 128) STATE64(n + 192)

static uint32_t visits[STATES];

__attribute__((noinline)) static uint32_t run_machine(uint32_t seed, uint32_t steps) {
    uint32_t acc = seed;
    uint32_t state = seed % STATES;
    for (uint32_t step = 0; step < steps; step++) {
        switch (state) {
            STATE256(0)
            STATE256(256)
            STATE256(512)
            STATE256(768)
            default:
                return 0xdeadbeefu;
        }
    }
    return acc;
}

int main(void) {
    for (uint32_t seed = 1; seed <= 5; seed++) {
        printf("seed %u -> %08x\n", seed, run_machine(seed, 10000u));
    }
    uint32_t never = 0, most = 0, most_state = 0;
    for (uint32_t s = 0; s < STATES; s++) {
        if (visits[s] == 0) never++;
        if (visits[s] > most) { most = visits[s]; most_state = s; }
    }
    printf("states never visited %u, busiest state %u with %u visits\n", never, most_state, most);
    return 0;
}
