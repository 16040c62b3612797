package dev.wasmrt.cli.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a request asks of the runtime once its {@code rt.} names are taken out, and the header
 * the guest reads on its standard input.
 *
 * @param moduleId the {@code rt.mod} argument, "" when missing or not a string
 * @param listModules the {@code rt.list} option
 * @param moduleDirectory {@code <path.sharelib>/lib/runtime/wasm}
 * @param writeDir the host directory mapped to the guest's {@code /}, or null for the host's {@code /}
 * @param maxOutputBytes how much standard output the guest may write
 * @param guestHeader {@code {"opts", "args", "config", "ext", "host"}} as the guest sees them
 */
public record RuntimeCall(String moduleId, boolean listModules, Path moduleDirectory, Path writeDir,
                          int maxOutputBytes, int timeoutSeconds, ObjectNode guestHeader) {
    public static final String DEFAULT_SHARELIB = "/usr/share/sysinspect";
    public static final String SHARELIB_KEY = "path.sharelib";
    /** Generous, yet far below what a Java array can hold; {@code rt.max-output} changes it. */
    public static final int DEFAULT_MAX_OUTPUT = 256 << 20;

    private static final String RUNTIME_PREFIX = "rt.";
    private static final String WRITE_DIR = "write-dir";

    /**
     * @param defaultSharelib the sharelib to assume when the config has none (the {@code -s}
     *                        option, else {@link #DEFAULT_SHARELIB})
     */
    public static RuntimeCall of(RuntimeRequest request, String defaultSharelib) throws ProtocolException {
        ObjectNode arguments = request.arguments();
        Path writeDir = writeDir(arguments.get(WRITE_DIR));

        ObjectNode config = request.config().deepCopy();
        if (!config.has(SHARELIB_KEY)) {
            config.put(SHARELIB_KEY, defaultSharelib);
        }
        Path moduleDirectory = moduleDirectory(config.get(SHARELIB_KEY));

        JsonNode mod = arguments.get("rt.mod");
        String moduleId = mod != null && mod.isTextual() ? mod.textValue() : "";
        boolean manual = arguments.path("rt.man").isBoolean() && arguments.get("rt.man").booleanValue();

        ArrayNode guestOptions = JsonNodeFactory.instance.arrayNode();
        boolean listModules = false;
        for (JsonNode option : request.options()) {
            if (!option.isTextual()) {
                continue;
            }
            String name = option.textValue();
            if (name.equals("rt.list")) {
                listModules = true;
            }
            if (!name.startsWith(RUNTIME_PREFIX)) {
                guestOptions.add(name);
            }
        }
        if (manual && !containsText(guestOptions, "man")) {
            guestOptions.add("man");
        }
        ObjectNode guestArguments = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> argument : arguments.properties()) {
            if (!argument.getKey().startsWith(RUNTIME_PREFIX)) {
                guestArguments.set(argument.getKey(), argument.getValue());
            }
        }

        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.set("opts", guestOptions);
        header.set("args", guestArguments);
        header.set("config", config);
        header.set("ext", request.ext());
        header.set("host", request.host());
        return new RuntimeCall(moduleId, listModules, moduleDirectory, writeDir,
                maxOutput(arguments.get("rt.max-output")), request.timeoutSeconds(), header);
    }

    private static Path writeDir(JsonNode value) throws ProtocolException {
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !value.textValue().startsWith("/")) {
            throw new ProtocolException(RetCode.CONFIGURATION,
                    "Argument \"" + WRITE_DIR + "\" must be an absolute path, not " + value);
        }
        String trimmed = trimTrailingSlashes(value.textValue());
        return Path.of(trimmed.isEmpty() ? "/" : trimmed);
    }

    /** {@code <sharelib>/lib/runtime/wasm}; a sharelib that is not a string, or empty once trimmed, is refused. */
    public static Path moduleDirectory(JsonNode sharelib) throws ProtocolException {
        String root = sharelib.isTextual() ? trimTrailingSlashes(sharelib.textValue().strip()) : "";
        if (root.isEmpty()) {
            throw new ProtocolException(RetCode.CONFIGURATION,
                    "Config entry \"" + SHARELIB_KEY + "\" is missing or empty");
        }
        return Path.of(root, "lib", "runtime", "wasm");
    }

    private static int maxOutput(JsonNode value) throws ProtocolException {
        if (value == null) {
            return DEFAULT_MAX_OUTPUT;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() <= 0) {
            throw new ProtocolException(RetCode.CONFIGURATION,
                    "Argument \"rt.max-output\" must be a positive number of bytes below 2 GiB, not " + value);
        }
        return value.intValue();
    }

    private static String trimTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static boolean containsText(ArrayNode array, String text) {
        for (JsonNode element : array) {
            if (element.textValue().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
