package dev.wasmrt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmrt.cli.engine.EngineKind;
import dev.wasmrt.cli.engine.Launchers;
import dev.wasmrt.cli.protocol.GuestOutput;
import dev.wasmrt.cli.protocol.ModuleDirectory;
import dev.wasmrt.cli.protocol.ProtocolException;
import dev.wasmrt.cli.protocol.RuntimeCall;
import dev.wasmrt.cli.protocol.RuntimeResponse;
import dev.wasmrt.hostapi.dbus.DbusPackageKit;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wasm-runtime}: without arguments, Sysinspect's JSON protocol on standard input and
 * output; with options, the same runtime for a person at a terminal.
 */
@Command(name = "wasm-runtime", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, CompileCommand.class}, sortOptions = false,
        description = {
            "Runs WebAssembly (WASI) modules for Sysinspect.",
            "Without arguments: reads one JSON request on standard input and prints one JSON response."})
public final class Main implements Callable<Integer> {
    @Option(names = {"-m", "--man"}, description = "Print the runtime's manual.")
    boolean manual;

    @Option(names = {"-l", "--list-modules"}, description = "List the modules in the sharelib.")
    boolean listModules;

    @Option(names = {"-s", "--sharelib"}, paramLabel = "PATH",
            description = "The sharelib root; modules are in PATH/lib/runtime/wasm/ (default: ${DEFAULT-VALUE}).",
            defaultValue = RuntimeCall.DEFAULT_SHARELIB)
    String sharelib;

    @Option(names = {"-i", "--info"}, paramLabel = "MODULE", description = "Print a module's own documentation.")
    String infoModule;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StartupCache.discardIfRefused();
        int status = args.length == 0
                ? ProtocolMain.run(Launchers.create(protocolEngine()), RuntimeCall.DEFAULT_SHARELIB, System.in, System.out, System.err)
                : commandLine().execute(args);
        System.exit(status);
    }

    /** {@code run} hands everything after FILE to the guest; {@code compile} takes options after its FILE. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main()).setStopAtPositional(true);
        commandLine.getSubcommands().get("compile").setStopAtPositional(false);
        return commandLine;
    }

    /**
     * The compiler (which caches {@code <module>.cwasm} beside the module, so later calls start
     * from the cache) unless {@value EngineKind#ENVIRONMENT} names another engine.
     */
    static EngineKind protocolEngine() {
        String name = System.getenv(EngineKind.ENVIRONMENT);
        if (name == null || name.isEmpty()) {
            return EngineKind.COMPILER;
        }
        return EngineKind.parse(name).orElseGet(() -> {
            System.err.println("wasm-runtime: ignoring " + EngineKind.ENVIRONMENT + "=" + name
                    + " (expected interpreter or compiler); using the compiler");
            return EngineKind.COMPILER;
        });
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (manual) {
            out.print(resource("manual.txt"));
            out.flush();
            return 0;
        }
        if (listModules) {
            return list(out, err);
        }
        if (infoModule != null) {
            return info(out, err);
        }
        // Only -s: the protocol, with PATH as the sharelib a request without one gets.
        return ProtocolMain.run(Launchers.create(protocolEngine()), sharelib, System.in, System.out, System.err);
    }

    private int list(PrintWriter out, PrintWriter err) {
        try {
            List<String> ids = new ModuleDirectory(RuntimeCall.moduleDirectory(JsonNodeFactory.instance.textNode(sharelib))).list();
            out.println("Available Wasm/WASI modules:");
            for (int i = 0; i < ids.size(); i++) {
                out.println(" " + (i + 1) + ". " + ids.get(i));
            }
            out.flush();
            return 0;
        } catch (ProtocolException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int info(PrintWriter out, PrintWriter err) throws IOException {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putObject("arguments").put("rt.mod", infoModule).put("rt.man", true);
        request.putObject("config").put(RuntimeCall.SHARELIB_KEY, sharelib);
        try (DbusPackageKit packageKit = DbusPackageKit.systemBus()) {
            RuntimeResponse response = new ProtocolMode(Launchers.create(protocolEngine()), sharelib, System.err, packageKit)
                    .handle(request.toString().getBytes(StandardCharsets.UTF_8));
            if (response.retcode() != 0) {
                err.println(response.message());
                err.flush();
                return 1;
            }
            out.println(readable(response.data()));
            out.flush();
            return 0;
        }
    }

    /** The module's documentation without the runtime's bookkeeping fields; plain text stays plain. */
    private static String readable(JsonNode data) throws IOException {
        ObjectNode documentation = ((ObjectNode) data).deepCopy();
        documentation.remove("changed");
        documentation.remove(GuestOutput.LOGS);
        if (documentation.size() == 1 && documentation.elements().next().isTextual()) {
            return documentation.elements().next().textValue().stripTrailing();
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(documentation);
    }

    static String resource(String name) {
        try (InputStream in = Main.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the build wrote into {@code version.txt}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"wasm-runtime " + resource("version.txt").strip()};
        }
    }
}
