package dev.wasmrt.hostapi.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmrt.hostapi.PackageKit;
import dev.wasmrt.hostapi.PackageKitException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The D-Bus client against a real dbus-daemon on a private bus, with a test PackageKit service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbusPackageKitTest {
    @TempDir
    static Path dir;
    private PrivateBus bus;
    private TestPackageKitService service;
    private DbusPackageKit packageKit;

    @BeforeAll
    void startBus() throws Exception {
        Path daemon = PrivateBus.findDaemon();
        Assumptions.assumeTrue(daemon != null,
                "dbus-daemon is not installed (Debian package dbus): skipping the PackageKit D-Bus tests");
        bus = PrivateBus.start(daemon, dir);
        service = new TestPackageKitService(bus.address());
        packageKit = DbusPackageKit.at(bus.address());
    }

    @BeforeEach
    void forgetCalls() {
        service.calls.clear();
    }

    @AfterAll
    void stopBus() throws Exception {
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

    @Test
    void availableOnlyWhenTheDaemonAnswers() throws Exception {
        assertTrue(packageKit.available());
        try (PrivateBus empty = PrivateBus.start(PrivateBus.findDaemon(), java.nio.file.Files.createTempDirectory(dir, "empty"));
             DbusPackageKit nobody = DbusPackageKit.at(empty.address())) {
            assertFalse(nobody.available());
        }
        try (DbusPackageKit noBus = DbusPackageKit.at("unix:path=" + dir.resolve("no-such-socket"))) {
            assertFalse(noBus.available());
            PackageKitException e = assertThrows(PackageKitException.class, noBus::status);
            assertTrue(e.getMessage().startsWith("cannot connect to the system bus"), e.getMessage());
        }
    }

    @Test
    void statusReadsPropertiesAndMethods() throws PackageKitException {
        assertEquals(new PackageKit.Status("test-backend", "idle since start", "debian;13;x86_64", false, 2,
                List.of("/42_running"), 1, 3, 2), packageKit.status());
    }

    @Test
    void packagesCollectsSignalsUntilFinished() throws PackageKitException {
        List<PackageKit.PackageSignal> installed = packageKit.packages(4);
        assertEquals(List.of(
                new PackageKit.PackageSignal(1, "vim;9.0.1;amd64;installed:debian", "Vi IMproved"),
                new PackageKit.PackageSignal(1, "locked;1.0;all;installed", "a package that cannot be removed")), installed);
        assertEquals(List.of("GetPackages 4"), service.calls);
    }

    @Test
    void historyBecomesPlainValues() throws PackageKitException {
        Map<String, List<Map<String, Object>>> history = packageKit.history(List.of("vim"), 3);
        assertEquals(Map.of("vim", List.of(Map.of("info", 1L, "version", "9.0.1", "timestamp", java.math.BigInteger.valueOf(1_700_000_000L)))),
                history);
        assertEquals(List.of("GetPackageHistory [vim] 3"), service.calls);
    }

    @Test
    void changesRunOneTransactionEach() throws PackageKitException {
        List<PackageKit.PackageSignal> resolved = packageKit.resolve(0, List.of("curl", "vim", "unknown"));
        assertEquals(List.of("vim;9.0.1;amd64;installed:debian", "curl;8.1.2;amd64;debian-main"),
                resolved.stream().map(PackageKit.PackageSignal::packageId).toList());
        assertEquals(List.of("curl;8.1.2;amd64;debian-main", "libcurl;8.1.2;amd64;debian-main"),
                packageKit.change(PackageKit.Change.INSTALL, List.of("curl;8.1.2;amd64;debian-main")));
        assertEquals(List.of(), packageKit.change(PackageKit.Change.UPDATE, List.of("vim;9.0.1;amd64;installed:debian")));
        assertEquals(List.of("Resolve 0 [curl, vim, unknown]", "InstallPackages 0 [curl;8.1.2;amd64;debian-main]",
                "UpdatePackages 0 [vim;9.0.1;amd64;installed:debian]"), service.calls);
    }

    @Test
    void errorCodeSignalFailsTheTransaction() {
        PackageKitException e = assertThrows(PackageKitException.class,
                () -> packageKit.change(PackageKit.Change.REMOVE, List.of("locked;1.0;all;installed")));
        assertEquals("package locked is protected (PackageKit error 25)", e.getMessage());
        assertEquals(List.of("RemovePackages 0 [locked;1.0;all;installed] true false"), service.calls);
    }
}
