package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.ValType;

import java.io.PrintStream;
import java.util.List;

/**
 * The {@code spectest} host module the official test scripts import: print functions, four
 * globals holding 666, a table of 10..20 funcrefs (and a 64-bit one), a memory of 1..2 pages
 * and a shared one for the threads tests.
 */
public final class SpectestModule {
    private SpectestModule() {}

    /** Defines the module under the name {@code spectest}; prints go to {@code out} (null: discarded). */
    public static Imports define(Imports imports, PrintStream out) {
        print(imports, out, "print");
        print(imports, out, "print_i32", ValType.I32);
        print(imports, out, "print_i64", ValType.I64);
        print(imports, out, "print_f32", ValType.F32);
        print(imports, out, "print_f64", ValType.F64);
        print(imports, out, "print_i32_f32", ValType.I32, ValType.F32);
        print(imports, out, "print_f64_f64", ValType.F64, ValType.F64);
        imports.define("spectest", "global_i32", Global.ofI32(666, false));
        imports.define("spectest", "global_i64", Global.ofI64(666, false));
        imports.define("spectest", "global_f32", Global.ofF32(666.6f, false));
        imports.define("spectest", "global_f64", Global.ofF64(666.6, false));
        imports.define("spectest", "table", new Table(ValType.FUNCREF, 10, 20, true, false, null));
        imports.define("spectest", "table64", new Table(ValType.FUNCREF, 10, 20, true, true, null));
        imports.define("spectest", "memory", Memory.of(1, 2));
        imports.define("spectest", "shared_memory",
                new Memory(new MemoryType(Limits.of(1, 2), false, true, MemoryType.DEFAULT_PAGE_SIZE_LOG2), Long.MAX_VALUE));
        return imports;
    }

    private static void print(Imports imports, PrintStream out, String name, ValType... params) {
        FuncType type = FuncType.of(List.of(params), List.of());
        imports.define("spectest", name, new HostFunction(name, type, call -> {
            if (out == null) return;
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < params.length; i++) {
                if (i > 0) line.append(' ');
                line.append(switch (params[i].kind()) {
                    case I32 -> Integer.toString(call.argI32(i));
                    case I64 -> Long.toString(call.argI64(i));
                    case F32 -> Float.toString(call.argF32(i));
                    default -> Double.toString(call.argF64(i));
                });
            }
            out.println(line);
        }));
    }
}
