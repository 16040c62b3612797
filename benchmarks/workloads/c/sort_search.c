/* Sorts a large array of 32-bit integers (quicksort with insertion-sort leaves, then a bottom-up
 * merge sort on a copy), checks that both orders agree and hold every element, then binary-searches
 * for keys known to be present (odd, generated) and absent (even). */
#include <string.h>
#include "workload.h"

static void insertion_sort(int32_t *a, long lo, long hi) {
    for (long i = lo + 1; i <= hi; i++) {
        int32_t v = a[i];
        long j = i - 1;
        while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quicksort(int32_t *a, long lo, long hi) {
    while (hi - lo > 16) {
        long mid = lo + (hi - lo) / 2;
        int32_t x = a[lo], y = a[mid], z = a[hi];
        int32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { int32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }  /* recurse into the smaller side */
        else { quicksort(a, i, hi); hi = j; }
    }
    insertion_sort(a, lo, hi);
}

static void merge_sort(int32_t *a, int32_t *tmp, long n) {
    for (long width = 1; width < n; width *= 2) {
        for (long lo = 0; lo < n; lo += 2 * width) {
            long mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            long i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
            while (i < mid) tmp[k++] = a[i++];
            while (j < hi) tmp[k++] = a[j++];
        }
        memcpy(a, tmp, (size_t)n * sizeof *a);
    }
}

static long lower_bound(const int32_t *a, long n, int32_t key) {
    long lo = 0, hi = n;
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (a[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
}

int main(int argc, char **argv) {
    int scale = workload_scale(argc, argv, 128);
    long n = (long)scale * 8000;
    int32_t *a = malloc((size_t)n * sizeof *a), *b = malloc((size_t)n * sizeof *b), *tmp = malloc((size_t)n * sizeof *tmp);
    check(a && b && tmp, "allocation");
    uint64_t sum_before = 0, xor_before = 0;
    for (long i = 0; i < n; i++) {
        a[i] = (int32_t)(rng_next() >> 33) | 1; /* odd and non-negative: even keys are absent */
        b[i] = a[i];
        sum_before += (uint32_t)a[i];
        xor_before ^= (uint64_t)(uint32_t)a[i] * 0x9E3779B1u;
    }
    quicksort(a, 0, n - 1);
    merge_sort(b, tmp, n);

    uint64_t sum_after = 0, xor_after = 0;
    for (long i = 0; i < n; i++) {
        check(i == 0 || a[i - 1] <= a[i], "quicksort order");
        check(a[i] == b[i], "quicksort and merge sort disagree");
        sum_after += (uint32_t)a[i];
        xor_after ^= (uint64_t)(uint32_t)a[i] * 0x9E3779B1u;
    }
    check(sum_before == sum_after && xor_before == xor_after, "sorting lost or invented elements");

    long found = 0;
    long long position_sum = 0;
    for (long q = 0; q < n / 4; q++) {
        int32_t present = b[(size_t)(rng_next() % (uint64_t)n)];
        long at = lower_bound(a, n, present);
        check(at < n && a[at] == present, "present key not found");
        int32_t absent = present - 1;
        long gap = lower_bound(a, n, absent);
        check(gap == n || a[gap] != absent, "absent key found");
        found++;
        position_sum += at;
    }
    printf("sort_search scale=%d n=%ld found=%ld median=%d position_sum=%lld\n",
           scale, n, found, a[n / 2], position_sum);
    return 0;
}
