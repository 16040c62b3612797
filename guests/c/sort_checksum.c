/*
 * Real computation: a pseudo-random array sorted three ways (quicksort, merge sort, qsort),
 * a checksum of each result, and floating-point statistics printed with printf.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#define COUNT 1000

static uint32_t rng_state = 12345u;

static uint32_t next_random(void) {
    /* xorshift32: deterministic on every host */
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static void quicksort(int32_t *a, int lo, int hi) {
    while (lo < hi) {
        int32_t pivot = a[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                int32_t t = a[i]; a[i] = a[j]; a[j] = t;
                i++; j--;
            }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
}

static void merge_sort(int32_t *a, int32_t *tmp, int n) {
    if (n < 2) return;
    int mid = n / 2;
    merge_sort(a, tmp, mid);
    merge_sort(a + mid, tmp, n - mid);
    int i = 0, j = mid, k = 0;
    while (i < mid && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t) n * sizeof(int32_t));
}

static int compare_ints(const void *x, const void *y) {
    int32_t a = *(const int32_t *) x, b = *(const int32_t *) y;
    return (a > b) - (a < b);
}

static uint32_t fnv1a(const int32_t *a, int n) {
    uint32_t h = 2166136261u;
    const unsigned char *p = (const unsigned char *) a;
    for (size_t i = 0; i < (size_t) n * sizeof(int32_t); i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

static int is_sorted(const int32_t *a, int n) {
    for (int i = 1; i < n; i++) if (a[i - 1] > a[i]) return 0;
    return 1;
}

int main(void) {
    int32_t *original = malloc(COUNT * sizeof(int32_t));
    int32_t *work = malloc(COUNT * sizeof(int32_t));
    int32_t *tmp = malloc(COUNT * sizeof(int32_t));
    for (int i = 0; i < COUNT; i++) original[i] = (int32_t) (next_random() % 2000001u) - 1000000;

    printf("unsorted checksum %08x\n", fnv1a(original, COUNT));

    memcpy(work, original, sizeof(int32_t) * COUNT);
    quicksort(work, 0, COUNT - 1);
    uint32_t quick = fnv1a(work, COUNT);
    printf("quicksort  sorted=%d checksum %08x\n", is_sorted(work, COUNT), quick);

    memcpy(work, original, sizeof(int32_t) * COUNT);
    merge_sort(work, tmp, COUNT);
    printf("merge sort sorted=%d checksum %08x\n", is_sorted(work, COUNT), fnv1a(work, COUNT));

    memcpy(work, original, sizeof(int32_t) * COUNT);
    qsort(work, COUNT, sizeof(int32_t), compare_ints);
    printf("qsort      sorted=%d checksum %08x\n", is_sorted(work, COUNT), fnv1a(work, COUNT));

    double sum = 0, sum_sq = 0;
    for (int i = 0; i < COUNT; i++) {
        sum += work[i];
        sum_sq += (double) work[i] * work[i];
    }
    double mean = sum / COUNT;
    double stddev = sqrt(sum_sq / COUNT - mean * mean);
    printf("min %d max %d median %d\n", work[0], work[COUNT - 1], work[COUNT / 2]);
    printf("mean %.6f stddev %.6f\n", mean, stddev);
    printf("scientific %e %g %.3e\n", stddev, mean / 7.0, 1.0 / 3.0);
    printf("trig %.10f %.10f %.10f\n", sin(mean / 1e5), cos(stddev / 1e6), atan2(mean, stddev));
    printf("exp/log %.12g %.12g %.12g\n", exp(1.5), log(stddev), pow(2.0, 0.5));
    float f = (float) stddev;
    printf("float %f rounded %.2f int %d\n", (double) f, (double) roundf(f / 1000.0f), (int) f);

    free(tmp);
    free(work);
    free(original);
    return 0;
}
