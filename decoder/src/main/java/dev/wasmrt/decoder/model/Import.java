package dev.wasmrt.decoder.model;

public record Import(String module, String name, ImportDesc desc) {}
