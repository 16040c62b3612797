package dev.wasmrt.decoder.model;

/** A table defined in the module; {@code init} is null when elements start as null. */
public record Table(TableType type, Expr init) {}
