package dev.wasmrt.decoder.model;

/**
 * A value type: a number, {@code v128}, or a reference.
 *
 * <p>A reference type is a heap type plus nullability. Heap types use the binary format's own
 * signed (s33) encoding: a non-negative value is a type index, a negative value one of the
 * abstract heap types below. The type index is the module's own index; the validator decides
 * equivalence of concrete types (iso-recursive canonicalisation), not this class.
 *
 * <p>{@link #encode()} packs a type into one {@code int} so that instruction immediates
 * (typed {@code select}, block types, {@code ref.null}) stay in the flat code array.
 */
public record ValType(Kind kind, boolean nullable, int heapType) {

    public enum Kind { I32, I64, F32, F64, V128, REF }

    // Abstract heap types: the s7 values of their binary codes.
    public static final int HT_NOEXN = -0x0C;    // 0x74
    public static final int HT_NOFUNC = -0x0D;   // 0x73
    public static final int HT_NOEXTERN = -0x0E; // 0x72
    public static final int HT_NONE = -0x0F;     // 0x71
    public static final int HT_FUNC = -0x10;     // 0x70
    public static final int HT_EXTERN = -0x11;   // 0x6F
    public static final int HT_ANY = -0x12;      // 0x6E
    public static final int HT_EQ = -0x13;       // 0x6D
    public static final int HT_I31 = -0x14;      // 0x6C
    public static final int HT_STRUCT = -0x15;   // 0x6B
    public static final int HT_ARRAY = -0x16;    // 0x6A
    public static final int HT_EXN = -0x17;      // 0x69

    public static final ValType I32 = new ValType(Kind.I32, false, 0);
    public static final ValType I64 = new ValType(Kind.I64, false, 0);
    public static final ValType F32 = new ValType(Kind.F32, false, 0);
    public static final ValType F64 = new ValType(Kind.F64, false, 0);
    public static final ValType V128 = new ValType(Kind.V128, false, 0);
    public static final ValType FUNCREF = ref(true, HT_FUNC);
    public static final ValType EXTERNREF = ref(true, HT_EXTERN);
    public static final ValType ANYREF = ref(true, HT_ANY);
    public static final ValType EQREF = ref(true, HT_EQ);
    public static final ValType I31REF = ref(true, HT_I31);
    public static final ValType STRUCTREF = ref(true, HT_STRUCT);
    public static final ValType ARRAYREF = ref(true, HT_ARRAY);
    public static final ValType EXNREF = ref(true, HT_EXN);
    public static final ValType NULLREF = ref(true, HT_NONE);
    public static final ValType NULLFUNCREF = ref(true, HT_NOFUNC);
    public static final ValType NULLEXTERNREF = ref(true, HT_NOEXTERN);
    public static final ValType NULLEXNREF = ref(true, HT_NOEXN);

    public ValType {
        if (kind == null) throw new IllegalArgumentException("kind");
        if (kind != Kind.REF && (nullable || heapType != 0)) {
            throw new IllegalArgumentException("only references have a heap type");
        }
    }

    public static ValType ref(boolean nullable, int heapType) {
        return new ValType(Kind.REF, nullable, heapType);
    }

    public boolean isRef() { return kind == Kind.REF; }

    public boolean isNumeric() { return kind != Kind.REF && kind != Kind.V128; }

    /** True for a reference to a concrete (module-defined) type. */
    public boolean isConcreteRef() { return kind == Kind.REF && heapType >= 0; }

    /** True when a local of this type may start out with a default value. */
    public boolean isDefaultable() { return kind != Kind.REF || nullable; }

    private static final int REF_BIT = 1 << 30;
    private static final int NULLABLE_BIT = 1 << 29;
    private static final int HEAP_MASK = (1 << 29) - 1;

    /** Packs this type into one int (see {@link #decode}). */
    public int encode() {
        if (kind != Kind.REF) return kind.ordinal();
        return REF_BIT | (nullable ? NULLABLE_BIT : 0) | (heapType & HEAP_MASK);
    }

    public static ValType decode(int code) {
        return switch (code) {
            case 0 -> I32;
            case 1 -> I64;
            case 2 -> F32;
            case 3 -> F64;
            case 4 -> V128;
            default -> {
                if ((code & REF_BIT) == 0) throw new IllegalArgumentException("not a value type code: " + code);
                int heap = (code & HEAP_MASK) << 3 >> 3; // sign-extend 29 bits
                yield ref((code & NULLABLE_BIT) != 0, heap);
            }
        };
    }

    /** The text-format name of an abstract heap type, or the index as text. */
    public static String heapTypeName(int heapType) {
        return switch (heapType) {
            case HT_NOEXN -> "noexn";
            case HT_NOFUNC -> "nofunc";
            case HT_NOEXTERN -> "noextern";
            case HT_NONE -> "none";
            case HT_FUNC -> "func";
            case HT_EXTERN -> "extern";
            case HT_ANY -> "any";
            case HT_EQ -> "eq";
            case HT_I31 -> "i31";
            case HT_STRUCT -> "struct";
            case HT_ARRAY -> "array";
            case HT_EXN -> "exn";
            default -> Integer.toString(heapType);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case V128 -> "v128";
            case REF -> "(ref " + (nullable ? "null " : "") + heapTypeName(heapType) + ")";
        };
    }
}
