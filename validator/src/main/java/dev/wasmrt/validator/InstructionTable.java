package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Opcodes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed operand types of every instruction whose typing needs no context beyond an address
 * type: numeric, vector and memory instructions. Derived once from the opcode table's names,
 * which spell out the operand shapes ({@code i32.trunc_f64_s}, {@code i16x8.extract_lane_u},
 * {@code i64.atomic.rmw16.add_u}), so the hundreds of entries cannot drift from the opcodes.
 */
final class InstructionTable {
    private InstructionTable() {}

    /** Placeholder operand type: the address type of the instruction's memory (i32 or i64). */
    static final int ADDR = 5;

    private static final int[][] PARAMS = new int[Opcodes.LIMIT][];
    private static final int[][] RESULTS = new int[Opcodes.LIMIT][];
    /** log2 of the natural alignment of memory instructions, -1 for others. */
    private static final int[] NATURAL_ALIGN = new int[Opcodes.LIMIT];
    /** The number of lanes a lane immediate may address, 0 without one. */
    private static final int[] LANES = new int[Opcodes.LIMIT];

    /** Operand types, or null when the validator types the instruction itself. */
    static int[] params(int op) { return PARAMS[op]; }

    static int[] results(int op) { return RESULTS[op]; }

    static int naturalAlign(int op) { return NATURAL_ALIGN[op]; }

    static int lanes(int op) { return LANES[op]; }

    static boolean isAtomic(int op) { return op >= Opcodes.PREFIX_FE && op < Opcodes.PREFIX_FD; }

    private static final Pattern WIDTH = Pattern.compile("(?:load|store|rmw|wait)(\\d+)(?:x(\\d+))?");
    private static final Pattern SOURCE = Pattern.compile("_(i32|i64|f32|f64)(?:_|$)");

    static {
        java.util.Arrays.fill(NATURAL_ALIGN, -1);
        for (int op = 0; op < Opcodes.LIMIT; op++) {
            if (!Opcodes.isDefined(op)) continue;
            String name = Opcodes.name(op);
            Immediates imm = Opcodes.immediates(op);
            if (imm == Immediates.MEMARG || imm == Immediates.MEMARG_LANE) {
                defineMemory(op, name, imm == Immediates.MEMARG_LANE);
            } else if ((op >= Opcodes.I32_EQZ && op <= Opcodes.I64_EXTEND32_S)
                    || (op >= Opcodes.I32_TRUNC_SAT_F32_S && op <= Opcodes.I64_TRUNC_SAT_F64_U)) {
                defineScalar(op, name);
            } else if (op >= Opcodes.PREFIX_FD) {
                defineVector(op, name, imm);
            }
        }
        set(Opcodes.I32_CONST, new int[0], Vt.I32);
        set(Opcodes.I64_CONST, new int[0], Vt.I64);
        set(Opcodes.F32_CONST, new int[0], Vt.F32);
        set(Opcodes.F64_CONST, new int[0], Vt.F64);
        int[] four64 = {Vt.I64, Vt.I64, Vt.I64, Vt.I64};
        PARAMS[Opcodes.I64_ADD128] = four64;
        RESULTS[Opcodes.I64_ADD128] = new int[] {Vt.I64, Vt.I64};
        PARAMS[Opcodes.I64_SUB128] = four64;
        RESULTS[Opcodes.I64_SUB128] = new int[] {Vt.I64, Vt.I64};
        for (int op : new int[] {Opcodes.I64_MUL_WIDE_S, Opcodes.I64_MUL_WIDE_U}) {
            PARAMS[op] = new int[] {Vt.I64, Vt.I64};
            RESULTS[op] = new int[] {Vt.I64, Vt.I64};
        }
    }

    private static void set(int op, int[] params, int... results) {
        PARAMS[op] = params;
        RESULTS[op] = results;
    }

    private static int scalarType(String prefix) {
        return switch (prefix) {
            case "i32", "i8x16", "i16x8", "i32x4" -> Vt.I32;
            case "i64", "i64x2" -> Vt.I64;
            case "f32", "f32x4" -> Vt.F32;
            case "f64", "f64x2" -> Vt.F64;
            case "v128" -> Vt.V128;
            default -> throw new IllegalStateException("unexpected operand shape " + prefix);
        };
    }

