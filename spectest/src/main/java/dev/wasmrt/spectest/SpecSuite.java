package dev.wasmrt.spectest;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.spectest.script.Command;
import dev.wasmrt.spectest.script.Script;
import dev.wasmrt.spectest.script.ScriptParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a selection of the suite's scripts on every given engine. A selection names scripts by
 * path ({@code i32.wast}, {@code proposals/threads/atomic.wast}), folder prefix
 * ({@code proposals/}) or category ({@code simd}); an empty selection is the whole suite.
 */
public final class SpecSuite {
    private final Path root;
    private final Skips skips;
    private final List<Engine> engines;

    public SpecSuite(Path root, Skips skips, List<Engine> engines) {
        this.root = root;
        this.skips = skips;
        this.engines = List.copyOf(engines);
    }

    /** The scripts a selection names, in suite order. */
    public List<String> select(Set<String> selection) {
        List<String> all = SuiteLocation.scripts(root);
        if (selection.isEmpty()) return all;
        return all.stream().filter(s -> selection.stream().anyMatch(sel ->
                s.equals(sel) || s.startsWith(sel) && sel.endsWith("/") || Category.of(s).equals(sel))).toList();
    }

    /** Runs the scripts on every engine, {@code threads} scripts at a time. */
    public List<FileResult> run(List<String> scripts, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            // Deep but legal guest recursion and deeply nested test modules need a large stack.
            Thread t = new Thread(null, r, "spectest", 512L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (String script : scripts) {
                for (Engine engine : engines) futures.add(pool.submit(() -> runOne(script, engine)));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("the spec runner itself failed", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private FileResult runOne(String scriptName, Engine engine) {
        Script script;
        try {
            script = ScriptParser.parse(root.resolve(scriptName));
        } catch (DecodeException e) {
            return new FileResult(scriptName, engine.name(), 0, 1, 0, List.of("script does not parse: " + e.getMessage()));
        }
        String skipReason = skips.fileReason(scriptName);
        if (skipReason != null) {
            int assertions = (int) script.commands().stream().filter(SpecSuite::isAssertion).count();
            return new FileResult(scriptName, engine.name(), 0, 0, assertions, List.of());
        }
        return new ScriptRunner(engine, skips).run(scriptName, script);
    }

    private static boolean isAssertion(Command c) {
        return !(c instanceof Command.Register || c instanceof Command.Thread || c instanceof Command.Wait);
    }
}
