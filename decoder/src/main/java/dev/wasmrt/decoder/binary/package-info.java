/**
 * The WebAssembly binary format: {@link dev.wasmrt.decoder.binary.BinaryDecoder} reads a module
 * into the shared model, {@link dev.wasmrt.decoder.binary.BinaryWriter} writes one back.
 *
 * <p>Reading is layered: {@code ByteReader} (bytes, LEB128, names) under {@code TypeDecoder} and
 * {@code InstructionDecoder}, which the section decoders ({@code DefinitionSections},
 * {@code SegmentSections}, {@code NameSectionDecoder}) combine. Writing mirrors it with
 * {@code ByteWriter}, {@code TypeWriter}, {@code InstructionWriter} and {@code NameSectionWriter}.
 * Error reasons use the spec suite's wording, since the spec runner compares them.
 */
package dev.wasmrt.decoder.binary;
