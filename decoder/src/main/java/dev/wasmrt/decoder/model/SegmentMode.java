package dev.wasmrt.decoder.model;

/** How an element or data segment is used; data segments are never declarative. */
public enum SegmentMode { ACTIVE, PASSIVE, DECLARATIVE }
