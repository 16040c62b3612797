package dev.wasmrt.decoder.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits UTF-8 source into tokens. Comments (line, nested block) and annotations {@code (@id ...)}
 * are dropped, but their content is still checked, as the spec's lexer does.
 */
public final class Lexer {
    private final byte[] src;
    private final SourcePositions positions;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(byte[] src, SourcePositions positions) {
        this.src = src;
        this.positions = positions;
    }

    /** The tokens of {@code src}, ending with one {@link Token.Kind#EOF}. */
    public static List<Token> tokenize(byte[] src, SourcePositions positions) {
        Lexer lexer = new Lexer(src, positions);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipBlanks();
            if (pos >= src.length) break;
            int c = src[pos] & 0xFF;
            if (c == '(' && peek(1) == '@') {
                skipAnnotation();
            } else if (c == '(') {
                tokens.add(new Token(Token.Kind.LPAREN, pos, ++pos, null, null));
            } else if (c == ')') {
                tokens.add(new Token(Token.Kind.RPAREN, pos, ++pos, null, null));
            } else {
                tokens.add(lexRun());
            }
        }
        tokens.add(new Token(Token.Kind.EOF, src.length, src.length, null, null));
    }

    private int peek(int ahead) {
        int p = pos + ahead;
        return p < src.length ? src[p] & 0xFF : -1;
    }

    private TextFormatException error(String reason, int at) {
        return positions.error(reason, at);
    }

    /** Skips white space and comments. */
    private void skipBlanks() {
        while (pos < src.length) {
            int c = src[pos] & 0xFF;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == ';' && peek(1) == ';') {
                // a line comment ends at a line feed or a carriage return
                while (pos < src.length && src[pos] != '\n' && src[pos] != '\r') pos = skipChar(pos);
            } else if (c == '(' && peek(1) == ';') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (true) {
            if (pos >= src.length) throw error("unclosed comment", start);
            if (src[pos] == '(' && peek(1) == ';') {
                depth++;
                pos += 2;
            } else if (src[pos] == ';' && peek(1) == ')') {
                pos += 2;
                if (--depth == 0) return;
            } else {
                pos = skipChar(pos);
            }
        }
    }

    /** Steps over one character of a comment, checking its UTF-8 encoding. */
    private int skipChar(int at) {
        int c = src[at] & 0xFF;
        if (c < 0x80) return at + 1;
        return at + utf8Length(at);
    }

    private int utf8Length(int at) {
        int c = src[at] & 0xFF;
        int n;
        int min;
        if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
        else throw error("malformed UTF-8 encoding", at);
        if (at + n > src.length) throw error("malformed UTF-8 encoding", at);
        int cp = c & (0xFF >> (n + 1));
        for (int i = 1; i < n; i++) {
            int b = src[at + i] & 0xFF;
            if ((b & 0xC0) != 0x80) throw error("malformed UTF-8 encoding", at);
            cp = cp << 6 | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw error("malformed UTF-8 encoding", at);
        return n;
    }

    /** Skips {@code (@id ...)} with everything nested in it. */
    private void skipAnnotation() {
        int start = pos;
        pos += 2;
        int idStart = pos;
        if (pos < src.length && src[pos] == '"') {
            byte[] name = lexString("empty annotation id");
            if (name.length == 0) throw error("empty annotation id", idStart);
            if (!isValidUtf8(name)) throw error("malformed UTF-8", idStart);
        } else {
            while (pos < src.length && isIdChar(src[pos] & 0xFF)) pos++;
            if (pos == idStart) throw error("empty annotation id", idStart);
        }
        int depth = 1;
        while (depth > 0) {
            skipBlanks();
            if (pos >= src.length) throw error("unclosed annotation", start);
            int c = src[pos] & 0xFF;
            if (c == '(') {
                pos++;
                depth++;
            } else if (c == ')') {
                pos++;
                depth--;
            } else {
                lexRun();
            }
        }
    }

    /** A maximal run of identifier characters and strings, classified as one token. */
    private Token lexRun() {
        int start = pos;
        int parts = 0;
        int strings = 0;
        byte[] lastString = null;
        boolean reservedChar = false;
        while (pos < src.length) {
            int c = src[pos] & 0xFF;
            if (c == '"') {
                lastString = lexString(start < pos && src[pos - 1] == '$' ? "empty identifier" : null);
                strings++;
                parts++;
            } else if (isIdChar(c)) {
                while (pos < src.length && isIdChar(src[pos] & 0xFF)) pos++;
                parts++;
            } else if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || (c == ';' && peek(1) != ';')) {
                pos++;
                parts++;
                reservedChar = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == ';') {
                break;
            } else {
                if (c >= 0x80) utf8Length(pos); // a broken encoding is reported as such
                throw error("illegal character", pos);
            }
        }
        int end = pos;
        String spelling = new String(src, start, end - start, StandardCharsets.UTF_8);
        if (src[start] == '$') return identifier(start, end, spelling, parts, strings, lastString, reservedChar);
        if (strings == 1 && parts == 1) return new Token(Token.Kind.STRING, start, end, spelling, lastString);
        if (strings == 0 && !reservedChar) return new Token(Token.Kind.ATOM, start, end, spelling, null);
        return new Token(Token.Kind.RESERVED, start, end, spelling, null);
    }

    private Token identifier(int start, int end, String spelling, int parts, int strings, byte[] string, boolean reservedChar) {
        if (end - start == 1) throw error("empty identifier", start);
        if (strings == 0 && !reservedChar) return new Token(Token.Kind.ID, start, end, spelling.substring(1), null);
        // "$" and a string: the string must be the whole rest of the token
        if (strings == 1 && parts == 2 && src[start + 1] == '"' && !reservedChar) {
            if (string.length == 0) throw error("empty identifier", start);
            if (!isValidUtf8(string)) throw error("malformed UTF-8 encoding", start);
            return new Token(Token.Kind.ID, start, end, new String(string, StandardCharsets.UTF_8), null);
        }
        return new Token(Token.Kind.RESERVED, start, end, spelling, null);
    }

    /** Reads a string literal at {@code pos} (on its opening quote) and returns its bytes. */
    private byte[] lexString(String controlCharacterReason) {
        int start = pos;
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= src.length) throw error("unclosed string", start);
            int c = src[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return out.toByteArray();
            }
            if (c < 0x20 || c == 0x7F) {
                // the spec's lexer reports a broken quoted identifier (or annotation id) as an empty one
                if (controlCharacterReason != null) throw error(controlCharacterReason, start);
                throw error(c == '\n' ? "unclosed string" : "illegal control character", pos);
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x80) {
                out.write(c);
                pos++;
            } else {
                int n = utf8Length(pos);
                out.write(src, pos, n);
                pos += n;
            }
        }
    }

    private void escape(ByteArrayOutputStream out) {
        int at = pos;
        int c = peek(1);
        pos += 2;
        switch (c) {
            case 't' -> out.write('\t');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case '"' -> out.write('"');
            case '\'' -> out.write('\'');
            case '\\' -> out.write('\\');
            case 'u' -> unicodeEscape(out, at);
            default -> {
                int hi = hexValue(c);
                int lo = hexValue(pos < src.length ? src[pos] & 0xFF : -1);
                if (hi < 0 || lo < 0) throw error("illegal escape", at);
                pos++;
                out.write(hi << 4 | lo);
            }
        }
    }

    private void unicodeEscape(ByteArrayOutputStream out, int at) {
        if (pos >= src.length || src[pos] != '{') throw error("illegal escape", at);
        pos++;
        long cp = 0;
        int digits = 0;
        while (pos < src.length && src[pos] != '}') {
            int d = hexValue(src[pos] & 0xFF);
            if (d < 0 && src[pos] == '_' && digits > 0) { pos++; continue; }
            if (d < 0) throw error("illegal escape", at);
            cp = cp * 16 + d;
            if (cp > 0x10FFFF) throw error("illegal escape", at);
            digits++;
            pos++;
        }
        if (pos >= src.length || digits == 0 || (cp >= 0xD800 && cp < 0xE000)) throw error("illegal escape", at);
        pos++;
        out.writeBytes(new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8));
    }

    static int hexValue(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    static boolean isIdChar(int c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') return true;
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '/', ':', '<', '=', '>', '?', '@', '\\', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }

    /** True when the bytes are well-formed UTF-8 (names must be). */
    public static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
