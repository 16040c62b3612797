/* Call-heavy recursion: naive fib, Ackermann and Takeuchi. Each result is checked against a
 * closed form, an iterative computation or a memoised evaluation, so a miscompiled call or return shows at once. */
#include "workload.h"

/* noinline keeps the calls real calls even where clang could turn recursion into loops. */
__attribute__((noinline)) static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

__attribute__((noinline)) static uint32_t ackermann(uint32_t m, uint32_t n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

__attribute__((noinline)) static int tak(int x, int y, int z) {
    return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
}

static uint32_t fib_iterative(uint32_t n) {
    uint32_t a = 0, b = 1;
    for (uint32_t i = 0; i < n; i++) { uint32_t t = a + b; a = b; b = t; }
    return a;
}

int main(int argc, char **argv) {
    int scale = workload_scale(argc, argv, 512);
    uint32_t checksum = 0;
    for (int round = 0; round < scale; round++) {
        uint32_t n = 20 + (uint32_t)round % 3;
        uint32_t f = fib(n);
        check(f == fib_iterative(n), "fib");
        uint32_t k = 3 + (uint32_t)round % 3;
        uint32_t ack = ackermann(3, k);
        check(ack == (1u << (k + 3)) - 3, "ackermann(3, k) = 2^(k+3) - 3");
        /* Expected values from a memoised evaluation of the same definition. */
        int t = tak(12 + round % 2, 8, 4);
        check(t == (round % 2 ? 8 : 5), "tak(12|13, 8, 4)");
        checksum = checksum * 31 + f;
        checksum = checksum * 31 + ack;
        checksum = checksum * 31 + (uint32_t)t;
    }
    printf("recursion scale=%d checksum=%08x\n", scale, checksum);
    return 0;
}
