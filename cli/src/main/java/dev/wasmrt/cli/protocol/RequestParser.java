package dev.wasmrt.cli.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wasmrt.hostapi.JsonText;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the request JSON. Unlike the original runtime, which printed plain text for a bad
 * request, every problem here becomes a {@link ProtocolException} with retcode 4 that the
 * caller answers in JSON.
 */
public final class RequestParser {
    private static final int MAX_TIMEOUT = 255;

    private RequestParser() {}

    public static RuntimeRequest parse(byte[] input) throws ProtocolException {
        JsonNode root;
        try {
            root = JsonText.read(input);
        } catch (JacksonException e) {
            throw invalid("the request is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw invalid("the request could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw invalid("the request is empty: expected one JSON object on standard input");
        }
        if (!root.isObject()) {
            throw invalid("the request must be a JSON object, not " + kind(root));
        }
        return fromObject((ObjectNode) root);
    }

    private static RuntimeRequest fromObject(ObjectNode root) throws ProtocolException {
        JsonNode options = aliased(root, "options", "opts");
        JsonNode arguments = aliased(root, "arguments", "args");
        List<JsonNode> optionList = new ArrayList<>();
        if (options != null) {
            if (!options.isArray()) {
                throw invalid("\"options\" must be an array, not " + kind(options));
            }
            options.forEach(optionList::add);
        }
        ObjectNode ext = object(root, "ext");
        ObjectNode merged = ext.deepCopy();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!isKnown(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        JsonNode host = root.get("host");
        return new RuntimeRequest(optionList,
                arguments == null ? JsonNodeFactory.instance.objectNode() : requireObject("arguments", arguments),
                object(root, "config"),
                host == null || host.isNull() ? JsonNodeFactory.instance.objectNode() : host,
                merged, timeout(root.get("timeout")), quiet(root.get("quiet")));
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "options", "opts", "arguments", "args", "config", "host", "ext", "timeout", "quiet" -> true;
            default -> false;
        };
    }

    /** A field that may be spelt two ways; giving both is ambiguous, so it is refused. */
    private static JsonNode aliased(ObjectNode root, String name, String alias) throws ProtocolException {
        JsonNode value = present(root.get(name));
        JsonNode aliasValue = present(root.get(alias));
        if (value != null && aliasValue != null) {
            throw invalid("both \"" + name + "\" and its alias \"" + alias + "\" are given");
        }
        return value != null ? value : aliasValue;
    }

    private static ObjectNode object(ObjectNode root, String name) throws ProtocolException {
        JsonNode value = present(root.get(name));
        return value == null ? JsonNodeFactory.instance.objectNode() : requireObject(name, value);
    }

    private static ObjectNode requireObject(String name, JsonNode value) throws ProtocolException {
        if (!value.isObject()) {
            throw invalid("\"" + name + "\" must be an object, not " + kind(value));
        }
        return (ObjectNode) value;
    }

    private static int timeout(JsonNode value) throws ProtocolException {
        if (present(value) == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.intValue() < 0 || value.intValue() > MAX_TIMEOUT) {
            throw invalid("\"timeout\" must be an integer from 0 to " + MAX_TIMEOUT + " (seconds), not " + value);
        }
        return value.intValue();
    }

    private static boolean quiet(JsonNode value) throws ProtocolException {
        if (present(value) == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid("\"quiet\" must be true or false, not " + value);
        }
        return value.booleanValue();
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static ProtocolException invalid(String detail) {
        return new ProtocolException(RetCode.CONFIGURATION, "Arguments error: " + detail);
    }
}
