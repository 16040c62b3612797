package dev.wasmrt.hostapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 6901 JSON pointers into the request header. Surrounding whitespace is trimmed; a pointer
 * must then start with {@code /} (the empty pointer, "the whole document", is not offered:
 * {@code api.header} serves that). Array indices are decimal without leading zeros.
 */
final class HeaderPointer {
    private HeaderPointer() {}

    /** The value the pointer names, or null when it names nothing. */
    static JsonNode resolve(JsonNode document, String pointer) {
        String trimmed = pointer.strip();
        if (!trimmed.startsWith("/")) {
            return null;
        }
        JsonNode current = document;
        int start = 1;
        while (current != null) {
            int end = trimmed.indexOf('/', start);
            String token = unescape(trimmed.substring(start, end < 0 ? trimmed.length() : end));
            current = step(current, token);
            if (end < 0) {
                return current;
            }
            start = end + 1;
        }
        return null;
    }

    private static JsonNode step(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray()) {
            int index = arrayIndex(token);
            return index < 0 ? null : node.get(index);
        }
        return null;
    }

    private static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }

    private static String unescape(String token) {
        return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
    }
}
