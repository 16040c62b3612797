package dev.wasmrt.spectest;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.ExceptionRef;
import dev.wasmrt.interpreter.ExternRef;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.gc.I31Ref;
import dev.wasmrt.interpreter.gc.WasmArray;
import dev.wasmrt.interpreter.gc.WasmStruct;
import dev.wasmrt.spectest.script.Expected;
import dev.wasmrt.spectest.script.Value;

/**
 * Decides whether a result of a given type satisfies an expected value of {@code assert_return},
 * and converts script constants into the embedding API's argument form.
 */
final class ValueMatcher {
    private ValueMatcher() {}

    /** A script constant as {@link dev.wasmrt.interpreter.Store#invoke} takes it. */
    static Object argument(Value value) {
        return switch (value) {
            case Value.Num n -> n.bits();
            case Value.Vec v -> new long[] {v.low(), v.high()};
            case Value.RefNull ignored -> null;
            case Value.RefExtern e -> new ExternRef(e.payload());
            case Value.RefHost h -> new ExternRef(h.payload());
        };
    }

    /**
     * True when {@code actual} (as Store.invoke returns it: numbers as Long raw bits, v128 as
     * long[2], references as objects) of type {@code type} satisfies {@code expected}.
     */
    static boolean matches(Expected expected, ValType type, Object actual) {
        return switch (expected) {
            case Expected.Exact e -> matchesExact(e.value(), type, actual);
            case Expected.Nan n -> actual instanceof Long bits && isNan(n.type() == Value.NumType.F32 ? 32 : 64, bits, n.canonical());
            case Expected.Vec v -> actual instanceof long[] lanes && matchesLanes(v, lanes);
            case Expected.RefNull ignored -> type.isRef() && actual == null;
            case Expected.RefExtern e -> actual instanceof ExternRef r && (e.payload() == null || e.payload().equals(r.value()));
            case Expected.RefHost h -> actual instanceof ExternRef r && Long.valueOf(h.payload()).equals(r.value());
            case Expected.RefOfKind k -> matchesKind(k.kind(), actual);
            case Expected.Either either -> either.alternatives().stream().anyMatch(a -> matches(a, type, actual));
        };
    }

    private static boolean matchesExact(Value value, ValType type, Object actual) {
        return switch (value) {
            case Value.Num n -> actual instanceof Long bits && switch (n.type()) {
                case I32, F32 -> (int) (long) bits == (int) n.bits();
                case I64, F64 -> bits == n.bits();
            };
            case Value.Vec v -> actual instanceof long[] lanes && lanes[0] == v.low() && lanes[1] == v.high();
            case Value.RefNull ignored -> type.isRef() && actual == null;
            case Value.RefExtern e -> actual instanceof ExternRef r && Long.valueOf(e.payload()).equals(r.value());
            case Value.RefHost h -> actual instanceof ExternRef r && Long.valueOf(h.payload()).equals(r.value());
        };
    }

    private static boolean matchesKind(Expected.RefKind kind, Object actual) {
        if (actual == null) return false;
        return switch (kind) {
            case FUNC -> actual instanceof FunctionInstance;
            case EXTERN -> actual instanceof ExternRef;
            case EXN -> actual instanceof ExceptionRef;
            case ANY -> !(actual instanceof FunctionInstance) && !(actual instanceof ExceptionRef);
            case STRUCT -> actual instanceof WasmStruct;
            case ARRAY -> actual instanceof WasmArray;
            case I31 -> actual instanceof I31Ref;
            case EQ -> actual instanceof WasmStruct || actual instanceof WasmArray || actual instanceof I31Ref;
        };
    }

    private static boolean matchesLanes(Expected.Vec v, long[] value) {
        int bits = v.shape().laneBits;
        for (int i = 0; i < v.shape().lanes; i++) {
            long lane = lane(value, i, bits);
            Expected.Lane expected = v.lanes().get(i);
            if (expected.nan() != null) {
                if (!isNan(bits, lane, expected.nan() == Expected.NanKind.CANONICAL)) return false;
            } else {
                long mask = bits == 64 ? -1L : (1L << bits) - 1;
                if ((lane & mask) != (expected.bits() & mask)) return false;
            }
        }
        return true;
    }

    private static long lane(long[] value, int index, int bits) {
        int bitOffset = index * bits;
        long word = value[bitOffset / 64];
        long shifted = word >>> (bitOffset % 64);
        return bits == 64 ? shifted : shifted & ((1L << bits) - 1);
    }

    /** nan:canonical has only the quiet bit of the payload set; nan:arithmetic at least the quiet bit. */
    private static boolean isNan(int width, long bits, boolean canonical) {
        if (width == 32) {
            int b = (int) bits & 0x7FFFFFFF;
            return canonical ? b == 0x7FC00000 : (b & 0x7FC00000) == 0x7FC00000;
        }
        long b = bits & 0x7FFFFFFFFFFFFFFFL;
        return canonical ? b == 0x7FF8000000000000L : (b & 0x7FF8000000000000L) == 0x7FF8000000000000L;
    }
}
