package dev.wasmrt.decoder.model;

import java.util.List;

/**
 * A function defined in the module: its type index, its declared locals (parameters not
 * included, runs already expanded), and its body, which ends with the final {@code end}.
 */
public record Function(int typeIndex, List<ValType> locals, Expr body) {
    public Function { locals = List.copyOf(locals); }
}
