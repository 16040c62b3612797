/* LZ77 compressor round trip: hash-chain match finder, byte-oriented token stream, and a
 * decompressor whose output must reproduce the input exactly. The input is generated text with
 * repetitions at every distance so both the literal and the match paths stay busy. */
#include <string.h>
#include "workload.h"

enum { WINDOW = 1 << 16, MIN_MATCH = 4, MAX_MATCH = 255 + MIN_MATCH, HASH_BITS = 15, MAX_CHAIN = 32 };

static uint32_t hash4(const uint8_t *p) {
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

/* Token stream: 0x00 len(1..128) literals... | 0x01 len-MIN_MATCH distance(2 bytes LE). */
static size_t compress(const uint8_t *in, size_t n, uint8_t *out) {
    static int32_t head[1 << HASH_BITS];
    int32_t *prev = malloc(n * sizeof(int32_t));
    check(prev != NULL, "allocation");
    memset(head, 0xff, sizeof head);
    size_t o = 0, literal_start = 0, i = 0;
    while (i < n) {
        size_t best_len = 0, best_dist = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t h = hash4(in + i);
            int32_t cand = head[h];
            for (int chain = 0; cand >= 0 && i - (size_t)cand < WINDOW && chain < MAX_CHAIN; chain++) {
                size_t limit = n - i < MAX_MATCH ? n - i : MAX_MATCH, len = 0;
                while (len < limit && in[cand + len] == in[i + len]) len++;
                if (len > best_len) { best_len = len; best_dist = i - (size_t)cand; }
                cand = prev[cand];
            }
            prev[i] = head[h];
            head[h] = (int32_t)i;
        }
        if (best_len >= MIN_MATCH) {
            while (literal_start < i) {
                size_t run = i - literal_start > 128 ? 128 : i - literal_start;
                out[o++] = 0; out[o++] = (uint8_t)(run - 1);
                memcpy(out + o, in + literal_start, run);
                o += run; literal_start += run;
            }
            out[o++] = 1; out[o++] = (uint8_t)(best_len - MIN_MATCH);
            out[o++] = (uint8_t)best_dist; out[o++] = (uint8_t)(best_dist >> 8);
            for (size_t k = 1; k < best_len && i + k + MIN_MATCH <= n; k++) {
                uint32_t h = hash4(in + i + k);
                prev[i + k] = head[h];
                head[h] = (int32_t)(i + k);
            }
            i += best_len;
            literal_start = i;
        } else {
            i++;
        }
    }
    while (literal_start < n) {
        size_t run = n - literal_start > 128 ? 128 : n - literal_start;
        out[o++] = 0; out[o++] = (uint8_t)(run - 1);
        memcpy(out + o, in + literal_start, run);
        o += run; literal_start += run;
    }
    free(prev);
    return o;
}

static size_t decompress(const uint8_t *in, size_t n, uint8_t *out, size_t capacity) {
    size_t i = 0, o = 0;
    while (i < n) {
        if (in[i] == 0) {
            size_t run = (size_t)in[i + 1] + 1;
            check(o + run <= capacity, "literal overflows output");
            memcpy(out + o, in + i + 2, run);
            o += run; i += 2 + run;
        } else {
            size_t len = (size_t)in[i + 1] + MIN_MATCH, dist = in[i + 2] | (size_t)in[i + 3] << 8;
            check(dist >= 1 && dist <= o && o + len <= capacity, "bad match token");
            for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist]; /* may overlap itself */
            i += 4;
        }
    }
    return o;
}

static void generate(uint8_t *buf, size_t n) {
    static const char *words[] = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ",
                                  "dog ", "wasm ", "runtime ", "stack ", "memory ", "table ", "\n"};
    size_t i = 0;
    while (i < n) {
        uint64_t r = rng_next();
        if ((r & 7) == 0 && i > 64) { /* copy an earlier stretch */
            size_t dist = 1 + (size_t)(r >> 8) % (i < 40000 ? i : 40000);
            size_t len = 8 + (size_t)(r >> 40) % 120;
            for (size_t k = 0; k < len && i < n; k++, i++) buf[i] = buf[i - dist];
        } else if ((r & 7) == 1) { /* noise */
            buf[i++] = (uint8_t)(r >> 16);
        } else {
            const char *w = words[(r >> 3) % (sizeof words / sizeof *words)];
            while (*w && i < n) buf[i++] = (uint8_t)*w++;
        }
    }
}

int main(int argc, char **argv) {
    int scale = workload_scale(argc, argv, 128);
    size_t n = (size_t)scale << 15; /* 32 KiB per unit */
    uint8_t *input = malloc(n), *packed = malloc(n + n / 64 + 16), *unpacked = malloc(n);
    check(input && packed && unpacked, "allocation");
    generate(input, n);
    size_t packed_size = compress(input, n, packed);
    size_t unpacked_size = decompress(packed, packed_size, unpacked, n);
    check(unpacked_size == n, "round trip length");
    check(memcmp(input, unpacked, n) == 0, "round trip content");
    uint32_t checksum = 0;
    for (size_t i = 0; i < packed_size; i++) checksum = checksum * 31 + packed[i];
    printf("lz77 scale=%d input=%zu packed=%zu checksum=%08x\n", scale, n, packed_size, checksum);
    return 0;
}
