package dev.wasmrt.jit;

/**
 * A JVM call signature shared by Wasm function types that map to the same JVM types. The
 * generated {@code Dispatch} class has one set of helpers per signature: a generic call through
 * {@code FunctionInstance.invoke}, a direct dispatcher, and the call_indirect and throw entries
 * when some function uses them.
 */
final class Signature {
    final int id;
    final JvmType[] params;
    final JvmType[] results;
    boolean indirect32;
    boolean indirect64;
    boolean thrown;

    Signature(int id, JvmType[] params, JvmType[] results) {
        this.id = id;
        this.params = params;
        this.results = results;
    }

    /** {@code (params..., extra...) -> first result}. */
    String descriptor(String... extra) { return JvmType.methodDescriptor(params, results, extra); }

    String generic() { return "gen" + id; }

    String direct() { return "dd" + id; }

    String indirect(boolean is64) { return (is64 ? "ci64_" : "ci") + id; }

    String thrower() { return "th" + id; }
}
