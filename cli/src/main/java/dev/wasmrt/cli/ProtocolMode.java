package dev.wasmrt.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmrt.cli.engine.BoundedOutput;
import dev.wasmrt.cli.engine.GuestLauncher;
import dev.wasmrt.cli.engine.GuestOutcome;
import dev.wasmrt.cli.engine.GuestRun;
import dev.wasmrt.cli.engine.GuestSupervisor;
import dev.wasmrt.cli.engine.Preopen;
import dev.wasmrt.cli.protocol.GuestOutput;
import dev.wasmrt.hostapi.JsonText;
import dev.wasmrt.cli.protocol.ModuleDirectory;
import dev.wasmrt.cli.protocol.ProtocolException;
import dev.wasmrt.cli.protocol.RequestParser;
import dev.wasmrt.cli.protocol.RetCode;
import dev.wasmrt.cli.protocol.RuntimeCall;
import dev.wasmrt.cli.protocol.RuntimeRequest;
import dev.wasmrt.cli.protocol.RuntimeResponse;
import dev.wasmrt.hostapi.ApiModule;
import dev.wasmrt.hostapi.PackageKit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Answers one Sysinspect request: list the modules, or run one and report what it printed. */
public final class ProtocolMode {
    static final String SUCCESS = "Wasm runtime executed successfully";
    static final String LISTED = "Listed available Wasm modules successfully.";

    private final GuestLauncher launcher;
    private final String defaultSharelib;
    private final OutputStream guestStderr;
    private final PackageKit packageKit;

    /**
     * @param defaultSharelib the sharelib assumed when the request's config has none
     * @param guestStderr where the guest's standard error goes
     */
    public ProtocolMode(GuestLauncher launcher, String defaultSharelib, OutputStream guestStderr, PackageKit packageKit) {
        this.launcher = launcher;
        this.defaultSharelib = defaultSharelib;
        this.guestStderr = guestStderr;
        this.packageKit = packageKit;
    }

    public RuntimeResponse handle(byte[] stdin) {
        try {
            return respond(RequestParser.parse(stdin));
        } catch (ProtocolException e) {
            return RuntimeResponse.failure(e);
        }
    }

    private RuntimeResponse respond(RuntimeRequest request) throws ProtocolException {
        RuntimeCall call = RuntimeCall.of(request, defaultSharelib);
        ModuleDirectory modules = new ModuleDirectory(call.moduleDirectory());
        if (call.listModules()) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("changed", false);
            modules.list().forEach(data.putArray("modules")::add);
            return RuntimeResponse.of(RetCode.SUCCESS, LISTED, data);
        }
        Path moduleFile = modules.find(call.moduleId());
        Path root = call.writeDir() == null ? Path.of("/") : createWriteDir(call.writeDir());

        ApiModule api = new ApiModule(call.moduleId(), call.guestHeader(), packageKit, Clock.systemDefaultZone());
        BoundedOutput stdout = new BoundedOutput(call.maxOutputBytes());
        byte[] header = (JsonText.write(call.guestHeader()) + "\n").getBytes(StandardCharsets.UTF_8);
        PrintStream notes = request.quiet() ? new PrintStream(OutputStream.nullOutputStream()) : new PrintStream(guestStderr, true, StandardCharsets.UTF_8);
        GuestRun run = new GuestRun(moduleFile, List.of(call.moduleId()), Map.of(), List.of(new Preopen(root, "/")),
                new ByteArrayInputStream(header), stdout, guestStderr, api, notes);
        GuestOutcome outcome = GuestSupervisor.run(launcher, run, call.timeoutSeconds());

        String failed = "Failed to run module \"" + call.moduleId() + "\": ";
        if (stdout.exceeded()) {
            throw new ProtocolException(RetCode.MODULE_FAILED, failed + "its standard output exceeded the limit of "
                    + stdout.limit() + " bytes (the argument \"rt.max-output\" raises it)");
        }
        switch (outcome) {
            case GuestOutcome.TimedOut timedOut -> throw new ProtocolException(RetCode.MODULE_FAILED,
                    failed + "timed out after " + timedOut.seconds() + " s");
            case GuestOutcome.Failed f -> throw new ProtocolException(RetCode.MODULE_FAILED, failed + f.failure().getMessage());
            case GuestOutcome.Exited exited when exited.status() != 0 -> throw new ProtocolException(RetCode.MODULE_FAILED,
                    failed + "module exited with status " + exited.status());
            case GuestOutcome.Exited ignored -> { }
        }
        return RuntimeResponse.of(RetCode.SUCCESS, SUCCESS,
                GuestOutput.toData(call.moduleId(), stdout.toByteArray(), api.logLines()));
    }

    private static Path createWriteDir(Path writeDir) throws ProtocolException {
        try {
            return Files.createDirectories(writeDir);
        } catch (IOException | SecurityException e) {
            throw new ProtocolException(RetCode.CONFIGURATION,
                    "Argument \"write-dir\": cannot create " + writeDir + ": " + e);
        }
    }
}
