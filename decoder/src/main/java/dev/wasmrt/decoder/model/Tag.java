package dev.wasmrt.decoder.model;

/** An exception tag; its type is a function type whose parameters are the payload. */
public record Tag(int typeIndex) {}
