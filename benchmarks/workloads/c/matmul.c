/* Dense f32 matrix multiply, blocked for locality, repeated scale times with a shifting input.
 * Check: the sum of all entries of C = A*B must equal sum_k (column sum k of A) * (row sum k of B),
 * computed independently in f64; a naive triple loop must also agree on a sampled set of entries. */
#include <math.h>
#include <string.h>
#include "workload.h"

enum { N = 64, BLOCK = 16 };

static float a[N][N], b[N][N], c[N][N];

static void multiply(void) {
    memset(c, 0, sizeof c);
    for (int ii = 0; ii < N; ii += BLOCK)
        for (int kk = 0; kk < N; kk += BLOCK)
            for (int jj = 0; jj < N; jj += BLOCK)
                for (int i = ii; i < ii + BLOCK; i++)
                    for (int k = kk; k < kk + BLOCK; k++) {
                        float aik = a[i][k];
                        for (int j = jj; j < jj + BLOCK; j++) c[i][j] += aik * b[k][j];
                    }
}

int main(int argc, char **argv) {
    int scale = workload_scale(argc, argv, 1024);
    double checksum = 0;
    for (int round = 0; round < scale; round++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                a[i][j] = (float)((int)(rng_next() >> 40) % 2001 - 1000) / 1000.0f;
                b[i][j] = (float)((int)(rng_next() >> 40) % 2001 - 1000) / 1000.0f;
            }
        multiply();

        double total = 0, expected = 0;
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) total += c[i][j];
        for (int k = 0; k < N; k++) {
            double column = 0, row = 0;
            for (int i = 0; i < N; i++) column += a[i][k];
            for (int j = 0; j < N; j++) row += b[k][j];
            expected += column * row;
        }
        check(fabs(total - expected) < 1e-2 * (1 + fabs(expected)), "sum identity");
        for (int s = 0; s < 8; s++) {
            int i = (int)(rng_next() % N), j = (int)(rng_next() % N);
            double direct = 0;
            for (int k = 0; k < N; k++) direct += (double)a[i][k] * b[k][j];
            check(fabs(direct - c[i][j]) < 1e-3, "sampled entry");
        }
        checksum += total;
    }
    printf("matmul scale=%d n=%d checksum=%.3f\n", scale, N, checksum);
    return 0;
}
