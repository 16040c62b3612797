package dev.wasmrt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A sharelib tree for one test, with guest modules from the test resources {@code guests/}. */
final class Sharelib {
    private final Path root;

    Sharelib(Path root) {
        this.root = root;
        try {
            Files.createDirectories(modules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path modules() {
        return root.resolve("lib/runtime/wasm");
    }

    /** Installs the resource {@code guests/<name>.wat} as module {@code name}. */
    Sharelib install(String name) {
        try (InputStream in = Sharelib.class.getResourceAsStream("/guests/" + name + ".wat")) {
            if (in == null) {
                throw new IllegalArgumentException("no test guest " + name);
            }
            Files.write(modules().resolve(name + ".wat"), in.readAllBytes());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs {@code bytes} as the module file {@code fileName}. */
    Sharelib installFile(String fileName, byte[] bytes) {
        try {
            Files.write(modules().resolve(fileName), bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request running {@code module}; {@code moreArguments} and {@code moreFields} are JSON
     * members (possibly empty) added to {@code arguments} and to the request.
     */
    String request(String module, String moreArguments, String moreFields) {
        return "{\"arguments\": {\"rt.mod\": \"" + module + "\"" + (moreArguments.isEmpty() ? "" : ", " + moreArguments)
                + "}, \"config\": {\"path.sharelib\": \"" + root + "\"}" + (moreFields.isEmpty() ? "" : ", " + moreFields) + "}";
    }
}
