package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Module;

import java.util.LinkedHashMap;
import java.util.Map;

/** Compiles a whole module: plans it, writes the code classes, then the state and dispatch classes. */
final class ModuleCompiler {
    private ModuleCompiler() {}

    static CompiledCode compile(Module module, CompilerOptions options) {
        ModulePlan plan = new ModulePlan(module, options);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        int chunks = (module.functionCount() + Gen.FUNCTIONS_PER_CLASS - 1) / Gen.FUNCTIONS_PER_CLASS;
        for (int c = 0; c < chunks; c++) {
            byte[] bytes = new CodeClassWriter(plan, c).write();
            classes.put(binaryName(Gen.PACKAGE + "Code" + c), bytes);
        }
        // Written last: they list the compiled functions and signatures the code classes settled on.
        classes.put(binaryName(Gen.STATE), StateWriter.write(plan));
        classes.put(binaryName(Gen.DISPATCH), DispatchWriter.write(plan));
        return new CompiledCode(classes, plan.compiled, plan.fallbackReason);
    }

    static String binaryName(String internalName) { return internalName.replace('/', '.'); }
}
