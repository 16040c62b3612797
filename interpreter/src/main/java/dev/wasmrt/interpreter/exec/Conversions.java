package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.Numerics;

import static dev.wasmrt.decoder.model.Opcodes.*;
import static dev.wasmrt.interpreter.exec.FloatOps.bits;
import static dev.wasmrt.interpreter.exec.FloatOps.f32;
import static dev.wasmrt.interpreter.exec.FloatOps.f64;

/** Conversions, reinterpretations and sign extensions: one operand, one result. */
final class Conversions {
    private Conversions() {}

    static int exec(int op, long[] s, int sp) {
        long a = s[sp - 1];
        s[sp - 1] = switch (op) {
            case I32_WRAP_I64 -> (int) a;
            case I32_TRUNC_F32_S -> Numerics.i32TruncS(f32(a));
            case I32_TRUNC_F32_U -> Numerics.i32TruncU(f32(a));
            case I32_TRUNC_F64_S -> Numerics.i32TruncS(f64(a));
            case I32_TRUNC_F64_U -> Numerics.i32TruncU(f64(a));
            case I64_EXTEND_I32_S -> (int) a;
            case I64_EXTEND_I32_U -> a & 0xFFFFFFFFL;
            case I64_TRUNC_F32_S -> Numerics.i64TruncS(f32(a));
            case I64_TRUNC_F32_U -> Numerics.i64TruncU(f32(a));
            case I64_TRUNC_F64_S -> Numerics.i64TruncS(f64(a));
            case I64_TRUNC_F64_U -> Numerics.i64TruncU(f64(a));
            case F32_CONVERT_I32_S -> bits((float) (int) a);
            case F32_CONVERT_I32_U -> bits(Numerics.f32ConvertI32U((int) a));
            case F32_CONVERT_I64_S -> bits((float) a);
            case F32_CONVERT_I64_U -> bits(Numerics.f32ConvertI64U(a));
            case F32_DEMOTE_F64 -> bits(Numerics.f32DemoteF64(f64(a)));
            case F64_CONVERT_I32_S -> bits((double) (int) a);
            case F64_CONVERT_I32_U -> bits(Numerics.f64ConvertI32U((int) a));
            case F64_CONVERT_I64_S -> bits((double) a);
            case F64_CONVERT_I64_U -> bits(Numerics.f64ConvertI64U(a));
            case F64_PROMOTE_F32 -> bits(Numerics.f64PromoteF32(f32(a)));
            case I32_REINTERPRET_F32, F32_REINTERPRET_I32 -> a & 0xFFFFFFFFL;
            case I64_REINTERPRET_F64, F64_REINTERPRET_I64 -> a;
            case I32_EXTEND8_S, I64_EXTEND8_S -> (byte) a;
            case I32_EXTEND16_S, I64_EXTEND16_S -> (short) a;
            case I64_EXTEND32_S -> (int) a;
            case I32_TRUNC_SAT_F32_S -> Numerics.i32TruncSatS(f32(a));
            case I32_TRUNC_SAT_F32_U -> Numerics.i32TruncSatU(f32(a));
            case I32_TRUNC_SAT_F64_S -> Numerics.i32TruncSatS(f64(a));
            case I32_TRUNC_SAT_F64_U -> Numerics.i32TruncSatU(f64(a));
            case I64_TRUNC_SAT_F32_S -> Numerics.i64TruncSatS(f32(a));
            case I64_TRUNC_SAT_F32_U -> Numerics.i64TruncSatU(f32(a));
            case I64_TRUNC_SAT_F64_S -> Numerics.i64TruncSatS(f64(a));
            case I64_TRUNC_SAT_F64_U -> Numerics.i64TruncSatU(f64(a));
            default -> throw SlowOps.unsupported(op);
        };
        return sp;
    }
}
