package dev.wasmrt.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wasmrt.cli.engine.EngineKind;
import dev.wasmrt.cli.engine.GuestLauncher;
import dev.wasmrt.cli.engine.GuestOutcome;
import dev.wasmrt.cli.engine.GuestRun;
import dev.wasmrt.cli.engine.GuestSupervisor;
import dev.wasmrt.cli.engine.Launchers;
import dev.wasmrt.cli.engine.Preopen;
import dev.wasmrt.hostapi.ApiModule;
import dev.wasmrt.hostapi.dbus.DbusPackageKit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasm-runtime run}: runs a WASI program as a command, with the terminal's streams. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a WASI program; its exit status becomes this command's.",
            "A trap prints the trap and the Wasm stack on standard error and exits with status " + RunCommand.TRAP_STATUS + "."})
final class RunCommand implements Callable<Integer> {
    /** As wasmtime reports a trap: 128 + SIGABRT. */
    static final int TRAP_STATUS = 134;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Give the program a host directory, at GUEST (default: the same path). Repeatable.")
    List<String> directories = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Set an environment variable for the program. Repeatable.")
    List<String> environment = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interpreter",
            converter = EngineConverter.class, description = "interpreter or compiler (default: ${DEFAULT-VALUE}).")
    EngineKind engine;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module: .wasm binary or .wat text.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
    List<String> arguments = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        List<Preopen> preopens = new ArrayList<>();
        for (String directory : directories) {
            int separator = directory.indexOf("::");
            preopens.add(separator < 0
                    ? new Preopen(Path.of(directory), directory)
                    : new Preopen(Path.of(directory.substring(0, separator)), directory.substring(separator + 2)));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String variable : environment) {
            int equals = variable.indexOf('=');
            if (equals <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--env needs NAME=VALUE, not " + variable);
            }
            variables.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        GuestLauncher launcher = Launchers.create(engine);
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(arguments);
        String stem = file.getFileName().toString().replaceFirst("\\.(wasm|wat)$", "");
        try (DbusPackageKit packageKit = DbusPackageKit.systemBus()) {
            ApiModule api = new ApiModule(stem, JsonNodeFactory.instance.objectNode(), packageKit, Clock.systemDefaultZone());
            GuestRun run = new GuestRun(file, argv, variables, preopens, System.in, System.out, err, api, err);
            GuestOutcome outcome = GuestSupervisor.run(launcher, run, 0);
            System.out.flush();
            api.logLines().forEach(err::println);
            return switch (outcome) {
                case GuestOutcome.Exited exited -> exited.status();
                case GuestOutcome.Failed failed -> {
                    err.println("Error: failed to run " + file + ": " + failed.failure().getMessage());
                    List<String> frames = failed.failure().wasmStack();
                    if (!frames.isEmpty()) {
                        err.println("Wasm stack (innermost first):");
                        for (int i = 0; i < frames.size(); i++) {
                            err.println("  " + i + ": " + frames.get(i));
                        }
                    }
                    yield TRAP_STATUS;
                }
                case GuestOutcome.TimedOut timedOut -> TRAP_STATUS;
            };
        }
    }

    /** Accepts the engine names in lower case, as the help shows them. */
    static final class EngineConverter implements CommandLine.ITypeConverter<EngineKind> {
        @Override
        public EngineKind convert(String value) {
            return EngineKind.parse(value).orElseThrow(
                    () -> new CommandLine.TypeConversionException("expected interpreter or compiler, not " + value));
        }
    }
}
