package dev.wasmrt.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmrt.cli.engine.GuestLauncher;
import dev.wasmrt.hostapi.JsonText;
import dev.wasmrt.cli.protocol.RetCode;
import dev.wasmrt.hostapi.dbus.DbusPackageKit;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Protocol mode as a process: one request on standard input, one JSON response on standard
 * output, exit status 0 whatever happens (Sysinspect drops the answer of a runtime that exits
 * non-zero, so every failure has to travel inside the JSON).
 */
final class ProtocolMain {
    private ProtocolMain() {}

    static int run(GuestLauncher launcher, String defaultSharelib, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        // Nothing but the response may reach standard output, whatever a library prints.
        PrintStream previousOut = System.out;
        System.setOut(stderr);
        String response;
        try (DbusPackageKit packageKit = DbusPackageKit.systemBus()) {
            response = JsonText.write(new ProtocolMode(launcher, defaultSharelib, stderr, packageKit)
                    .handle(stdin.readAllBytes()).toJson());
        } catch (Throwable e) {
            response = JsonText.write(unbuildable(e));
        } finally {
            System.setOut(previousOut);
        }
        byte[] bytes = (response + "\n").getBytes(StandardCharsets.UTF_8);
        stdout.write(bytes, 0, bytes.length);
        stdout.flush();
        return 0;
    }

    private static ObjectNode unbuildable(Throwable e) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("retcode", RetCode.RESPONSE_FAILED);
        out.put("message", "The response could not be built: " + e);
        return out;
    }
}
