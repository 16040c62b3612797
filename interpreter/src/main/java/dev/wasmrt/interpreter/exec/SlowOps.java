package dev.wasmrt.interpreter.exec;

import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.gc.GcOps;
import dev.wasmrt.interpreter.simd.SimdInterpreter;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * Instructions the main loop delegates, by family. Each takes the operand stack and returns the
 * new stack height; none of them calls, branches or grows the value stack.
 */
final class SlowOps {
    private SlowOps() {}

    static int exec(int op, int[] code, int pc, long[] s, Object[] r, int sp, Instance inst) {
        if (op >= F32_EQ && op <= F64_GE || op >= F32_ABS && op <= F64_COPYSIGN) return FloatOps.exec(op, s, sp);
        if (op >= I32_CLZ && op <= I64_ROTR) return IntOps.exec(op, s, sp);
        if (op >= I32_TRUNC_F32_S && op <= I64_EXTEND32_S || op >= I32_TRUNC_SAT_F32_S && op <= I64_TRUNC_SAT_F64_U) {
            return Conversions.exec(op, s, sp);
        }
        if (op >= I64_ADD128 && op <= I64_MUL_WIDE_U) return IntOps.wide(op, s, sp);
        if (op >= Opcodes.PREFIX_FE && op < Opcodes.PREFIX_FD) return AtomicOps.exec(op, code, pc, s, sp, inst);
        if (op >= Opcodes.PREFIX_FD) return SimdInterpreter.exec(op, code, pc, s, sp, inst);
        if (op >= Opcodes.PREFIX_FB && op < Opcodes.PREFIX_FE) return GcOps.exec(op, code, pc, s, r, sp, inst.gcTypes, inst);
        return BulkOps.exec(op, code, pc, s, r, sp, inst);
    }

    static Trap unsupported(int op) {
        return new Trap("unsupported instruction: " + Opcodes.name(op));
    }
}
