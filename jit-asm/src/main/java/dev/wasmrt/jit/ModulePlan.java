package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compiler decided about a module before emitting code: which functions it compiles
 * (the rest run in the interpreter, with the reason recorded), every function's JVM signature,
 * and the call signatures the dispatch helpers must serve.
 */
final class ModulePlan {
    final Module module;
    final CompilerOptions options;
    /** Per function index: compiled here (false for imports and fallbacks). */
    final boolean[] compiled;
    /** Per function index: why a defined function is left to the interpreter, or null. */
    final String[] fallbackReason;
    /** Per function index: its signature, or null when it has more parameters than a JVM method takes. */
    final Signature[] functionSignature;
    /** Per function index: compiled with a trampoline because it tail-calls other functions. */
    final boolean[] trampolined;
    private final Map<String, Signature> signatures = new LinkedHashMap<>();

    ModulePlan(Module module, CompilerOptions options) {
        this.module = module;
        this.options = options;
        int n = module.functionCount();
        compiled = new boolean[n];
        fallbackReason = new String[n];
        functionSignature = new Signature[n];
        trampolined = new boolean[n];
        for (int i = 0; i < n; i++) {
            CompositeType.Func type = module.types().get(module.functionTypeIndex(i)).func();
            if (FunctionSupport.signatureProblem(type) == null) functionSignature[i] = signature(type);
            if (i < module.importedFunctionCount()) continue;
            String why = FunctionSupport.unsupportedReason(module, i);
            compiled[i] = why == null;
            trampolined[i] = compiled[i] && FunctionSupport.tailCallsOthers(module, i);
            fallbackReason[i] = why;
        }
    }

    Signature signature(CompositeType.Func type) {
        return signature(JvmType.of(type.params()), JvmType.of(type.results()));
    }

    Signature signature(JvmType[] params, JvmType[] results) {
        return signatures.computeIfAbsent(JvmType.signatureKey(params, results), k -> new Signature(signatures.size(), params, results));
    }

    List<Signature> signatures() { return new ArrayList<>(signatures.values()); }

    /** Marks a function the JVM refused (method too large) as interpreted. */
    void fallBack(int funcIndex, String reason) {
        compiled[funcIndex] = false;
        fallbackReason[funcIndex] = reason;
    }

    /** The descriptor of the static method {@code f<index>}: Wasm parameters, then state, context and call budget. */
    String functionDescriptor(int funcIndex) {
        return functionSignature[funcIndex].descriptor(Gen.CALL_EXTRAS);
    }
}
