package dev.wasmrt.hostapi.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wasmrt.decoder.text.TextParser;
import dev.wasmrt.hostapi.ApiModule;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.validator.ModuleValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guest calling the packagekit_* imports, answered by the test PackageKit on a private bus. */
class PackageKitImportsOverDbusTest {
    private static final String GUEST = """
            (module
              (import "api" "packagekit_available" (func $available (result i32)))
              (import "api" "packagekit_install" (func $install (param i32 i32 i32 i32) (result i32)))
              (import "api" "packagekit_remove" (func $remove (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 0) "{\\"names\\": [\\"curl\\", \\"vim\\"]}")
              (data (i32.const 100) "{\\"names\\": [\\"locked\\"]}")
              (func (export "available") (result i32) (call $available))
              (func (export "install") (result i32) (call $install (i32.const 0) (i32.const 26) (i32.const 1024) (i32.const 4096)))
              (func (export "remove") (result i32) (call $remove (i32.const 100) (i32.const 21) (i32.const 1024) (i32.const 4096))))
            """;

    @TempDir
    static Path dir;
    private static PrivateBus bus;
    private static TestPackageKitService service;
    private static DbusPackageKit packageKit;
    private static Instance guest;

    @BeforeAll
    static void start() throws Exception {
        Path daemon = PrivateBus.findDaemon();
        Assumptions.assumeTrue(daemon != null,
                "dbus-daemon is not installed (Debian package dbus): skipping the PackageKit D-Bus tests");
        bus = PrivateBus.start(daemon, dir);
        service = new TestPackageKitService(bus.address());
        packageKit = DbusPackageKit.at(bus.address());
        Imports imports = new Imports();
        new ApiModule("pk", JsonNodeFactory.instance.objectNode(), packageKit, Clock.systemUTC()).defineInto(imports);
        guest = new Store().instantiate(ModuleValidator.validate(TextParser.parseModule(GUEST)), imports);
    }

    @AfterAll
    static void stop() {
        if (packageKit != null) {
            packageKit.close();
        }
        if (service != null) {
            service.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    private static String answer(String function) {
        int written = (int) guest.call(function)[0];
        byte[] bytes = new byte[written];
        guest.memory("memory").read(1024, bytes, 0, written);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void guestInstallsThroughPackageKit() {
        assertEquals(1, (int) guest.call("available")[0]);
        assertEquals("{\"action\":\"install\",\"requested\":[\"curl\",\"vim\"],\"package_ids\":[\"curl;8.1.2;amd64;debian-main\"],"
                + "\"changed\":[\"curl;8.1.2;amd64;debian-main\",\"libcurl;8.1.2;amd64;debian-main\"]}", answer("install"));
    }

    @Test
    void packageKitErrorsReachTheGuestAsErrorObjects() {
        assertEquals("{\"error\":\"package locked is protected (PackageKit error 25)\"}", answer("remove"));
    }
}
