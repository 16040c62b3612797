package dev.wasmrt.hostapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HeaderPointerTest {
    private static final JsonNode HEADER = parse(
            "{\"args\": {\"name\": \"x\", \"a/b\": 1, \"m~n\": 2, \"\": 3, \"list\": [10, 20]}, \"opts\": [\"man\"]}");

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String at(String pointer) {
        JsonNode value = HeaderPointer.resolve(HEADER, pointer);
        return value == null ? null : value.toString();
    }

    @Test
    void resolvesMembersAndIndices() {
        assertEquals("\"x\"", at("/args/name"));
        assertEquals("[10,20]", at("/args/list"));
        assertEquals("20", at("/args/list/1"));
        assertEquals("\"man\"", at("/opts/0"));
        assertEquals("3", at("/args/"));
    }

    @Test
    void unescapesTildeSequences() {
        assertEquals("1", at("/args/a~1b"));
        assertEquals("2", at("/args/m~0n"));
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertEquals("\"x\"", at("  /args/name\n"));
    }

    @Test
    void namesNothingForMissingPathsAndBadIndices() {
        assertNull(at("/args/missing"));
        assertNull(at("/args/name/deeper"));
        assertNull(at("/args/list/2"));
        assertNull(at("/args/list/01"));
        assertNull(at("/args/list/-1"));
        assertNull(at("/args/list/+1"));
        assertNull(at("/args/list/99999999999"));
    }

    @Test
    void pointersWithoutLeadingSlashNeverResolve() {
        assertNull(at("args/name"));
        assertNull(at(""));
        assertNull(at("   "));
    }
}
