package dev.wasmrt.jit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output of compiling one module: generated classes by binary name, and per function index
 * whether it was compiled or, for a defined function left to the interpreter, why. This is what
 * the {@code .cwasm} cache stores, so loading it needs neither ASM nor the validator's facts.
 */
public final class CompiledCode {
    private final Map<String, byte[]> classes;
    private final boolean[] compiled;
    private final String[] fallbackReasons;

    CompiledCode(Map<String, byte[]> classes, boolean[] compiled, String[] fallbackReasons) {
        this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        this.compiled = compiled.clone();
        this.fallbackReasons = fallbackReasons.clone();
    }

    /** Class files by binary name (dots); callers must not modify the arrays. */
    public Map<String, byte[]> classes() { return classes; }

    public int functionCount() { return compiled.length; }

    public boolean isCompiled(int funcIndex) { return compiled[funcIndex]; }

    /** Why defined function {@code funcIndex} runs in the interpreter, or null when it is compiled (or imported). */
    public String fallbackReason(int funcIndex) { return fallbackReasons[funcIndex]; }

    /** Defined functions left to the interpreter, by index, with the reason. */
    public Map<Integer, String> fallbacks() {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < fallbackReasons.length; i++) if (fallbackReasons[i] != null) out.put(i, fallbackReasons[i]);
        return out;
    }
}
