package dev.wasmrt.interpreter.exec;

import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.validator.ValidatedModule;

import java.util.concurrent.atomic.AtomicReferenceArray;

/** A module prepared for the interpreter: lowered code per function, made on first call and shared by instances. */
final class InterpreterModule implements Engine.EngineModule {
    private final Module module;
    private final ValidatedModule validated;
    private final AtomicReferenceArray<FunctionCode> codes;

    InterpreterModule(ValidatedModule validated) {
        this.module = validated.module();
        this.validated = validated;
        this.codes = new AtomicReferenceArray<>(module.functions().size());
    }

    FunctionCode code(int funcIndex) {
        int i = funcIndex - module.importedFunctionCount();
        FunctionCode c = codes.get(i);
        if (c == null) {
            c = Lowering.lower(module, validated.facts(funcIndex), funcIndex);
            codes.compareAndSet(i, null, c);
        }
        return c;
    }

    @Override
    public FunctionInstance[] createFunctions(Instance instance) {
        int imported = module.importedFunctionCount();
        FunctionInstance[] out = new FunctionInstance[module.functions().size()];
        for (int i = 0; i < out.length; i++) {
            int index = imported + i;
            out[i] = new InterpretedFunction(instance.types[module.functionTypeIndex(index)], instance, index, this);
        }
        return out;
    }
}
