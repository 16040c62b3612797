package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.Module;

import java.util.List;

/**
 * A module that passed validation, with the facts the engines need. Only the validator makes
 * these, so an engine that receives one may trust the code without checking it again.
 *
 * @param module the module
 * @param functionFacts facts per defined function (index {@code i} is function
 *     {@code module.importedFunctionCount() + i})
 */
public record ValidatedModule(Module module, List<FunctionFacts> functionFacts) {
    public ValidatedModule {
        functionFacts = List.copyOf(functionFacts);
    }

    /** The facts of function {@code funcIndex} (imports included); it must be a defined function. */
    public FunctionFacts facts(int funcIndex) {
        return functionFacts.get(funcIndex - module.importedFunctionCount());
    }
}
