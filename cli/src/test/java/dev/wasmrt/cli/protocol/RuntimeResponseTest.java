package dev.wasmrt.cli.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeResponseTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void emptyPartsAreLeftOut() {
        assertEquals("{\"retcode\":4}", RuntimeResponse.of(4, "", null).toJson().toString());
        assertEquals("{\"retcode\":0}", RuntimeResponse.of(0, null, NODES.objectNode()).toJson().toString());
        assertEquals("{\"retcode\":0}", RuntimeResponse.of(0, null, NODES.arrayNode()).toJson().toString());
        assertEquals("{\"retcode\":0}", RuntimeResponse.of(0, null, NODES.textNode("")).toJson().toString());
        assertEquals("{\"retcode\":0}", RuntimeResponse.of(0, null, NODES.nullNode()).toJson().toString());
    }

    @Test
    void fieldsComeInProtocolOrder() {
        RuntimeResponse response = new RuntimeResponse(5, List.of("w"), "m", NODES.objectNode().put("k", 0));
        assertEquals("{\"retcode\":5,\"warning\":[\"w\"],\"message\":\"m\",\"data\":{\"k\":0}}", response.toJson().toString());
        assertEquals("{\"retcode\":0,\"data\":0}", RuntimeResponse.of(0, "", NODES.numberNode(0)).toJson().toString());
    }
}
