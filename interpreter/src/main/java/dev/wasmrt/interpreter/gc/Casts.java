package dev.wasmrt.interpreter.gc;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.FunctionInstance;

/**
 * ref.test, ref.cast and br_on_cast: whether a reference value belongs to a heap type. The heap
 * type is as the module names it: a type index, or one of the abstract heap types of
 * {@link ValType}. Validation has checked that value and target share a hierarchy, so the
 * top types (any, func, extern, exn) accept every non-null value.
 */
public final class Casts {
    private Casts() {}

    /** True when {@code value} is a {@code (ref null? heapType)}: null only when {@code nullable}. */
    public static boolean test(Object value, int heapType, boolean nullable, GcTypes types) {
        if (value == null) return nullable;
        if (heapType >= 0) return testConcrete(value, heapType, types);
        return switch (heapType) {
            case ValType.HT_ANY, ValType.HT_FUNC, ValType.HT_EXTERN, ValType.HT_EXN -> true;
            case ValType.HT_EQ -> value instanceof I31Ref || value instanceof WasmStruct || value instanceof WasmArray;
            case ValType.HT_I31 -> value instanceof I31Ref;
            case ValType.HT_STRUCT -> value instanceof WasmStruct;
            case ValType.HT_ARRAY -> value instanceof WasmArray;
            default -> false; // the bottom types hold no non-null value
        };
    }

    private static boolean testConcrete(Object value, int typeIndex, GcTypes types) {
        return switch (value) {
            case WasmStruct s -> isSubtype(s.typeId(), typeIndex, types);
            case WasmArray a -> isSubtype(a.typeId(), typeIndex, types);
            case FunctionInstance f -> types.funcType(typeIndex) != null && f.type().isSubtypeOf(types.funcType(typeIndex));
            default -> false;
        };
    }

    private static boolean isSubtype(int actualId, int typeIndex, GcTypes types) {
        int expected = types.canonicalId(typeIndex);
        return actualId == expected || types.registry().isSubtype(actualId, expected);
    }

    /** ref.cast: returns {@code value}, or traps "cast failure". */
    public static Object cast(Object value, int heapType, boolean nullable, GcTypes types) {
        if (!test(value, heapType, nullable, types)) throw GcTraps.castFailure();
        return value;
    }
}
