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
    static final String V128 = "dev/wasmrt/jit/V128";
    static final String SIMD_OPS = "dev/wasmrt/jit/SimdOps";

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

    /** A function's trap handler: adds the function to the caught trap's Wasm stack and rethrows it. */
    static void addTrapFrame(MethodVisitor mv, int stateLocal, int funcIndex) {
        mv.visitVarInsn(Opcodes.ALOAD, stateLocal);
        pushInt(mv, funcIndex);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "trapFrame", "(L" + TRAP + ";L" + JIT_INSTANCE + ";I)L" + TRAP + ";", false);
        mv.visitInsn(Opcodes.ATHROW);
    }

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
            case REF, V128 -> throw new IllegalArgumentException(t + " has no single raw-bits long");
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
            case REF, V128 -> throw new IllegalArgumentException(t + " has no single raw-bits long");
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
            case V128 -> mv.visitFieldInsn(Opcodes.GETSTATIC, Gen.V128, "ZERO", t.descriptor);
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
        int paramSlots = JvmType.valueSlots(sig.params);
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitFieldInsn(Opcodes.GETFIELD, CTX, "top", "I");
        mv.visitVarInsn(Opcodes.ISTORE, baseLocal);
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitVarInsn(Opcodes.ILOAD, baseLocal);
        pushInt(mv, Math.max(paramSlots, JvmType.valueSlots(sig.results)) + 1);
        mv.visitInsn(Opcodes.IADD);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, CTX, "ensure", "(I)V", false);
        int local = 0;
        for (int k = 0; k < sig.params.length; k++) {
            storeSlot(mv, sig.params[k], local, ctxLocal, baseLocal, JvmType.valueSlotOffset(sig.params, k));
            local += sig.params[k].size;
        }
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitVarInsn(Opcodes.ILOAD, baseLocal);
        pushInt(mv, paramSlots);
        mv.visitInsn(Opcodes.IADD);
        mv.visitFieldInsn(Opcodes.PUTFIELD, CTX, "top", "I");
    }

    /**
     * Stores local {@code valueLocal} of type {@code t} into value slot {@code base + slot} of the
     * context arrays (a v128 into that slot and the next).
     */
    static void storeSlot(MethodVisitor mv, JvmType t, int valueLocal, int ctxLocal, int baseLocal, int slot) {
        if (t == JvmType.REF) slotAddress(mv, "refs", "[Ljava/lang/Object;", ctxLocal, baseLocal, slot);
        else slotAddress(mv, "slots", "[J", ctxLocal, baseLocal, slot);
        mv.visitVarInsn(t.load, valueLocal);
        storeBits(mv, t);
    }

    /** Pushes the value of type {@code t} from value slot {@code base + slot} of the context arrays. */
    static void loadSlot(MethodVisitor mv, JvmType t, int ctxLocal, int baseLocal, int slot) {
        if (t == JvmType.REF) slotAddress(mv, "refs", "[Ljava/lang/Object;", ctxLocal, baseLocal, slot);
        else slotAddress(mv, "slots", "[J", ctxLocal, baseLocal, slot);
        loadBits(mv, t);
    }

    /**
     * With an array, an index and a value of type {@code t} on the stack: stores the value in the
     * slot convention (a reference into an {@code Object[]}, a number's raw bits into a
     * {@code long[]}, a v128 into that slot and the next).
     */
    static void storeBits(MethodVisitor mv, JvmType t) {
        switch (t) {
            case REF -> mv.visitInsn(Opcodes.AASTORE);
            case V128 -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, SIMD_OPS, "write", "([JI" + t.descriptor + ")V", false);
            default -> {
                toBits(mv, t);
                mv.visitInsn(Opcodes.LASTORE);
            }
        }
    }

    /** With an array and an index on the stack: the reverse of {@link #storeBits}. */
    static void loadBits(MethodVisitor mv, JvmType t) {
        switch (t) {
            case REF -> mv.visitInsn(Opcodes.AALOAD);
            case V128 -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, SIMD_OPS, "read", "([JI)" + t.descriptor, false);
            default -> {
                mv.visitInsn(Opcodes.LALOAD);
                fromBits(mv, t);
            }
        }
    }

    /** Pushes context array {@code array} and the index {@code base + slot}. */
    private static void slotAddress(MethodVisitor mv, String array, String desc, int ctxLocal, int baseLocal, int slot) {
        mv.visitVarInsn(Opcodes.ALOAD, ctxLocal);
        mv.visitFieldInsn(Opcodes.GETFIELD, CTX, array, desc);
        mv.visitVarInsn(Opcodes.ILOAD, baseLocal);
        if (slot != 0) {
            pushInt(mv, slot);
            mv.visitInsn(Opcodes.IADD);
        }
    }
}
