package dev.wasmrt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's AOT cache, named by the system property {@value #PROPERTY}. The JVM silently
 * starts without a cache it cannot use (corrupt, truncated, made by another runtime); deleting
 * such a file lets the launcher record a fresh one instead of paying the slow start for ever.
 */
final class StartupCache {
    static final String PROPERTY = "wasm-runtime.aot-cache";

    private StartupCache() {}

    static void discardIfRefused() {
        String cache = System.getProperty(PROPERTY);
        // The JVM says "sharing" exactly when it mapped a class archive, here the AOT cache.
        if (cache == null || System.getProperty("java.vm.info", "").contains("sharing")) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(cache));
        } catch (IOException | RuntimeException e) {
            // A refused cache that stays costs start-up time only.
        }
    }
}
