package dev.wasmrt.cli.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The one JSON object the runtime prints: {@code retcode}, then {@code warning}, {@code message}
 * and {@code data}, each left out when empty (data also when null, {}, [] or "").
 */
public record RuntimeResponse(int retcode, List<String> warnings, String message, JsonNode data) {

    public RuntimeResponse {
        warnings = List.copyOf(warnings);
    }

    public static RuntimeResponse of(int retcode, String message, JsonNode data) {
        return new RuntimeResponse(retcode, List.of(), message, data);
    }

    public static RuntimeResponse failure(ProtocolException failure) {
        return of(failure.retcode(), failure.getMessage(), null);
    }

    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("retcode", retcode);
        if (!warnings.isEmpty()) {
            warnings.forEach(out.putArray("warning")::add);
        }
        if (message != null && !message.isEmpty()) {
            out.put("message", message);
        }
        if (!isEmpty(data)) {
            out.set("data", data);
        }
        return out;
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode()
                || (node.isContainerNode() && node.isEmpty())
                || (node.isTextual() && node.textValue().isEmpty());
    }
}
