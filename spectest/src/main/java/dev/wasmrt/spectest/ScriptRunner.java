package dev.wasmrt.spectest;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.Extern;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Global;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.LinkException;
import dev.wasmrt.interpreter.SpectestModule;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.WasmException;
import dev.wasmrt.spectest.script.Action;
import dev.wasmrt.spectest.script.Command;
import dev.wasmrt.spectest.script.Expected;
import dev.wasmrt.spectest.script.ModuleSource;
import dev.wasmrt.spectest.script.Script;
import dev.wasmrt.validator.ModuleValidator;
import dev.wasmrt.validator.ValidatedModule;
import dev.wasmrt.validator.ValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one script on one engine and counts every assertion on its own. Module commands and bare
 * actions count too (they must succeed); a module that fails to load makes the assertions that
 * use it fail, never skip. Each action runs under a deadline so that a looping guest fails its
 * assertion instead of hanging the suite.
 */
public final class ScriptRunner {
    private static final long ACTION_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Engine engine;
    private final Skips skips;

    public ScriptRunner(Engine engine, Skips skips) {
        this.engine = engine;
        this.skips = skips;
    }

    public FileResult run(String scriptName, Script script) {
        Tally tally = new Tally();
        State state = new State(new Store(StoreConfig.defaults().withEngine(engine)));
        runAll(script.commands(), state, tally);
        state.joinThreads(tally);
        return new FileResult(scriptName, engine.name(), tally.passed, tally.failed, tally.skipped, tally.failures);
    }

    private void runAll(List<Command> commands, State state, Tally tally) {
        for (Command command : commands) {
            String skipReason = skips.commandReason(command);
            if (skipReason != null) {
                tally.skip();
                continue;
            }
            switch (command) {
                case Command.Register r -> {
                    register(r, state, tally);
                    continue;
                }
                case Command.Thread t -> {
                    state.startThread(t, this);
                    continue;
                }
                case Command.Wait w -> {
                    state.awaitThread(w.thread());
                    continue;
                }
                default -> { }
            }
            String failure;
            try {
                failure = execute(command, state);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failure = "unexpected " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            }
            if (failure == null) tally.pass();
            else tally.fail("line " + command.line() + ": " + failure);
        }
    }

    /** Registration is not an assertion; registering a module that failed to load is counted as a failure. */
    private static void register(Command.Register r, State state, Tally tally) {
        Instance instance = state.instance(r.module());
        if (instance == null) {
            tally.fail("line " + r.line() + ": register: module " + r.module() + " is not loaded");
        } else {
            state.imports.defineAll(r.name(), instance);
        }
    }

    /** Runs one assertion; null means it passed. */
    private String execute(Command command, State state) {
        return switch (command) {
            case Command.ModuleDefinition m -> defineModule(m, state);
            case Command.ModuleInstance m -> {
                ValidatedModule definition = state.definitions.get(m.module());
                if (definition == null) yield "no module definition " + m.module();
                state.bind(m.instance(), instantiate(state, definition));
                yield null;
            }
            case Command.Perform p -> {
                perform(p.action(), state);
                yield null;
            }
            case Command.AssertReturn a -> assertReturn(a, state);
            case Command.AssertTrap a -> expectTrap(() -> perform(a.action(), state), a.message());
            case Command.AssertExhaustion a -> expectTrap(() -> perform(a.action(), state), a.message());
            case Command.AssertException a -> {
                try {
                    perform(a.action(), state);
                    yield "expected a Wasm exception, got a result";
                } catch (WasmException e) {
                    yield null;
                }
            }
            case Command.AssertModuleTrap a -> expectTrap(() -> instantiate(state, validate(a.module().decode())), a.message());
            case Command.AssertUninstantiable a -> expectTrap(() -> instantiate(state, validate(a.module().decode())), a.message());
            case Command.AssertMalformed a -> assertMalformed(a.module(), a.message());
            case Command.AssertInvalid a -> assertInvalid(a.module(), a.message());
            case Command.AssertUnlinkable a -> {
                ValidatedModule module = validate(a.module().decode());
                try {
                    instantiate(state, module);
                    yield "expected a link error \"" + a.message() + "\", instantiation succeeded";
                } catch (LinkException e) {
                    yield Messages.matches(e.reason(), a.message()) ? null
                            : "expected link error \"" + a.message() + "\", got \"" + e.reason() + "\"";
                }
            }
            case Command.AssertMalformedCustom _, Command.AssertInvalidCustom _ -> "custom-section assertions are not checked";
            case Command.Register _, Command.Thread _, Command.Wait _ -> throw new IllegalStateException("not an assertion");
        };
    }

