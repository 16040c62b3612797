package dev.wasmrt.cli;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.jit.CompiledCode;
import dev.wasmrt.jit.CompiledModules;
import dev.wasmrt.jit.Compiler;
import dev.wasmrt.validator.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasm-runtime compile}: compiles a module ahead of time into a {@code .cwasm} cache file. */
@Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compiles a .wasm module to JVM classes and writes them to a .cwasm cache file.",
            "The compiler engine then loads that file instead of compiling the module again."})
final class CompileCommand implements Callable<Integer> {
    /** The module could not be read, decoded, validated, or its output written. */
    static final int FAILURE_STATUS = 1;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the cache file (default: FILE with .cwasm in place of .wasm).")
    Path output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module, in the binary (.wasm) or text (.wat) format.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = output != null ? output : CompiledModules.cachePath(file);
        String failure;
        if (!Files.isRegularFile(file)) {
            failure = "no such file: " + file;
        } else if (Files.isDirectory(target)) {
            failure = "the output is a directory: " + target;
        } else {
            try {
                CompiledCode code = CompiledModules.compileTo(file, target, new Compiler());
                report(out, target, code);
                return 0;
            } catch (DecodeException e) {
                failure = "malformed module " + file + ": " + e.getMessage();
            } catch (ValidationException e) {
                failure = "invalid module " + file + ": " + e.getMessage();
            } catch (IOException e) {
                failure = "cannot compile " + file + " to " + target + ": " + e;
            }
        }
        err.println("Error: " + failure);
        err.flush();
        return FAILURE_STATUS;
    }

    /** One line naming the output, then one line per function left to the interpreter. */
    private static void report(PrintWriter out, Path target, CompiledCode code) {
        Map<Integer, String> fallbacks = code.fallbacks();
        out.println("wrote " + target + " (" + fallbacks.size() + " function(s) left to the interpreter)");
        fallbacks.forEach((index, reason) -> out.println("  func " + index + ": " + reason));
        out.flush();
    }
}
