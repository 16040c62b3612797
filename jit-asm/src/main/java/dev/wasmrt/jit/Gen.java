package dev.wasmrt.jit;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Names of the generated classes and runtime types, and the small emit idioms they share. */
final class Gen {
    private Gen() {}

    static final String PACKAGE = "dev/wasmrt/jit/generated/";
    static final String STATE = PACKAGE + "State";
    static final String DISPATCH = PACKAGE + "Dispatch";
    /** Functions per code class: keeps each class's constant pool and dispatch switch small. */
    static final int FUNCTIONS_PER_CLASS = 128;

    static final String STATE_DESC = "L" + STATE + ";";
    static final String CTX = "dev/wasmrt/interpreter/ExecContext";
    static final String CTX_DESC = "L" + CTX + ";";
    static final String FUNCTION = "dev/wasmrt/interpreter/FunctionInstance";
    static final String FUNCTION_DESC = "L" + FUNCTION + ";";
    static final String MEMORY = "dev/wasmrt/interpreter/Memory";
    static final String MEMORY_DESC = "L" + MEMORY + ";";
    static final String GLOBAL = "dev/wasmrt/interpreter/Global";
    static final String GLOBAL_DESC = "L" + GLOBAL + ";";
    static final String TABLE = "dev/wasmrt/interpreter/Table";
    static final String TABLE_DESC = "L" + TABLE + ";";
    static final String TAG = "dev/wasmrt/interpreter/Tag";
    static final String TAG_DESC = "L" + TAG + ";";
    static final String INSTANCE = "dev/wasmrt/interpreter/Instance";
    static final String INSTANCE_DESC = "L" + INSTANCE + ";";
    static final String TRAP = "dev/wasmrt/interpreter/Trap";
    static final String WASM_EXCEPTION = "dev/wasmrt/interpreter/WasmException";
    static final String EXCEPTION_REF = "dev/wasmrt/interpreter/ExceptionRef";
    static final String EXCEPTION_REF_DESC = "L" + EXCEPTION_REF + ";";
    static final String NUMERICS = "dev/wasmrt/interpreter/Numerics";
    static final String JIT_INSTANCE = "dev/wasmrt/jit/JitInstance";
    static final String COMPILED_FUNCTION = "dev/wasmrt/jit/CompiledFunction";
    static final String RT = "dev/wasmrt/jit/Rt";
    /**
     * What every call into compiled code passes after the Wasm operands: the instance state, the
     * context and the call budget (frames the callee may still enter, see
     * {@link dev.wasmrt.interpreter.ExecContext#callBudget()}).
     */
    static final String CALL_EXTRAS = STATE_DESC + CTX_DESC + "I";

    static String codeClass(int funcIndex) { return PACKAGE + "Code" + funcIndex / FUNCTIONS_PER_CLASS; }

    static String functionMethod(int funcIndex) { return "f" + funcIndex; }

    static String invokerMethod(int funcIndex) { return "i" + funcIndex; }

    /** The translated body of a function with tail calls; {@code f<i>} is then its trampoline. */
    static String bodyMethod(int funcIndex) { return "t" + funcIndex; }

    /** The invoker of {@code t<i>} ({@code i<i>}'s convention), which the trampoline loop calls. */
    static String bodyInvokerMethod(int funcIndex) { return "b" + funcIndex; }

