package dev.wasmrt.hostapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming reader and writer agree with Jackson's {@code ObjectMapper} on every kind of value. */
class JsonTextTest {
    private static final String DOCUMENT = "{\"s\":\"Ünï \\\"q\\\" \\n\\u0001\",\"i\":-7,\"l\":12345678901,"
            + "\"big\":123456789012345678901234567890,\"d\":-1.5e-3,\"t\":true,\"f\":false,\"n\":null,"
            + "\"a\":[[],{},[1,[2,{\"x\":\"y\"}]]],\"dup\":1,\"dup\":2}";

    @Test
    void readsAsTheObjectMapperDoes() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DOCUMENT);
        assertEquals(expected, JsonText.read(DOCUMENT));
        assertEquals(expected, JsonText.read(DOCUMENT.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesAsToStringDoes() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(DOCUMENT);
        assertEquals(tree.toString(), JsonText.write(tree));
        assertEquals(tree, new ObjectMapper().readTree(JsonText.write(tree)));
    }

    @Test
    void blankInputHoldsNoValue() throws IOException {
        assertNull(JsonText.read(" \n\t"));
        assertNull(JsonText.read(new byte[0]));
    }

    @Test
    void refusesTrailingAndMalformedText() {
        for (String bad : new String[] {"{} {}", "1 2", "{\"a\":", "[1,]", "{\"a\" 1}", "nul"}) {
            assertThrows(JacksonException.class, () -> JsonText.read(bad), bad);
        }
    }

    @Test
    void refusesHostileNesting() {
        String deep = "[".repeat(100_000);
        assertThrows(JacksonException.class, () -> JsonText.read(deep));
    }
}
