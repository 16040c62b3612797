package dev.wasmrt.decoder.model;

/**
 * A recursive type group: types {@code [first, first + size)} of the module's type index space.
 * A type declared outside any {@code rec} forms a group of one.
 */
public record RecGroup(int first, int size) {}
