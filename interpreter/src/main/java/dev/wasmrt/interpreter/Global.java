package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;

/**
 * A global variable. Engines read and write the public fields directly: {@link #bits} holds a
 * number's raw bits (and the low half of a {@code v128}), {@link #high} the high half of a
 * {@code v128}, {@link #ref} a reference.
 */
public final class Global implements Extern {
    private final ValType type;
    private final boolean mutable;
    /** The type detached from its module, for matching imports. */
    final RtType rtType;

    public long bits;
    public long high;
    public Object ref;

    public Global(ValType type, boolean mutable) {
        this(type, mutable, RtType.of(type));
    }

    Global(ValType type, boolean mutable, RtType rtType) {
        this.type = type;
        this.mutable = mutable;
        this.rtType = rtType;
    }

    public static Global ofI32(int value, boolean mutable) { Global g = new Global(ValType.I32, mutable); g.bits = value; return g; }

    public static Global ofI64(long value, boolean mutable) { Global g = new Global(ValType.I64, mutable); g.bits = value; return g; }

    public static Global ofF32(float value, boolean mutable) {
        Global g = new Global(ValType.F32, mutable);
        g.bits = Float.floatToRawIntBits(value) & 0xFFFFFFFFL;
        return g;
    }

    public static Global ofF64(double value, boolean mutable) {
        Global g = new Global(ValType.F64, mutable);
        g.bits = Double.doubleToRawLongBits(value);
        return g;
    }

    public ValType type() { return type; }

    public boolean mutable() { return mutable; }
}
