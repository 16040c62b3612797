/* Smallest useful WASI guest: one line to stdout through fd_write. */
#include <stdio.h>

int main(void) {
    printf("Hello, world!\n");
    return 0;
}
