package dev.wasmrt.spectest;

import java.util.regex.Pattern;

/**
 * The feature category of a script, from its path in the suite, for the per-category tables:
 * core, simd, relaxed-simd, tail-call, exceptions, gc, function-references, memory64,
 * multi-memory, threads, and {@code proposals/<name>} for the other proposals.
 */
public final class Category {
    private static final Pattern MULTI_MEMORY = Pattern.compile("[a-z_]+[0-3]\\.wast|.*memory-multi\\.wast|memory_size_import\\.wast");
    private static final Pattern GC = Pattern.compile(
            "(array.*|struct|i31|ref_cast|ref_test|ref_eq|br_on_cast.*|type-(canon|equivalence|rec|subtyping)|extern|binary-gc)\\.wast");
    private static final Pattern FUNCTION_REFERENCES = Pattern.compile(
            "(call_ref|br_on_null|br_on_non_null|ref_as_non_null|local_init)\\.wast");
    private static final Pattern EXCEPTIONS = Pattern.compile("(throw|throw_ref|try_table|tag)\\.wast");

    private Category() {}

    public static String of(String script) {
        if (script.startsWith("proposals/threads/")) return "threads";
        if (script.startsWith("proposals/")) return script.substring(0, script.indexOf('/', "proposals/".length()));
        if (script.startsWith("legacy/")) return "exceptions";
        if (script.startsWith("custom/")) return "core";
        String name = script;
        if (name.contains("relaxed")) return "relaxed-simd";
        if (name.startsWith("simd_")) return "simd";
        if (name.startsWith("return_call")) return "tail-call";
        if (EXCEPTIONS.matcher(name).matches()) return "exceptions";
        if (GC.matcher(name).matches()) return "gc";
        if (FUNCTION_REFERENCES.matcher(name).matches()) return "function-references";
        if (name.endsWith("64.wast") || name.startsWith("memory64")) return "memory64";
        if (MULTI_MEMORY.matcher(name).matches()) return "multi-memory";
        return "core";
    }
}
