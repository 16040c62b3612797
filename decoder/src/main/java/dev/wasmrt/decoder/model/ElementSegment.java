package dev.wasmrt.decoder.model;

import java.util.List;

/**
 * An element segment. Every item is a constant expression, whichever of the eight binary
 * encodings it came from ({@code ref.func x} for the function-index forms). {@code tableIndex}
 * and {@code offset} matter only for active segments (offset is null otherwise).
 */
public record ElementSegment(ValType type, SegmentMode mode, int tableIndex, Expr offset, List<Expr> items) {
    public ElementSegment { items = List.copyOf(items); }
}
