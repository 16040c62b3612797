package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.ValType;
import org.objectweb.asm.Opcodes;

import java.util.List;

/**
 * How a Wasm value type lives on the JVM: i32 as int, i64 as long, f32 as float, f64 as double,
 * every reference as Object, v128 as a {@link V128} reference. In the engine-neutral slot
 * convention ({@code ctx.slots}) a v128 takes two slots, every other value one.
 */
enum JvmType {
    INT("I", Opcodes.ILOAD, Opcodes.ISTORE, Opcodes.IRETURN, 1),
    LONG("J", Opcodes.LLOAD, Opcodes.LSTORE, Opcodes.LRETURN, 2),
    FLOAT("F", Opcodes.FLOAD, Opcodes.FSTORE, Opcodes.FRETURN, 1),
    DOUBLE("D", Opcodes.DLOAD, Opcodes.DSTORE, Opcodes.DRETURN, 2),
    REF("Ljava/lang/Object;", Opcodes.ALOAD, Opcodes.ASTORE, Opcodes.ARETURN, 1),
    V128("L" + Gen.V128 + ";", Opcodes.ALOAD, Opcodes.ASTORE, Opcodes.ARETURN, 1);

    final String descriptor;
    final int load;
    final int store;
    final int returnOp;
    /** JVM local and stack slots taken. */
    final int size;

    JvmType(String descriptor, int load, int store, int returnOp, int size) {
        this.descriptor = descriptor;
        this.load = load;
        this.store = store;
        this.returnOp = returnOp;
        this.size = size;
    }

    /** Held as a JVM object (a reference or a {@link V128}), not as raw bits. */
    boolean isObject() { return this == REF || this == V128; }

    /** Value slots taken in the context's arrays (the engine-neutral calling convention). */
    int valueSlots() { return this == V128 ? 2 : 1; }

    /** The JVM form of {@code t}. */
    static JvmType of(ValType t) {
        return switch (t.kind()) {
            case I32 -> INT;
            case I64 -> LONG;
            case F32 -> FLOAT;
            case F64 -> DOUBLE;
            case REF -> REF;
            case V128 -> V128;
        };
    }

    static JvmType[] of(List<ValType> types) {
        JvmType[] out = new JvmType[types.size()];
        for (int i = 0; i < out.length; i++) out[i] = of(types.get(i));
        return out;
    }

    /** JVM local slots {@code types} take. */
    static int slots(JvmType[] types) {
        int n = 0;
        for (JvmType t : types) n += t.size;
        return n;
    }

    /** Value slots {@code types} take in the context's arrays. */
    static int valueSlots(JvmType[] types) {
        int n = 0;
        for (JvmType t : types) n += t.valueSlots();
        return n;
    }

    /** The value slot of {@code types[index]} counted from the first of {@code types}. */
    static int valueSlotOffset(JvmType[] types, int index) {
        int n = 0;
        for (int i = 0; i < index; i++) n += types[i].valueSlots();
        return n;
    }

    /** The descriptor of {@code (params..., extra...) -> first result or void}. */
    static String methodDescriptor(JvmType[] params, JvmType[] results, String... extra) {
        StringBuilder sb = new StringBuilder("(");
        for (JvmType p : params) sb.append(p.descriptor);
        for (String e : extra) sb.append(e);
        sb.append(')').append(results.length == 0 ? "V" : results[0].descriptor);
        return sb.toString();
    }

    /** The key identifying a JVM signature: parameter and result letters. */
    static String signatureKey(JvmType[] params, JvmType[] results) {
        StringBuilder sb = new StringBuilder();
        for (JvmType p : params) sb.append(p.name().charAt(0));
        sb.append('_');
        for (JvmType r : results) sb.append(r.name().charAt(0));
        return sb.toString();
    }
}
