package dev.wasmrt.interpreter;

/** A value that can be imported or exported: a function, table, memory, global or tag. */
public sealed interface Extern permits FunctionInstance, Table, Memory, Global, Tag {
}
