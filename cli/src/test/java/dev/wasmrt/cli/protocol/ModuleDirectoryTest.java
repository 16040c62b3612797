package dev.wasmrt.cli.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleDirectoryTest {
    @TempDir
    Path root;
    Path dir;

    @BeforeEach
    void layOut() throws IOException {
        dir = Files.createDirectories(root.resolve("wasm"));
        for (String name : new String[] {"b.wasm", "a.wasm", "Z.wasm", "é.wasm", "text.wat", "both.wasm", "both.wat",
            "a.cwasm", "notes.txt", ".wasm"}) {
            Files.write(dir.resolve(name), new byte[] {0});
        }
        Files.createDirectories(dir.resolve("sub.wasm"));
        Files.createDirectories(dir.resolve("sub")).resolve("x.wasm").toFile().createNewFile();
        Files.write(root.resolve("outside.wasm"), new byte[] {0});
        Files.createSymbolicLink(dir.resolve("link.wasm"), root.resolve("outside.wasm"));
    }

    @Test
    void listsRegularModuleFilesInByteOrder() throws ProtocolException {
        assertEquals(List.of("Z", "a", "b", "both", "text", "é"), new ModuleDirectory(dir).list());
    }

    @Test
    void findsBinaryBeforeText() throws ProtocolException {
        ModuleDirectory modules = new ModuleDirectory(dir);
        assertEquals(dir.resolve("both.wasm"), modules.find("both"));
        assertEquals(dir.resolve("text.wat"), modules.find("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../outside", "sub/x", "link", "a.wasm", "sub", "notes", "/etc/passwd", "A"})
    void anythingButAListedIdIsNotFound(String id) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> new ModuleDirectory(dir).find(id));
        assertEquals(RetCode.CONFIGURATION, e.retcode());
        assertEquals("Module \"" + id + "\" was not found", e.getMessage());
    }

    @Test
    void missingDirectoryIsAListingFailure() {
        ModuleDirectory missing = new ModuleDirectory(root.resolve("nope"));
        for (var action : List.<org.junit.jupiter.api.function.Executable>of(missing::list, () -> missing.find("a"))) {
            ProtocolException e = assertThrows(ProtocolException.class, action);
            assertEquals(RetCode.LISTING_FAILED, e.retcode());
            assertTrue(e.getMessage().startsWith("Failed to get WASM modules: "), e.getMessage());
            assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
        }
    }
}
