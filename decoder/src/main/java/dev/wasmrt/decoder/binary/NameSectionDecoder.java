package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.Names;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the {@code name} custom section into {@link Names}. Custom sections are not validated,
 * so a damaged name section never fails the module: decoding stops at the first defect and keeps
 * the names read until then.
 */
final class NameSectionDecoder {
    private static final int MODULE = 0, FUNCTIONS = 1, LOCALS = 2;

    private String moduleName;
    private final Map<Integer, String> functions = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> locals = new HashMap<>();

    private NameSectionDecoder() {}

    static Names decode(byte[] content) {
        NameSectionDecoder d = new NameSectionDecoder();
        try {
            d.subsections(new ByteReader(content));
        } catch (DecodeException e) {
            // Keep what was read before the defect; see the class comment.
        }
        return new Names(d.moduleName, d.functions, d.locals);
    }

    private void subsections(ByteReader in) {
        while (!in.atEnd()) {
            int id = in.u8();
            int size = in.count();
            byte[] body = in.bytes(size);
            ByteReader sub = new ByteReader(body);
            switch (id) {
                case MODULE -> moduleName = sub.name();
                case FUNCTIONS -> nameMap(sub, functions);
                case LOCALS -> {
                    int n = sub.count();
                    for (int i = 0; i < n; i++) {
                        int function = sub.index();
                        Map<Integer, String> names = new HashMap<>();
                        nameMap(sub, names);
                        locals.put(function, names);
                    }
                }
                default -> { } // other subsections (labels, types, ...) are not needed
            }
        }
    }

    private static void nameMap(ByteReader in, Map<Integer, String> into) {
        int n = in.count();
        for (int i = 0; i < n; i++) {
            int index = in.index();
            into.put(index, in.name());
        }
    }
}
