package dev.wasmrt.jit;

import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles the realistic guests (C and Rust programs in guests/wasm), verifies every generated
 * class, and checks that no method is too large for HotSpot to JIT-compile (printing the sizes).
 */
class GuestModulesTest {
    private static Path guests() {
        return Path.of(System.getProperty("wasm.guests", "../guests/wasm"));
    }

    private static List<Path> modules() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(guests()), "guests/wasm not built");
        List<Path> modules;
        try (Stream<Path> files = Files.list(guests())) {
            modules = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        assertFalse(modules.isEmpty());
        return modules;
    }

    @Test
    void guestsCompileVerifyAndStayUnderTheJitLimit() throws IOException {
        for (Path wasm : modules()) {
            CompiledCode code = new Compiler().compile(Wasm.load(Files.readAllBytes(wasm)));
            Engines.verify(code);
            Map<Integer, String> fallbacks = code.fallbacks();
            assertTrue(fallbacks.values().stream().noneMatch(r -> r.startsWith("translation failed")), () -> wasm + ": " + fallbacks);
            long total = 0;
            long huge = 0;
            int hugeMethods = 0;
            int largest = 0;
            for (CodeStats.MethodSize m : CodeStats.methods(code)) {
                total += m.bytes();
                largest = Math.max(largest, m.bytes());
                if (m.bytes() > CodeStats.HUGE_METHOD) {
                    huge += m.bytes();
                    hugeMethods++;
                }
            }
            System.out.printf("guest %-20s functions=%d fallbacks=%d bytecode=%d largest=%d over8000: %d methods, %d bytes (%.1f%%) %s%n",
                    wasm.getFileName(), code.functionCount(), fallbacks.size(), total, largest, hugeMethods, huge,
                    total == 0 ? 0.0 : 100.0 * huge / total, fallbacks.isEmpty() ? "" : fallbacks.values().stream().distinct().toList());
            assertEquals(0, hugeMethods, wasm + ": methods HotSpot would never compile");
        }
    }

    /** Splitting every function into tiny chunks still translates and verifies all of them. */
    @Test
    void guestsSplitEverywhereStillVerify() throws IOException {
        Compiler splitting = new Compiler(CompilerOptions.defaults().withMaxMethodSize(Engines.SPLIT_ABOVE));
        for (Path wasm : modules()) {
            CompiledCode code = splitting.compile(Wasm.load(Files.readAllBytes(wasm)));
            Engines.verify(code);
            assertEquals(Map.of(), code.fallbacks(), wasm.toString());
            long chunks = CodeStats.methods(code).stream().filter(m -> m.method().contains("_")).count();
            assertTrue(chunks > code.functionCount(), () -> wasm + ": only " + chunks + " chunk methods");
        }
    }
}