    private static void defineScalar(int op, String name) {
        int dot = name.indexOf('.');
        int t = scalarType(name.substring(0, dot));
        String rest = name.substring(dot + 1);
        Matcher source = SOURCE.matcher(rest);
        if (rest.equals("eqz")) {
            set(op, new int[] {t}, Vt.I32);
        } else if (rest.matches("(eq|ne|lt|gt|le|ge)(_[su])?")) {
            set(op, new int[] {t, t}, Vt.I32);
        } else if (source.find()) {
            set(op, new int[] {scalarType(source.group(1))}, t);
        } else if (rest.matches("clz|ctz|popcnt|abs|neg|ceil|floor|trunc|nearest|sqrt|extend\\d+_s")) {
            set(op, new int[] {t}, t);
        } else {
            set(op, new int[] {t, t}, t);
        }
    }

    private static void defineVector(int op, String name, Immediates imm) {
        int dot = name.indexOf('.');
        String shape = name.substring(0, dot);
        String rest = name.substring(dot + 1);
        int v = Vt.V128;
        if (imm == Immediates.LANE) {
            LANES[op] = laneCount(shape);
            int scalar = scalarType(shape);
            if (rest.startsWith("extract_lane")) set(op, new int[] {v}, scalar);
            else set(op, new int[] {v, scalar}, v);
        } else if (imm == Immediates.V128) {
            set(op, new int[0], v);
        } else if (imm == Immediates.SHUFFLE) {
            LANES[op] = 32;
            set(op, new int[] {v, v}, v);
        } else if (rest.equals("splat")) {
            set(op, new int[] {scalarType(shape)}, v);
        } else if (rest.equals("all_true") || rest.equals("bitmask") || rest.equals("any_true")) {
            set(op, new int[] {v}, Vt.I32);
        } else if (rest.matches("shl|shr_s|shr_u")) {
            set(op, new int[] {v, Vt.I32}, v);
        } else if (rest.matches("bitselect|relaxed_n?madd|relaxed_laneselect|relaxed_dot_.*_add_s")) {
            set(op, new int[] {v, v, v}, v);
        } else if (rest.matches("not|abs|neg|sqrt|ceil|floor|trunc|nearest|popcnt|extend_.*|convert.*|trunc_sat.*"
                + "|relaxed_trunc.*|demote.*|promote.*|extadd_pairwise.*")) {
            set(op, new int[] {v}, v);
        } else {
            set(op, new int[] {v, v}, v);
        }
    }

    private static int laneCount(String shape) {
        return Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
    }

    private static void defineMemory(int op, String name, boolean lane) {
        int dot = name.indexOf('.');
        String prefix = name.substring(0, dot);
        boolean notify = name.equals("memory.atomic.notify");
        int t = prefix.equals("memory") ? (name.endsWith("wait64") ? Vt.I64 : Vt.I32) : scalarType(prefix);
        int bytes = switch (t) {
            case Vt.I64, Vt.F64 -> 8;
            case Vt.V128 -> 16;
            default -> 4;
        };
        Matcher width = WIDTH.matcher(name);
        if (width.find()) {
            int bits = Integer.parseInt(width.group(1)) * (width.group(2) == null ? 1 : Integer.parseInt(width.group(2)));
            bytes = bits / 8;
        }
        NATURAL_ALIGN[op] = Integer.numberOfTrailingZeros(bytes);
        int a = ADDR;
        if (lane) {
            LANES[op] = 16 / bytes;
            if (name.contains("load")) set(op, new int[] {a, Vt.V128}, Vt.V128);
            else set(op, new int[] {a, Vt.V128});
        } else if (notify) {
            set(op, new int[] {a, Vt.I32}, Vt.I32);
        } else if (name.contains("wait")) {
            set(op, new int[] {a, t, Vt.I64}, Vt.I32);
        } else if (name.contains("cmpxchg")) {
            set(op, new int[] {a, t, t}, t);
        } else if (name.contains("rmw")) {
            set(op, new int[] {a, t}, t);
        } else if (name.contains("store")) {
            set(op, new int[] {a, t});
        } else {
            set(op, new int[] {a}, t);
        }
    }
}
