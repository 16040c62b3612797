package dev.wasmrt.decoder.model;

/** A table: its element reference type, limits in elements, and 32- or 64-bit indices. */
public record TableType(ValType elementType, Limits limits, boolean is64) {}
