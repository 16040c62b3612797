package dev.wasmrt.interpreter;

import dev.wasmrt.validator.ValidatedModule;

/**
 * Turns validated modules into runnable functions. The interpreter implements it now, the
 * compiler later; the store, instances, memories, tables and globals are shared by both.
 */
public interface Engine {
    /** A short name ("interpreter", "compiler") for reports and test names. */
    String name();

    /** Does the per-module work once (lowering, code generation); the result is reused by every instance. */
    EngineModule prepare(ValidatedModule module);

    /** A module prepared by an engine. */
    interface EngineModule {
        /**
         * Creates the defined functions of {@code instance} (index {@code i} is function
         * {@code importedFunctionCount() + i}). Called before the instance's globals, tables and
         * memories exist, because their initialisers may take function references; the
         * functions may read {@link Instance}'s public arrays only once they are first called.
         */
        FunctionInstance[] createFunctions(Instance instance);
    }
}
