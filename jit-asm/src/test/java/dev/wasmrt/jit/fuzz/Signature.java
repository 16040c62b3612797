package dev.wasmrt.jit.fuzz;

import java.util.List;

/** A generated function type, with numeric parameters and results only. */
record Signature(List<String> params, List<String> results) {
    /** The type's text-format body, e.g. {@code (param i32 f64) (result i64)}. */
    String text() {
        StringBuilder out = new StringBuilder();
        if (!params.isEmpty()) out.append("(param ").append(String.join(" ", params)).append(")");
        if (!results.isEmpty()) out.append(out.isEmpty() ? "" : " ").append("(result ").append(String.join(" ", results)).append(")");
        return out.toString();
    }
}
