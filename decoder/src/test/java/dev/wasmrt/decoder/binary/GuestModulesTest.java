package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.model.Module;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compiled guest programs decode with the section counts that {@code wasm-objdump -h}
 * recorded next to them, and survive a write/decode round trip.
 */
class GuestModulesTest {
    private static final Pattern COUNT = Pattern.compile("^\\s*(\\w+) start=.*\\bcount: (\\d+)\\s*$");

    static Path guestDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("guests/wasm");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    static List<Path> guestModules() throws IOException {
        Path dir = guestDirectory();
        if (dir == null) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> guestsMatchTheirSectionListings() throws IOException {
        List<Path> guests = guestModules();
        assumeTrue(!guests.isEmpty(), "no guest modules built yet");
        return guests.stream().map(wasm -> DynamicTest.dynamicTest(wasm.getFileName().toString(), () -> {
            Module m = BinaryDecoder.decode(Files.readAllBytes(wasm));
            Map<String, Integer> counts = sectionCounts(wasm.resolveSibling(
                    wasm.getFileName().toString().replace(".wasm", ".sections.txt")));
            assertFalse(counts.isEmpty(), "the listing names no sections");
            assertEquals(counts.getOrDefault("Type", 0), m.recGroups().size(), "type entries");
            assertEquals(counts.getOrDefault("Import", 0), m.imports().size(), "imports");
            assertEquals(counts.getOrDefault("Function", 0), m.functions().size(), "defined functions");
            assertEquals(counts.getOrDefault("Export", 0), m.exports().size(), "exports");
            assertEquals(counts.getOrDefault("Global", 0), m.globals().size(), "globals");
            assertEquals(counts.getOrDefault("Data", 0), m.datas().size(), "data segments");
            assertEquals(m, BinaryDecoder.decode(BinaryWriter.write(m)), "write/decode round trip");
        }));
    }

    private static Map<String, Integer> sectionCounts(Path listing) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(listing)) {
            Matcher m = COUNT.matcher(line);
            if (m.matches()) counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }
}
