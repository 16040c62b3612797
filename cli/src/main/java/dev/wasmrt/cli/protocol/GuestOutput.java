package dev.wasmrt.cli.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmrt.hostapi.JsonText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Turns what a guest printed on its standard output, and the lines it logged, into {@code data}. */
public final class GuestOutput {
    public static final String GUEST_LOGS = "__module-logs";
    public static final String LOGS = "__sysinspect-module-logs";

    private GuestOutput() {}

    /**
     * {@code {"changed": false}} merged with the guest's object. Output that is not a JSON object
     * lands in {@code data.data}: blank output as null, JSON as its value, other text verbatim.
     * The guest's own log entries (under either log field name) come first, then the host's lines.
     */
    public static ObjectNode toData(String moduleId, byte[] stdout, List<String> hostLogLines) throws ProtocolException {
        JsonNode value = parse(decode(moduleId, stdout));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("changed", false);
        if (value instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                data.set(field.getKey(), field.getValue());
            }
        } else {
            data.set("data", value);
        }
        ArrayNode logs = JsonNodeFactory.instance.arrayNode();
        addEntries(logs, data.remove(LOGS));
        addEntries(logs, data.remove(GUEST_LOGS));
        hostLogLines.forEach(logs::add);
        data.set(LOGS, logs);
        return data;
    }

    private static void addEntries(ArrayNode logs, JsonNode guestLogs) {
        if (guestLogs instanceof ArrayNode entries) {
            logs.addAll(entries);
        } else if (guestLogs != null && !guestLogs.isNull()) {
            logs.add(guestLogs);
        }
    }

    private static String decode(String moduleId, byte[] stdout) throws ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(stdout)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(RetCode.MODULE_FAILED,
                    "Failed to run module \"" + moduleId + "\": its standard output is not valid UTF-8");
        }
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JsonText.read(text);
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