    private String defineModule(Command.ModuleDefinition m, State state) {
        if (!m.definition()) state.bind(m.id(), null); // until it loads, actions on it fail
        Module module = m.source().decode();
        ValidatedModule validated = validate(module);
        if (m.definition()) {
            state.definitions.put(m.id(), validated);
            return null;
        }
        if (m.id() != null) state.definitions.put(m.id(), validated);
        state.bind(m.id(), instantiate(state, validated));
        return null;
    }

    private static ValidatedModule validate(Module module) {
        return ModuleValidator.validate(module);
    }

    private static Instance instantiate(State state, ValidatedModule module) {
        state.store.setDeadline(System.nanoTime() + ACTION_DEADLINE_NANOS);
        try {
            return state.store.instantiate(module, state.imports);
        } finally {
            state.store.clearDeadline();
        }
    }

    private String assertReturn(Command.AssertReturn a, State state) {
        Object[] results;
        List<ValType> types;
        switch (a.action()) {
            case Action.Invoke invoke -> {
                FunctionInstance f = exportedFunction(state, invoke);
                types = f.type().results();
                results = call(state, f, invoke);
            }
            case Action.Get get -> {
                Global g = exportedGlobal(state, get);
                types = List.of(g.type());
                results = new Object[] {read(g)};
            }
        }
        if (results.length != a.expected().size()) {
            return "expected " + a.expected().size() + " results, got " + results.length;
        }
        for (int i = 0; i < results.length; i++) {
            if (!ValueMatcher.matches(a.expected().get(i), types.get(i), results[i])) {
                return "result " + i + ": expected " + a.expected().get(i) + ", got " + show(results[i]);
            }
        }
        return null;
    }

    private static String assertMalformed(ModuleSource source, String message) {
        Module module;
        try {
            module = source.decode();
        } catch (DecodeException e) {
            return Messages.matches(e.reason(), message) ? null
                    : "expected malformed \"" + message + "\", got \"" + e.reason() + "\"";
        }
        try {
            validate(module);
        } catch (ValidationException e) {
            return "expected malformed \"" + message + "\", decoded but invalid: " + e.reason();
        }
        return "expected malformed \"" + message + "\", module decoded";
    }

    private static String assertInvalid(ModuleSource source, String message) {
        Module module = source.decode();
        try {
            validate(module);
        } catch (ValidationException e) {
            return Messages.matches(e.reason(), message) ? null
                    : "expected invalid \"" + message + "\", got \"" + e.reason() + "\"";
        }
        return "expected invalid \"" + message + "\", module validated";
    }

    private static String expectTrap(Runnable body, String message) {
        try {
            body.run();
            return "expected trap \"" + message + "\", completed normally";
        } catch (Trap t) {
            return Messages.matches(t.reason(), message) ? null
                    : "expected trap \"" + message + "\", got \"" + t.reason() + "\"";
        }
    }

    private void perform(Action action, State state) {
        switch (action) {
            case Action.Invoke invoke -> call(state, exportedFunction(state, invoke), invoke);
            case Action.Get get -> read(exportedGlobal(state, get));
        }
    }

    private static Object[] call(State state, FunctionInstance f, Action.Invoke invoke) {
        Object[] args = new Object[invoke.args().size()];
        for (int i = 0; i < args.length; i++) args[i] = ValueMatcher.argument(invoke.args().get(i));
        state.store.setDeadline(System.nanoTime() + ACTION_DEADLINE_NANOS);
        try {
            return state.store.invoke(f, args);
        } finally {
            state.store.clearDeadline();
        }
    }

