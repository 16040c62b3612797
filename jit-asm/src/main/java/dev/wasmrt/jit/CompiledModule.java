package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.validator.ValidatedModule;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A module prepared by the compiler: its generated classes loaded in their own class loader,
 * plus the interpreter's preparation for the functions that were not compiled.
 */
final class CompiledModule implements Engine.EngineModule {
    private final Module module;
    private final CompiledCode code;
    private final Engine.EngineModule interpreted;
    private final MethodHandle newState;

    CompiledModule(ValidatedModule validated, CompiledCode code) {
        this.module = validated.module();
        this.code = code;
        this.interpreted = new Interpreter().prepare(validated);
        try {
            Class<?> state = new ModuleClassLoader(code.classes()).loadClass(ModuleCompiler.binaryName(Gen.STATE));
            this.newState = MethodHandles.publicLookup()
                    .findConstructor(state, MethodType.methodType(void.class, Instance.class))
                    .asType(MethodType.methodType(JitInstance.class, Instance.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated state class unusable", e);
        }
    }

    @Override
    public FunctionInstance[] createFunctions(Instance instance) {
        JitInstance state;
        try {
            state = (JitInstance) newState.invokeExact(instance);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create compiled instance state", e);
        }
        FunctionInstance[] fallback = interpreted.createFunctions(instance);
        int imported = module.importedFunctionCount();
        FunctionInstance[] out = new FunctionInstance[module.functions().size()];
        for (int i = 0; i < out.length; i++) {
            int index = imported + i;
            out[i] = code.isCompiled(index)
                    ? new CompiledFunction(instance.types[module.functionTypeIndex(index)], state, index)
                    : fallback[i];
        }
        return out;
    }
}
