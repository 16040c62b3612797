package dev.wasmrt.hostapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageKitCallsTest {
    private final FakePackageKit packageKit = new FakePackageKit();
    private final PackageKitCalls calls = new PackageKitCalls(packageKit);

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void statusHasEveryField() {
        assertEquals("{\"available\":true,\"backend_name\":\"apt\",\"daemon_state\":\"idle\",\"distro_id\":\"debian;12;x86_64\","
                + "\"locked\":false,\"network_state\":2,\"transactions\":[\"/1_abc\"],\"version_major\":1,"
                + "\"version_minor\":2,\"version_micro\":8}", calls.status().toString());
    }

    @Test
    void installedPackagesAreSplitIntoTheirIdParts() {
        assertEquals("[{\"info\":1,\"package_id\":\"vim;9.0;amd64;installed:debian\",\"name\":\"vim\",\"version\":\"9.0\","
                + "\"arch\":\"amd64\",\"data\":\"installed:debian\",\"summary\":\"Vi IMproved\"},"
                + "{\"info\":1,\"package_id\":\"bash;5.2;amd64;installed\",\"name\":\"bash\",\"version\":\"5.2\","
                + "\"arch\":\"amd64\",\"data\":\"installed\",\"summary\":\"GNU shell\"}]", calls.installedPackages().toString());
        assertEquals(List.of("packages 4"), packageKit.calls);
    }

    @Test
    void historyDefaultsToTenEntries() throws Exception {
        assertEquals("{\"vim\":[{\"version\":\"9.0\",\"timestamp\":1700000000}]}",
                calls.history(json("{\"names\": [\"vim\"]}")).toString());
        calls.history(json("{\"names\": [\"vim\", \"curl\"], \"count\": 3}"));
        assertEquals(List.of("history [vim] 10", "history [vim, curl] 3"), packageKit.calls);
        assertEquals("{\"error\":\"\\\"count\\\" must be a non-negative integer\"}",
                calls.history(json("{\"names\": [], \"count\": -1}")).toString());
    }

    @Test
    void installKeepsOnlyPackagesNotInstalled() throws Exception {
        packageKit.changedIds = List.of("curl;8.1;amd64;debian-main", "libcurl;8.1;amd64;debian-main");
        assertEquals("{\"action\":\"install\",\"requested\":[\"curl\",\"vim\"],\"package_ids\":[\"curl;8.1;amd64;debian-main\"],"
                + "\"changed\":[\"curl;8.1;amd64;debian-main\",\"libcurl;8.1;amd64;debian-main\"]}",
                calls.change(PackageKit.Change.INSTALL, json("{\"names\": [\"curl\", \"vim\"]}")).toString());
        assertEquals(List.of("resolve 0 [curl, vim]", "INSTALL [curl;8.1;amd64;debian-main]"), packageKit.calls);
    }

    @Test
    void removeAndUpgradeKeepInstalledPackagesAndFallBackToResolvedIds() throws Exception {
        assertEquals("{\"action\":\"remove\",\"requested\":[\"vim\",\"curl\"],\"package_ids\":[\"vim;9.0;amd64;installed:debian\"],"
                + "\"changed\":[\"vim;9.0;amd64;installed:debian\"]}",
                calls.change(PackageKit.Change.REMOVE, json("{\"names\": [\"vim\", \"curl\"]}")).toString());
        assertEquals("upgrade", calls.change(PackageKit.Change.UPDATE, json("{\"names\": [\"bash\"]}")).get("action").textValue());
    }

    @Test
    void failuresAreWrittenAsErrorObjects() throws Exception {
        assertEquals("{\"error\":\"no package to install among [vim]\"}",
                calls.change(PackageKit.Change.INSTALL, json("{\"names\": [\"vim\"]}")).toString());
        assertEquals("{\"error\":\"bad request: \\\"names\\\" must name at least one package\"}",
                calls.change(PackageKit.Change.REMOVE, json("{\"names\": []}")).toString());
        assertEquals("{\"error\":\"bad request: expected {\\\"names\\\": [...]}\"}",
                calls.change(PackageKit.Change.REMOVE, json("[\"vim\"]")).toString());
        assertEquals("{\"error\":\"bad request: every name must be a string\"}",
                calls.history(json("{\"names\": [1]}")).toString());
        packageKit.reachable = false;
        assertEquals(0, calls.available());
        assertEquals("{\"error\":\"cannot connect to the system bus: no socket\"}", calls.status().toString());
        assertEquals("{\"error\":\"cannot connect to the system bus: no socket\"}", calls.installedPackages().toString());
    }
}
