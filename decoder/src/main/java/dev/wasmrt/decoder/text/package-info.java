/**
 * The WebAssembly text format: {@link dev.wasmrt.decoder.text.TextParser} reads a module into the
 * same {@link dev.wasmrt.decoder.model.Module} as the binary decoder.
 *
 * <p>Reading goes lexer ({@code Lexer}: tokens, comments and annotations dropped) then two passes
 * over the module fields: {@code Declarations} numbers every definition and records its
 * {@code $name}, so references may point forward; {@code ModuleReader} then reads type
 * definitions first (implicit function types are appended after them, in source order) and the
 * other fields in source order, with {@code InstructionReader} writing code through
 * {@link dev.wasmrt.decoder.model.ExprBuilder}. Unknown symbolic names are malformed; numeric
 * indices are kept as written for the validator to judge.
 */
package dev.wasmrt.decoder.text;
