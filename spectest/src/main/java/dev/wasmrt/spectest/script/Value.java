package dev.wasmrt.spectest.script;

/** A constant argument of an {@code invoke}: numbers as raw bits, vectors as two longs, references. */
public sealed interface Value {

    enum NumType { I32, I64, F32, F64 }

    /** A number; {@code bits} holds i32/f32 bit patterns zero-extended in its low 32 bits, i64/f64 whole. */
    record Num(NumType type, long bits) implements Value {}

    /** A v128: bytes 0-7 in {@code low}, bytes 8-15 in {@code high}, little-endian. */
    record Vec(long low, long high) implements Value {}

    /** {@code (ref.null ht)}: {@code heapType} is one of the abstract {@code ValType.HT_*} constants. */
    record RefNull(int heapType) implements Value {}

    /** {@code (ref.extern n)}: a host reference the runner makes up, identified by n. */
    record RefExtern(long payload) implements Value {}

    /** {@code (ref.host n)}: as {@link RefExtern}, in the older spelling. */
    record RefHost(long payload) implements Value {}
}
