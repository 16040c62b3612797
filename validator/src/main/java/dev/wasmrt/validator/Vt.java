package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.ValType;

/**
 * Value types as ints for the operand-type stack, so validation neither boxes nor allocates:
 * the layout of {@link ValType#encode()}, except that a concrete heap type is a
 * {@link TypeRegistry} canonical id instead of a module type index, which makes type equality
 * an int comparison. {@link #BOT} is the unknown type popped from a polymorphic stack.
 */
final class Vt {
    private Vt() {}

    static final int I32 = 0;
    static final int I64 = 1;
    static final int F32 = 2;
    static final int F64 = 3;
    static final int V128 = 4;
    /** Matches every type; only ever popped from the stack below an unreachable instruction. */
    static final int BOT = -1;

    private static final int REF_BIT = 1 << 30;
    private static final int NULLABLE_BIT = 1 << 29;
    private static final int HEAP_MASK = (1 << 29) - 1;

    static int ref(boolean nullable, int heap) {
        return REF_BIT | (nullable ? NULLABLE_BIT : 0) | (heap & HEAP_MASK);
    }

    static boolean isRef(int t) { return t != BOT && (t & REF_BIT) != 0; }

    static boolean isNullable(int t) { return (t & NULLABLE_BIT) != 0; }

    static int heap(int t) { return (t & HEAP_MASK) << 3 >> 3; }

    static boolean isNumeric(int t) { return t >= I32 && t <= F64; }

    static int asNonNull(int t) { return t & ~NULLABLE_BIT; }

    static int slots(int t) { return t == V128 ? 2 : 1; }

    static boolean isDefaultable(int t) { return !isRef(t) || isNullable(t); }

    /** The text-format name, for error messages; concrete heap types show their canonical id. */
    static String name(int t) {
        return switch (t) {
            case BOT -> "bot";
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case V128 -> "v128";
            default -> "(ref " + (isNullable(t) ? "null " : "") + ValType.heapTypeName(heap(t)) + ")";
        };
    }
}
