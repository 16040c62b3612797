package dev.wasmrt.jit;

import dev.wasmrt.decoder.ModuleFiles;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Compiled modules with an on-disk cache: {@code name.wasm} is compiled once into
 * {@code name.cwasm} next to it, and later runs load the classes from there without generating
 * or validating anything. See the package documentation for the rules.
 */
public final class CompiledModules {
    private CompiledModules() {}

    /**
     * A module ready to instantiate: pass both parts to
     * {@link dev.wasmrt.interpreter.Store#instantiate(Engine.EngineModule, ValidatedModule, dev.wasmrt.interpreter.Imports)}
     * of a store whose engine is a {@link Compiler}.
     *
     * @param module the decoded module (validated now, or when its cache entry was written)
     * @param prepared the compiled code, loaded
     * @param code the generated classes and per-function decisions
     * @param fromCache true when the classes came from the {@code .cwasm} file
     */
    public record Loaded(ValidatedModule module, Engine.EngineModule prepared, CompiledCode code, boolean fromCache) {}

    /** The cache file of a module: the same name with {@code .cwasm} in place of {@code .wasm} or {@code .wat}. */
    public static Path cachePath(Path wasm) {
        String name = wasm.getFileName().toString();
        String base = name.endsWith(".wasm") ? name.substring(0, name.length() - 5)
                : name.endsWith(".wat") ? name.substring(0, name.length() - 4) : name;
        return wasm.resolveSibling(base + ".cwasm");
    }

    /** {@link #loadOrCompile(Path, Compiler, PrintStream)} with warnings to {@code System.err}. */
    public static Loaded loadOrCompile(Path wasm, Compiler compiler) throws IOException {
        return loadOrCompile(wasm, compiler, System.err);
    }

    /**
     * Loads {@code wasm} compiled, from its cache entry when that matches the source's SHA-256,
     * the compiler version and options and the JVM; otherwise compiles it and writes the entry
     * (temporary file, then atomic rename). A stale or damaged entry, or a directory that cannot
     * be written, costs one line on {@code warnings}; the module runs either way.
     *
     * @throws IOException when {@code wasm} cannot be read
     * @throws dev.wasmrt.decoder.DecodeException when it is malformed
     * @throws dev.wasmrt.validator.ValidationException when it is invalid
     */
    public static Loaded loadOrCompile(Path wasm, Compiler compiler, PrintStream warnings) throws IOException {
        return loadOrCompile(wasm, cachePath(wasm), compiler, warnings);
    }

    /**
     * {@link #loadOrCompile(Path, Compiler, PrintStream)} with the entry at {@code cache} instead
     * of next to the module (for example one written by {@link #compileTo}).
     */
    public static Loaded loadOrCompile(Path wasm, Path cache, Compiler compiler, PrintStream warnings) throws IOException {
        byte[] source = Files.readAllBytes(wasm);
        Module module = ModuleFiles.decode(wasm, source);
        CwasmFormat.Key key = CwasmFormat.Key.of(compiler.options(), sha256(source));
        byte[] entry = readIfPresent(cache);
        if (entry != null) {
            try {
                CompiledCode code = CwasmFormat.read(entry, key);
                // The entry was written only after this exact source validated. Functions left
                // to the interpreter are lowered from the validator's facts, which the entry does
                // not hold, so only a module with such functions is validated again.
                ValidatedModule trusted = code.fallbacks().isEmpty()
                        ? new ValidatedModule(module, List.of())
                        : ModuleValidator.validate(module);
                return new Loaded(trusted, compiler.prepare(trusted, code), code, true);
            } catch (CwasmFormat.Unusable e) {
                warnings.println("wasmrt: rebuilding " + cache + ": " + e.getMessage());
            }
        }
        ValidatedModule validated = ModuleValidator.validate(module);
        CompiledCode code = compiler.compile(validated);
        try {
            publish(cache, key, code);
        } catch (IOException e) {
            warnings.println("wasmrt: cannot write " + cache + " (" + e + "); running without a cache");
        }
        return new Loaded(validated, compiler.prepare(validated, code), code, false);
    }

    /**
     * Ahead-of-time compilation: validates and compiles {@code wasm} and writes its cache entry to
     * {@code cache} (temporary file in the same directory, then atomic rename), replacing any file
     * there. Unlike loading, a location that cannot be written is an error.
     *
     * @return the generated code, whose {@link CompiledCode#fallbacks()} name the interpreted functions
     * @throws IOException when {@code wasm} cannot be read or {@code cache} cannot be written
     * @throws dev.wasmrt.decoder.DecodeException when the module is malformed
     * @throws dev.wasmrt.validator.ValidationException when it is invalid
     */
    public static CompiledCode compileTo(Path wasm, Path cache, Compiler compiler) throws IOException {
        byte[] source = Files.readAllBytes(wasm);
        ValidatedModule validated = ModuleValidator.validate(ModuleFiles.decode(wasm, source));
        CompiledCode code = compiler.compile(validated);
        publish(cache, CwasmFormat.Key.of(compiler.options(), sha256(source)), code);
        return code;
    }

    /** The entry's bytes, or null when there is none to read (absent, or not a readable file: writing it will tell). */
    private static byte[] readIfPresent(Path cache) {
        try {
            return Files.readAllBytes(cache);
        } catch (IOException e) {
            return null;
        }
    }

    private static void publish(Path cache, CwasmFormat.Key key, CompiledCode code) throws IOException {
        Path dir = cache.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, cache.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                CwasmFormat.write(out, key, code);
            }
            try {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