    /**
     * A compiled function's first instructions: traps "call stack exhausted" when its budget (an
     * int parameter) is spent, as the interpreter's depth counter would at the same depth.
     */
    static void checkCallBudget(MethodVisitor mv, int budgetLocal) {
        Label ok = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, budgetLocal);
        mv.visitJumpInsn(Opcodes.IFGT, ok);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, "callStackExhausted", "()L" + TRAP + ";", false);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitLabel(ok);
    }

    /** Pushes a callee's budget: one frame less than the caller's, in {@code budgetLocal}. */
    static void pushCalleeBudget(MethodVisitor mv, int budgetLocal) {
        mv.visitVarInsn(Opcodes.ILOAD, budgetLocal);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.ISUB);
    }

    /**
     * Raises the context's depth to match compiled frames whose callee has the budget in
     * {@code budgetLocal}, before a call into other code that counts depth there; stores the
     * depth to restore in {@code savedLocal}.
     */
    static void descend(MethodVisitor mv, int ctxLocal, int budgetLocal, int savedLocal) {
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitVarInsn(Opcodes.ILOAD, budgetLocal);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, CTX, "descendTo", "(I)I", false);
        mv.visitVarInsn(Opcodes.ISTORE, savedLocal);
    }

    static void restoreDepth(MethodVisitor mv, int ctxLocal, int savedLocal) {
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitVarInsn(Opcodes.ILOAD, savedLocal);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, CTX, "restoreDepth", "(I)V", false);
    }

    /** Pushes an int constant in the shortest form. */
    static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(Opcodes.ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(Opcodes.SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    static void pushLong(MethodVisitor mv, long v) {
        if (v == 0 || v == 1) mv.visitInsn(Opcodes.LCONST_0 + (int) v);
        else mv.visitLdcInsn(v);
    }

    /** Converts the JVM value on top of the stack to its raw-bits long (the slot convention). */
    static void toBits(MethodVisitor mv, JvmType t) {
        switch (t) {
            case INT -> mv.visitInsn(Opcodes.I2L);
            case LONG -> { }
            case FLOAT -> {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitInsn(Opcodes.I2L);
                mv.visitLdcInsn(0xFFFFFFFFL);
                mv.visitInsn(Opcodes.LAND);
            }
            case DOUBLE -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            case REF -> throw new IllegalArgumentException("references have no bits");
        }
    }

    /** Converts a raw-bits long on top of the stack to the JVM value of type {@code t}. */
    static void fromBits(MethodVisitor mv, JvmType t) {
        switch (t) {
            case INT -> mv.visitInsn(Opcodes.L2I);
            case LONG -> { }
            case FLOAT -> {
                mv.visitInsn(Opcodes.L2I);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            case DOUBLE -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            case REF -> throw new IllegalArgumentException("references have no bits");
        }
    }

    /** Pushes the default (zero) value of {@code t}. */
    static void pushZero(MethodVisitor mv, JvmType t) {
        switch (t) {
            case INT -> mv.visitInsn(Opcodes.ICONST_0);
            case LONG -> mv.visitInsn(Opcodes.LCONST_0);
            case FLOAT -> mv.visitInsn(Opcodes.FCONST_0);
            case DOUBLE -> mv.visitInsn(Opcodes.DCONST_0);
            case REF -> mv.visitInsn(Opcodes.ACONST_NULL);
        }
    }

    static void pop(MethodVisitor mv, JvmType t) {
        mv.visitInsn(t.size == 2 ? Opcodes.POP2 : Opcodes.POP);
    }

    /**
     * Moves a call's arguments, held in JVM locals {@code 0..}, to the context's slots from
     * {@code ctx.top} (stored in local {@code baseLocal}), with room for the results, and raises
     * {@code ctx.top} past them: the engine-neutral calling convention.
     */
    static void spillArguments(MethodVisitor mv, Signature sig, int ctxLocal, int baseLocal) {
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitFieldInsn(Opcodes.GETFIELD, CTX, "top", "I");
        mv.visitVarInsn(Opcodes.ISTORE, baseLocal);
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitVarInsn(Opcodes.ILOAD, baseLocal);
        pushInt(mv, Math.max(sig.params.length, sig.results.length) + 1);
        mv.visitInsn(Opcodes.IADD);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, CTX, "ensure", "(I)V", false);
        int local = 0;
        for (int k = 0; k < sig.params.length; k++) {
            storeSlot(mv, sig.params[k], local, ctxLocal, baseLocal, k);
            local += sig.params[k].size;
        }
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitVarInsn(Opcodes.ILOAD, baseLocal);
        pushInt(mv, sig.params.length);
        mv.visitInsn(Opcodes.IADD);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CTX, "top", "I");
    }

    /** Stores local {@code valueLocal} of type {@code t} into slot {@code base + index} of the context arrays. */
    static void storeSlot(MethodVisitor mv, JvmType t, int valueLocal, int ctxLocal, int baseLocal, int index) {
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitFieldInsn(Opcodes.GETFIELD, CTX, t == JvmType.REF ? "refs" : "slots", t == JvmType.REF ? "[Ljava/lang/Object;" : "[J");
        mv.visitVarInsn(Opcodes.ILOAD, baseLocal);
        if (index != 0) {
            pushInt(mv, index);
            mv.visitInsn(Opcodes.IADD);
        }
        mv.visitVarInsn(t.load, valueLocal);
        if (t == JvmType.REF) mv.visitInsn(Opcodes.AASTORE);
        else {
            toBits(mv, t);
            mv.visitInsn(Opcodes.LASTORE);
        }
    }

    /** Pushes the value of type {@code t} from slot {@code base + index} of the context arrays. */
    static void loadSlot(MethodVisitor mv, JvmType t, int ctxLocal, int baseLocal, int index) {
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitFieldInsn(Opcodes.GETFIELD, CTX, t == JvmType.REF ? "refs" : "slots", t == JvmType.REF ? "[Ljava/lang/Object;" : "[J");
        mv.visitVarInsn(Opcodes.ILOAD, baseLocal);
        if (index != 0) {
            pushInt(mv, index);
            mv.visitInsn(Opcodes.IADD);
        }
        if (t == JvmType.REF) mv.visitInsn(Opcodes.AALOAD);
        else {
            mv.visitInsn(Opcodes.LALOAD);
            fromBits(mv, t);
        }
    }
}
