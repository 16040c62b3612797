package dev.wasmrt.decoder.model;

/** Minimum and optional maximum size, in pages (memories) or elements (tables). */
public record Limits(long min, long max, boolean hasMax) {
    public static Limits of(long min) { return new Limits(min, 0, false); }

    public static Limits of(long min, long max) { return new Limits(min, max, true); }

    @Override
    public String toString() { return hasMax ? min + ".." + max : min + ".."; }
}
