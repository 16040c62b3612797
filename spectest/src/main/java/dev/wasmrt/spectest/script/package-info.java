/**
 * The .wast script format of the spec test suite, read into an immutable AST:
 * {@link dev.wasmrt.spectest.script.ScriptParser#parse(java.nio.file.Path)} gives a
 * {@link dev.wasmrt.spectest.script.Script}, a list of {@link dev.wasmrt.spectest.script.Command}
 * records, each with its line. Modules stay undecoded ({@link dev.wasmrt.spectest.script.ModuleSource}):
 * a runner decodes them while executing the command, so a decoding error is that command's outcome.
 * Invoke arguments are {@link dev.wasmrt.spectest.script.Value}s; expected results are
 * {@link dev.wasmrt.spectest.script.Expected} patterns (exact bits, NaN classes, per-lane vectors,
 * reference kinds, alternatives).
 */
package dev.wasmrt.spectest.script;
