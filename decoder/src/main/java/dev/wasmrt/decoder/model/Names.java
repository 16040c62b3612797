package dev.wasmrt.decoder.model;

import java.util.Map;

/**
 * Debug names from the {@code name} custom section (or from text-format identifiers), used in
 * trap messages and Wasm stack traces. Absent names are simply missing from the maps.
 */
public record Names(String moduleName, Map<Integer, String> functions, Map<Integer, Map<Integer, String>> locals) {
    public static final Names NONE = new Names(null, Map.of(), Map.of());

    public Names {
        functions = Map.copyOf(functions);
        locals = Map.copyOf(locals);
    }

    public String function(int index) { return functions.get(index); }
}
