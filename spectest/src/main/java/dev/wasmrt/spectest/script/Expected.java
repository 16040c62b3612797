package dev.wasmrt.spectest.script;

import java.util.List;

/** One expected result of {@code assert_return}: an exact value or a pattern. */
public sealed interface Expected {

    /** Exactly this value (numbers compare by bits, so a NaN must match its payload). */
    record Exact(Value value) implements Expected {}

    /** {@code nan:canonical} or {@code nan:arithmetic} of type F32 or F64. */
    record Nan(Value.NumType type, boolean canonical) implements Expected {}

    enum Shape {
        I8X16(16, 8), I16X8(8, 16), I32X4(4, 32), I64X2(2, 64), F32X4(4, 32), F64X2(2, 64);

        public final int lanes;
        public final int laneBits;

        Shape(int lanes, int laneBits) {
            this.lanes = lanes;
            this.laneBits = laneBits;
        }

        public boolean isFloat() { return this == F32X4 || this == F64X2; }
    }

    /** A v128 lane by lane: each lane is its bits, or a NaN pattern when {@code nan} is not null. */
    record Lane(long bits, NanKind nan) {}

    enum NanKind { CANONICAL, ARITHMETIC }

    record Vec(Shape shape, List<Lane> lanes) implements Expected {
        public Vec { lanes = List.copyOf(lanes); }
    }

    /** A null reference; {@code heapType} is an abstract {@code ValType.HT_*}, or null for {@code (ref.null)} (any null). */
    record RefNull(Integer heapType) implements Expected {}

    /** {@code (ref.extern n)}, or any extern reference when {@code payload} is null. */
    record RefExtern(Long payload) implements Expected {}

    /** {@code (ref.host n)}. */
    record RefHost(long payload) implements Expected {}

    /** Any non-null reference of a kind: {@code (ref.func)}, {@code (ref.struct)}, {@code (ref.i31)}, ... */
    record RefOfKind(RefKind kind) implements Expected {}

    enum RefKind { FUNC, STRUCT, ARRAY, EQ, I31, ANY, EXN, EXTERN }

    /** {@code (either e1 e2 ...)}: any one of the alternatives. */
    record Either(List<Expected> alternatives) implements Expected {
        public Either { alternatives = List.copyOf(alternatives); }
    }
}
