package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.Numerics;

import static dev.wasmrt.decoder.model.Opcodes.*;

/** Integer instructions the main loop does not inline: bit counts, division, rotation, wide arithmetic. */
final class IntOps {
    private IntOps() {}

    static int exec(int op, long[] s, int sp) {
        switch (op) {
            case I32_CLZ -> s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
            case I32_CTZ -> s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]);
            case I32_POPCNT -> s[sp - 1] = Integer.bitCount((int) s[sp - 1]);
            case I64_CLZ -> s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]);
            case I64_CTZ -> s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]);
            case I64_POPCNT -> s[sp - 1] = Long.bitCount(s[sp - 1]);
            default -> {
                sp--;
                long a = s[sp - 1];
                long b = s[sp];
                s[sp - 1] = switch (op) {
                    case I32_ADD -> (int) a + (int) b;
                    case I32_SUB -> (int) a - (int) b;
                    case I32_MUL -> (int) a * (int) b;
                    case I32_DIV_S -> Numerics.i32DivS((int) a, (int) b);
                    case I32_DIV_U -> Numerics.i32DivU((int) a, (int) b);
                    case I32_REM_S -> Numerics.i32RemS((int) a, (int) b);
                    case I32_REM_U -> Numerics.i32RemU((int) a, (int) b);
                    case I32_AND -> (int) (a & b);
                    case I32_OR -> (int) (a | b);
                    case I32_XOR -> (int) (a ^ b);
                    case I32_SHL -> (int) a << (int) b;
                    case I32_SHR_S -> (int) a >> (int) b;
                    case I32_SHR_U -> (int) a >>> (int) b;
                    case I32_ROTL -> Integer.rotateLeft((int) a, (int) b);
                    case I32_ROTR -> Integer.rotateRight((int) a, (int) b);
                    case I64_ADD -> a + b;
                    case I64_SUB -> a - b;
                    case I64_MUL -> a * b;
                    case I64_DIV_S -> Numerics.i64DivS(a, b);
                    case I64_DIV_U -> Numerics.i64DivU(a, b);
                    case I64_REM_S -> Numerics.i64RemS(a, b);
                    case I64_REM_U -> Numerics.i64RemU(a, b);
                    case I64_AND -> a & b;
                    case I64_OR -> a | b;
                    case I64_XOR -> a ^ b;
                    case I64_SHL -> a << b;
                    case I64_SHR_S -> a >> b;
                    case I64_SHR_U -> a >>> b;
                    case I64_ROTL -> Long.rotateLeft(a, (int) b);
                    case I64_ROTR -> Long.rotateRight(a, (int) b);
                    default -> throw SlowOps.unsupported(op);
                };
            }
        }
        return sp;
    }

    /** i64.add128, i64.sub128 (four operands, two results) and i64.mul_wide_s/u (two operands, two results). */
    static int wide(int op, long[] s, int sp) {
        if (op == I64_MUL_WIDE_S || op == I64_MUL_WIDE_U) {
            long a = s[sp - 2];
            long b = s[sp - 1];
            s[sp - 2] = a * b;
            s[sp - 1] = op == I64_MUL_WIDE_S ? Numerics.mulWideHighS(a, b) : Numerics.mulWideHighU(a, b);
            return sp;
        }
        long aLo = s[sp - 4], aHi = s[sp - 3], bLo = s[sp - 2], bHi = s[sp - 1];
        if (op == I64_ADD128) {
            s[sp - 4] = aLo + bLo;
            s[sp - 3] = Numerics.add128High(aLo, aHi, bLo, bHi);
        } else {
            s[sp - 4] = aLo - bLo;
            s[sp - 3] = Numerics.sub128High(aLo, aHi, bLo, bHi);
        }
        return sp - 2;
    }
}
