package dev.wasmrt.decoder.model;

public record Global(GlobalType type, Expr init) {}
