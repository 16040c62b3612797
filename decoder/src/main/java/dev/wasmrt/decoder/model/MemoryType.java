package dev.wasmrt.decoder.model;

/**
 * A linear memory: limits in pages, 32- or 64-bit addresses, shared or not, and the page size
 * as a power of two (16, i.e. 64 KiB, unless the custom-page-sizes proposal says otherwise).
 */
public record MemoryType(Limits limits, boolean is64, boolean shared, int pageSizeLog2) {
    public static final int DEFAULT_PAGE_SIZE_LOG2 = 16;

    public long pageSize() { return 1L << pageSizeLog2; }
}