    private static FunctionInstance exportedFunction(State state, Action.Invoke invoke) {
        Extern e = exported(state, invoke.module(), invoke.export());
        if (!(e instanceof FunctionInstance f)) throw new IllegalStateException("export " + invoke.export() + " is not a function");
        return f;
    }

    private static Global exportedGlobal(State state, Action.Get get) {
        Extern e = exported(state, get.module(), get.export());
        if (!(e instanceof Global g)) throw new IllegalStateException("export " + get.export() + " is not a global");
        return g;
    }

    private static Extern exported(State state, String module, String name) {
        Instance instance = state.instance(module);
        if (instance == null) throw new IllegalStateException("module " + (module == null ? "(latest)" : module) + " is not loaded");
        Extern e = instance.export(name);
        if (e == null) throw new IllegalStateException("no export named \"" + name + "\"");
        return e;
    }

    private static Object read(Global g) {
        return switch (g.type().kind()) {
            case I32 -> (long) (int) g.bits;
            case F32 -> g.bits & 0xFFFFFFFFL;
            case I64, F64 -> g.bits;
            case V128 -> new long[] {g.bits, g.high};
            case REF -> g.ref;
        };
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String show(Object value) {
        if (value instanceof long[] v) return String.format("v128 0x%016x%016x", v[1], v[0]);
        if (value instanceof Long l) return String.format("%d (0x%x)", l, l);
        return String.valueOf(value);
    }

    /** Counts of one script's run; threads of the script add to it concurrently. */
    static final class Tally {
        int passed, failed, skipped;
        final List<String> failures = new ArrayList<>();

        synchronized void pass() { passed++; }

        synchronized void skip() { skipped++; }

        synchronized void fail(String why) {
            failed++;
            failures.add(why);
        }
    }

    /** Instances, definitions and registrations of one script (or one of its threads). */
    static final class State {
        final Store store;
        final Imports imports;
        final Map<String, Instance> instances = new HashMap<>();
        final Map<String, ValidatedModule> definitions = new HashMap<>();
        private final Map<String, java.lang.Thread> threads = new HashMap<>();
        private final Map<String, Tally[]> results = new HashMap<>();
        private Instance latest;

        State(Store store) {
            this.store = store;
            this.imports = SpectestModule.define(new Imports(), null);
        }

        /** Makes {@code instance} the latest one, under {@code id} too when given; null unbinds. */
        void bind(String id, Instance instance) {
            latest = instance;
            if (id != null) instances.put(id, instance);
        }

        Instance instance(String id) {
            return id == null ? latest : instances.get(id);
        }

        void startThread(Command.Thread t, ScriptRunner runner) {
            State child = new State(store);
            for (String shared : t.sharedModules()) {
                Instance instance = instances.get(shared);
                if (instance != null) child.instances.put(shared, instance);
            }
            Tally[] tally = {null};
            java.lang.Thread thread = new java.lang.Thread(() -> {
                Tally own = new Tally();
                runner.runAll(t.commands(), child, own);
                tally[0] = own;
            }, "wast-thread-" + t.name());
            threads.put(t.name(), thread);
            results.put(t.name(), tally);
            thread.start();
        }

        void awaitThread(String name) {
            java.lang.Thread thread = threads.get(name);
            if (thread == null) return;
            try {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
            }
        }

        /** Adds every finished thread's counts to {@code tally}; a thread still running counts as one failure. */
        void joinThreads(Tally tally) {
            threads.forEach((name, thread) -> {
                awaitThread(name);
                Tally own = results.get(name)[0];
                if (own == null) {
                    tally.fail("thread " + name + " did not finish");
                    return;
                }
                tally.passed += own.passed;
                tally.failed += own.failed;
                tally.skipped += own.skipped;
                tally.failures.addAll(own.failures);
            });
        }
    }
}
