package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.CustomSection;
import dev.wasmrt.decoder.model.Module;

import java.util.Objects;

/**
 * Decodes a module in the WebAssembly 3.0 binary format. Malformed input of any kind raises
 * {@link DecodeException} with the spec suite's wording; nothing else escapes.
 */
public final class BinaryDecoder {
    static final int CUSTOM = 0, TYPE = 1, IMPORT = 2, FUNCTION = 3, TABLE = 4, MEMORY = 5, GLOBAL = 6,
            EXPORT = 7, START = 8, ELEMENT = 9, CODE = 10, DATA = 11, DATA_COUNT = 12, TAG = 13;

    /** Each section id's place in the required order (tags sit between memories and globals). */
    private static final int[] RANK = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};

    static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};
    static final byte[] VERSION = {0x01, 0x00, 0x00, 0x00};

    private final ByteReader in;
    private final Module.Builder module = Module.builder();
    private final InstructionDecoder code;
    private final DefinitionSections definitions;
    private final SegmentSections segments;
    private int codeCount;

    private BinaryDecoder(byte[] bytes) {
        in = new ByteReader(bytes);
        TypeDecoder types = new TypeDecoder(in);
        code = new InstructionDecoder(in, types);
        definitions = new DefinitionSections(in, types, code, module);
        segments = new SegmentSections(in, types, code, module);
    }

    public static Module decode(byte[] bytes) {
        return new BinaryDecoder(Objects.requireNonNull(bytes, "bytes")).module();
    }

    private Module module() {
        header();
        int lastRank = 0;
        while (!in.atEnd()) {
            int idAt = in.pos();
            int id = in.u8();
            if (id >= RANK.length) throw in.errorAt("malformed section id", idAt);
            if (id != CUSTOM) {
                if (RANK[id] <= lastRank) throw in.errorAt("unexpected content after last section", idAt);
                lastRank = RANK[id];
            }
            int sizeAt = in.pos();
            long size = Integer.toUnsignedLong(in.u32());
            if (size > in.remaining()) throw in.errorAt("length out of bounds", sizeAt);
            int end = in.pos() + (int) size;
            section(id, end);
            if (in.pos() != end) throw in.errorAt("section size mismatch", sizeAt);
        }
        if (definitions.functionTypes().length != codeCount) {
            throw in.error("function and code section have inconsistent lengths");
        }
        if (module.dataCount >= 0 && module.dataCount != module.datas.size()) {
            throw in.error("data count and data section have inconsistent lengths");
        }
        return module.build();
    }

    private void header() {
        if (in.remaining() < 4) throw in.error("unexpected end");
        for (byte b : MAGIC) {
            if (in.u8() != (b & 0xFF)) throw in.errorAt("magic header not detected", 0);
        }
        if (in.remaining() < 4) throw in.error("unexpected end");
        for (byte b : VERSION) {
            if (in.u8() != (b & 0xFF)) throw in.errorAt("unknown binary version", 4);
        }
    }

    private void section(int id, int end) {
        switch (id) {
            case CUSTOM -> customSection(end);
            case TYPE -> definitions.typeSection();
            case IMPORT -> definitions.importSection();
            case FUNCTION -> definitions.functionSection();
            case TABLE -> definitions.tableSection();
            case MEMORY -> definitions.memorySection();
            case TAG -> definitions.tagSection();
            case GLOBAL -> definitions.globalSection();
            case EXPORT -> definitions.exportSection();
            case START -> definitions.startSection();
            case ELEMENT -> segments.elementSection();
            case DATA_COUNT -> segments.dataCountSection();
            case CODE -> {
                int dataIndexUsesBefore = code.dataIndexUses();
                codeCount = segments.codeSection(definitions.functionTypes());
                if (code.dataIndexUses() > dataIndexUsesBefore && module.dataCount < 0) {
                    throw in.error("data count section required");
                }
            }
            case DATA -> segments.dataSection();
            default -> throw new IllegalStateException("section id checked by the caller: " + id);
        }
    }

    private void customSection(int end) {
        String name = in.name();
        if (in.pos() > end) throw in.error("unexpected end");
        byte[] content = in.bytes(end - in.pos());
        module.customSections.add(new CustomSection(name, content));
        if (name.equals("name")) module.names = NameSectionDecoder.decode(content);
    }
}
