package dev.wasmrt.decoder.model;

/** An export: a name and an index into the index space of its kind (imports first). */
public record Export(String name, ExternKind kind, int index) {}
