package dev.wasmrt.cli.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One request read from standard input, as sent: the runtime's {@code rt.} names are still in
 * {@code options} and {@code arguments}; {@link RuntimeCall} separates them from what the guest sees.
 *
 * @param options every option, strings and non-strings alike (non-strings never reach the guest)
 * @param timeoutSeconds 0 for no limit
 */
public record RuntimeRequest(List<JsonNode> options, ObjectNode arguments, ObjectNode config,
                             JsonNode host, ObjectNode ext, int timeoutSeconds, boolean quiet) {

    public RuntimeRequest {
        options = List.copyOf(options);
    }
}
