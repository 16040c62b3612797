package dev.wasmrt.interpreter;

/** Test helper: instantiate a text-format module with optional imports. */
final class Wat {
    private Wat() {}

    static Instance instantiate(String wat) {
        return instantiate(new Store(), wat, new Imports());
    }

    static Instance instantiate(Store store, String wat, Imports imports) {
        return store.instantiate(Wasm.parse(wat), imports);
    }

    static int i32(Instance instance, String name, long... args) {
        return (int) instance.call(name, args)[0];
    }

    static long i64(Instance instance, String name, long... args) {
        return instance.call(name, args)[0];
    }
}
