package dev.wasmrt.interpreter;

import java.util.HashMap;
import java.util.Map;

/** The externs offered to instantiation, by module name and field name. */
public final class Imports {
    private final Map<String, Map<String, Extern>> byModule = new HashMap<>();

    public Imports define(String module, String name, Extern value) {
        byModule.computeIfAbsent(module, k -> new HashMap<>()).put(name, value);
        return this;
    }

    /** Offers every export of {@code instance} under module name {@code module}. */
    public Imports defineAll(String module, Instance instance) {
        instance.exports().forEach((name, value) -> define(module, name, value));
        return this;
    }

    /** The extern, or null when none is defined. */
    public Extern lookup(String module, String name) {
        Map<String, Extern> m = byModule.get(module);
        return m == null ? null : m.get(name);
    }
}
