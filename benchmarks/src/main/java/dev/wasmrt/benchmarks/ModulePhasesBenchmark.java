package dev.wasmrt.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.jit.CompiledModules;
import dev.wasmrt.jit.Compiler;
import dev.wasmrt.jit.CompilerOptions;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.wasi.Wasi;
import dev.wasmrt.wasi.WasiConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The per-module costs before a guest runs: decode, validate, engine preparation (interpreter
 * lowering, compilation to JVM classes), instantiation, loading compiled classes from the
 * {@code .cwasm} cache; and Chicory's parse, compile and instantiate for comparison.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-Xms1g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ModulePhasesBenchmark {
    /**
     * C and Rust modules by default, among them the two largest (state_machine, with one huge
     * function, and json); any workload name works.
     */
    @Param({"lz77", "json", "regex", "state_machine"})
    public String module;

    private byte[] binary;
    private Module decoded;
    private ValidatedModule validated;
    private Engine.EngineModule interpreted;
    private Engine.EngineModule compiled;
    private WasmModule chicoryModule;
    private Path cacheDirectory;
    private Path cachedCopy;
    private final Compiler compiler = new Compiler();
    private final Compiler unsplitCompiler =
            new Compiler(CompilerOptions.defaults().withMaxMethodSize(Integer.MAX_VALUE));
    private final PrintStream noWarnings = new PrintStream(OutputStream.nullOutputStream());

    @Setup(Level.Trial)
    public void load() throws IOException {
        binary = Workloads.bytes(module);
        decoded = BinaryDecoder.decode(binary);
        validated = ModuleValidator.validate(decoded);
        interpreted = new Interpreter().prepare(validated);
        compiled = compiler.prepare(validated);
        chicoryModule = Parser.parse(binary);
        cacheDirectory = Files.createTempDirectory("wasmrt-cache-bench");
        cachedCopy = cacheDirectory.resolve(module + ".wasm");
        Files.write(cachedCopy, binary);
        if (CompiledModules.loadOrCompile(cachedCopy, compiler, noWarnings).fromCache()) {
            throw new IllegalStateException("a fresh directory already held a cache entry");
        }
    }

    @TearDown(Level.Trial)
    public void deleteCache() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDirectory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Benchmark
    public Module decode() {
        return BinaryDecoder.decode(binary);
    }

    @Benchmark
    public ValidatedModule validate() {
        return ModuleValidator.validate(decoded);
    }

    @Benchmark
    public Engine.EngineModule prepareInterpreter() {
        return new Interpreter().prepare(validated);
    }

    /** Code generation and class definition: what the first run of a module pays without a cache. */
    @Benchmark
    public Engine.EngineModule compile() {
        return compiler.prepare(validated);
    }

    /**
     * {@link #compile} with method splitting off: the difference is what splitting costs, since a
     * function over the limit is translated twice, whole and then in chunks.
     */
    @Benchmark
    public Engine.EngineModule compileUnsplit() {
        return unsplitCompiler.prepare(validated);
    }

    /** Reading the .cwasm entry and defining its classes: what later runs pay instead of {@link #compile}. */
    @Benchmark
    public CompiledModules.Loaded loadFromCache() throws IOException {
        CompiledModules.Loaded loaded = CompiledModules.loadOrCompile(cachedCopy, compiler, noWarnings);
        if (!loaded.fromCache()) throw new IllegalStateException("cache entry was not used");
        return loaded;
    }

    @Benchmark
    public Instance instantiateInterpreted() {
        return instantiate(interpreted, StoreConfig.defaults());
    }

    @Benchmark
    public Instance instantiateCompiled() {
        return instantiate(compiled, StoreConfig.defaults().withEngine(compiler));
    }

    @Benchmark
    public WasmModule chicoryParse() {
        return Parser.parse(binary);
    }

    @Benchmark
    public Function<com.dylibso.chicory.runtime.Instance, Machine> chicoryCompile() {
        return MachineFactoryCompiler.compile(chicoryModule);
    }

    @Benchmark
    public com.dylibso.chicory.runtime.Instance chicoryInstantiateInterpreted() {
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(WasiOptions.builder().build()).build()) {
            ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
            return com.dylibso.chicory.runtime.Instance.builder(chicoryModule)
                    .withImportValues(imports)
                    .withStart(false)
                    .build();
        }
    }

    private Instance instantiate(Engine.EngineModule prepared, StoreConfig config) {
        try (Wasi wasi = new Wasi(new WasiConfig())) {
            return new Store(config).instantiate(prepared, validated, wasi.define(new Imports()));
        }
    }
}
