package dev.wasmrt.decoder.model;

public record GlobalType(ValType type, boolean mutable) {}
