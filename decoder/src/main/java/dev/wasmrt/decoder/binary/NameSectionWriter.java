package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.Names;

import java.util.Map;
import java.util.TreeMap;

/** Writes {@link Names} as the content of a {@code name} custom section (maps in index order, as the format requires). */
final class NameSectionWriter {
    private NameSectionWriter() {}

    static byte[] write(Names names) {
        ByteWriter out = new ByteWriter();
        if (names.moduleName() != null) {
            ByteWriter sub = new ByteWriter();
            sub.name(names.moduleName());
            subsection(out, 0, sub);
        }
        if (!names.functions().isEmpty()) {
            ByteWriter sub = new ByteWriter();
            nameMap(sub, names.functions());
            subsection(out, 1, sub);
        }
        if (!names.locals().isEmpty()) {
            ByteWriter sub = new ByteWriter();
            Map<Integer, Map<Integer, String>> sorted = new TreeMap<>(names.locals());
            sub.u32(sorted.size());
            sorted.forEach((function, locals) -> {
                sub.u32(function);
                nameMap(sub, locals);
            });
            subsection(out, 2, sub);
        }
        return out.toByteArray();
    }

    private static void subsection(ByteWriter out, int id, ByteWriter content) {
        out.u8(id);
        out.sized(content);
    }

    private static void nameMap(ByteWriter out, Map<Integer, String> names) {
        Map<Integer, String> sorted = new TreeMap<>(names);
        out.u32(sorted.size());
        sorted.forEach((index, name) -> {
            out.u32(index);
            out.name(name);
        });
    }
}
