package dev.wasmrt.hostapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The JSON answers of the {@code packagekit_*} imports, built from {@link PackageKit} calls. */
final class PackageKitCalls {
    /** PackageKit's filter bit for installed packages (1 << PK_FILTER_ENUM_INSTALLED). */
    static final long FILTER_INSTALLED = 1L << 2;
    private static final int DEFAULT_HISTORY_COUNT = 10;
    /** Created on first use: setting a mapper up costs every run start-up time, most need none. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PackageKit packageKit;

    PackageKitCalls(PackageKit packageKit) {
        this.packageKit = packageKit;
    }

    int available() {
        return packageKit.available() ? 1 : 0;
    }

    JsonNode status() {
        try {
            PackageKit.Status status = packageKit.status();
            ObjectNode out = NODES.objectNode();
            out.put("available", true);
            out.put("backend_name", status.backendName());
            out.put("daemon_state", status.daemonState());
            out.put("distro_id", status.distroId());
            out.put("locked", status.locked());
            out.put("network_state", status.networkState());
            status.transactions().forEach(out.putArray("transactions")::add);
            out.put("version_major", status.versionMajor());
            out.put("version_minor", status.versionMinor());
            out.put("version_micro", status.versionMicro());
            return out;
        } catch (PackageKitException e) {
            return error(e.getMessage());
        }
    }

    JsonNode installedPackages() {
        try {
            ArrayNode out = NODES.arrayNode();
            for (PackageKit.PackageSignal signal : packageKit.packages(FILTER_INSTALLED)) {
                out.add(describe(signal));
            }
            return out;
        } catch (PackageKitException e) {
            return error(e.getMessage());
        }
    }

    JsonNode history(JsonNode request) {
        try {
            List<String> names = names(request, false);
            JsonNode count = request.get("count");
            if (count != null && !(count.isIntegralNumber() && count.canConvertToInt() && count.intValue() >= 0)) {
                return error("\"count\" must be a non-negative integer");
            }
            return Json.MAPPER.valueToTree(packageKit.history(names, count == null ? DEFAULT_HISTORY_COUNT : count.intValue()));
        } catch (PackageKitException e) {
            return error(e.getMessage());
        }
    }

    /** Resolves the requested names to package ids and runs the change on those that apply. */
    JsonNode change(PackageKit.Change change, JsonNode request) {
        String action = switch (change) {
            case INSTALL -> "install";
            case REMOVE -> "remove";
            case UPDATE -> "upgrade";
        };
        try {
            List<String> names = names(request, true);
            boolean wantInstalled = change != PackageKit.Change.INSTALL;
            List<String> ids = new ArrayList<>();
            for (PackageKit.PackageSignal signal : packageKit.resolve(0, names)) {
                if (dataPart(signal.packageId()).startsWith("installed") == wantInstalled && !ids.contains(signal.packageId())) {
                    ids.add(signal.packageId());
                }
            }
            if (ids.isEmpty()) {
                return error("no package to " + action + " among " + names);
            }
            List<String> changed = new ArrayList<>(packageKit.change(change, ids));
            changed.sort(null);
            ObjectNode out = NODES.objectNode();
            out.put("action", action);
            names.forEach(out.putArray("requested")::add);
            ids.forEach(out.putArray("package_ids")::add);
            (changed.isEmpty() ? ids : changed).forEach(out.putArray("changed")::add);
            return out;
        } catch (PackageKitException e) {
            return error(e.getMessage());
        }
    }

    /** A request that is not JSON, or not valid UTF-8: answered like every other failure. */
    static JsonNode badRequest(String why) {
        return error("bad request: " + why);
    }

    private static List<String> names(JsonNode request, boolean atLeastOne) throws PackageKitException {
        JsonNode names = request.get("names");
        if (!request.isObject() || names == null || !names.isArray()) {
            throw new PackageKitException("bad request: expected {\"names\": [...]}");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode name : names) {
            if (!name.isTextual()) {
                throw new PackageKitException("bad request: every name must be a string");
            }
            out.add(name.textValue());
        }
        if (atLeastOne && out.isEmpty()) {
            throw new PackageKitException("bad request: \"names\" must name at least one package");
        }
        return out;
    }

    private static ObjectNode describe(PackageKit.PackageSignal signal) {
        String[] parts = signal.packageId().split(";", -1);
        ObjectNode out = NODES.objectNode();
        out.put("info", signal.info());
        out.put("package_id", signal.packageId());
        out.put("name", part(parts, 0));
        out.put("version", part(parts, 1));
        out.put("arch", part(parts, 2));
        out.put("data", part(parts, 3));
        out.put("summary", signal.summary());
        return out;
    }

    private static String dataPart(String packageId) {
        return part(packageId.split(";", -1), 3);
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }

    private static ObjectNode error(String message) {
        ObjectNode out = NODES.objectNode();
        out.put("error", message);
        return out;
    }
}
