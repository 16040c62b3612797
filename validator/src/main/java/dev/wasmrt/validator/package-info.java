/**
 * Validation of WebAssembly 3.0 modules, run once per module load.
 *
 * <p>{@link dev.wasmrt.validator.ModuleValidator#validate} checks a decoded
 * {@link dev.wasmrt.decoder.model.Module} and returns a {@link dev.wasmrt.validator.ValidatedModule}
 * with per-function {@link dev.wasmrt.validator.FunctionFacts} (stack sizes and branch targets);
 * any fault raises {@link dev.wasmrt.validator.ValidationException} with the spec suite's wording,
 * and nothing else escapes, however malformed the model.
 *
 * <p>{@link dev.wasmrt.validator.TypeRegistry} gives defined types store-wide canonical ids
 * (iso-recursive equivalence) and answers subtyping on them, for the runtime's cross-module checks.
 *
 * <p>Not checked here because the binary format owns it: the data count section's presence for
 * {@code memory.init} and {@code data.drop} (the binary decoder rejects such modules as malformed).
 */
package dev.wasmrt.validator;
