package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.interpreter.exec.AtomicOps;
import org.objectweb.asm.MethodVisitor;

import static dev.wasmrt.jit.JvmType.INT;
import static dev.wasmrt.jit.JvmType.LONG;
import static org.objectweb.asm.Opcodes.*;

/**
 * The threads proposal's instructions: each becomes one static call to {@link Atomics} with the
 * address (and, for loads, stores and RMW, every operand) widened to {@code long}, then the
 * offset, the memory and the access size.
 */
final class AtomicEmitter {
    private AtomicEmitter() {}

    private static final String ATOMICS = "dev/wasmrt/jit/Atomics";

    /** Emits {@code op}; false when it is not a threads instruction. */
    static boolean emit(FunctionTranslator t, int op, int pc) {
        if (op < Opcodes.PREFIX_FE || op >= Opcodes.PREFIX_FD) return false;
        MethodVisitor mv = t.visitor();
        switch (op) {
            case Opcodes.ATOMIC_FENCE ->
                    mv.visitMethodInsn(INVOKESTATIC, "dev/wasmrt/interpreter/exec/AtomicOps", "fence", "()V", false);
            case Opcodes.MEMORY_ATOMIC_NOTIFY -> {
                operands(t, pc, 2, false);
                mv.visitMethodInsn(INVOKESTATIC, ATOMICS, "notify", "(JIJ" + Gen.MEMORY_DESC + ")I", false);
                t.pushType(INT);
            }
            case Opcodes.MEMORY_ATOMIC_WAIT32, Opcodes.MEMORY_ATOMIC_WAIT64 -> {
                operands(t, pc, 3, false);
                boolean wide = op == Opcodes.MEMORY_ATOMIC_WAIT64;
                mv.visitMethodInsn(INVOKESTATIC, ATOMICS, wide ? "wait64" : "wait32", "(J" + (wide ? "J" : "I") + "JJ" + Gen.MEMORY_DESC + ")I", false);
                t.pushType(INT);
            }
            case Opcodes.I32_ATOMIC_STORE, Opcodes.I64_ATOMIC_STORE, Opcodes.I32_ATOMIC_STORE8, Opcodes.I32_ATOMIC_STORE16,
                 Opcodes.I64_ATOMIC_STORE8, Opcodes.I64_ATOMIC_STORE16, Opcodes.I64_ATOMIC_STORE32 -> {
                operands(t, pc, 2, true);
                Gen.pushInt(mv, AtomicOps.size(op));
                mv.visitMethodInsn(INVOKESTATIC, ATOMICS, "store", "(JJJ" + Gen.MEMORY_DESC + "I)V", false);
            }
            default -> {
                if (op < Opcodes.I32_ATOMIC_STORE) {
                    operands(t, pc, 1, true);
                    Gen.pushInt(mv, AtomicOps.size(op));
                    mv.visitMethodInsn(INVOKESTATIC, ATOMICS, "load", "(JJ" + Gen.MEMORY_DESC + "I)J", false);
                } else if (AtomicOps.rmwGroup(op) == AtomicOps.CMPXCHG) {
                    operands(t, pc, 3, true);
                    Gen.pushInt(mv, AtomicOps.size(op));
                    mv.visitMethodInsn(INVOKESTATIC, ATOMICS, "compareExchange", "(JJJJ" + Gen.MEMORY_DESC + "I)J", false);
                } else {
                    operands(t, pc, 2, true);
                    Gen.pushInt(mv, AtomicOps.size(op));
                    Gen.pushInt(mv, AtomicOps.rmwGroup(op));
                    mv.visitMethodInsn(INVOKESTATIC, ATOMICS, "rmw", "(JJJ" + Gen.MEMORY_DESC + "II)J", false);
                }
                boolean i64 = returnsI64(op);
                if (!i64) mv.visitInsn(L2I);
                t.pushType(i64 ? LONG : INT);
            }
        }
        return true;
    }

    /** Loads, stores and RMW come in groups of seven: i32, i64, i32 8/16-bit, i64 8/16/32-bit. */
    private static boolean returnsI64(int op) {
        int variant = (op - Opcodes.I32_ATOMIC_LOAD) % 7;
        return variant == 1 || variant >= 4;
    }

    /**
     * Reloads the {@code n} operands with the address as a {@code long} (and the others too when
     * {@code widenAll}), then pushes the offset and the memory.
     */
    private static void operands(FunctionTranslator t, int pc, int n, boolean widenAll) {
        MethodVisitor mv = t.visitor();
        int[] ops = t.ops();
        JvmType[] types = t.types(n);
        int[] locals = t.spill(n);
        for (int i = 0; i < n; i++) {
            mv.visitVarInsn(types[i].load, locals[i]);
            if (types[i] == INT && (i == 0 || widenAll)) mv.visitInsn(I2L);
        }
        Gen.pushLong(mv, (ops[pc + 3] & 0xFFFFFFFFL) | ((long) ops[pc + 4] << 32));
        t.loadSelfField("m" + ops[pc + 2], Gen.MEMORY_DESC);
    }
}
