package dev.wasmrt.decoder.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

    private static List<Token> lex(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Lexer.tokenize(bytes, new SourcePositions(bytes, 1, 1));
    }

    private static String kinds(String text) {
        StringBuilder out = new StringBuilder();
        for (Token t : lex(text)) out.append(t.kind()).append(' ');
        return out.toString().trim();
    }

    @Test
    void splitsParenthesesAtomsIdsAndStrings() {
        assertEquals("LPAREN ATOM ID ATOM RPAREN STRING EOF", kinds("(func $f i32.add)\"s\""));
        assertEquals("LPAREN ATOM LPAREN ATOM RPAREN ATOM RPAREN EOF", kinds("(func(nop)nop)"));
    }

    @Test
    void commentsNestAndAnnotationsAreSkipped() {
        assertEquals("ATOM ATOM EOF", kinds("a (; outer (; inner ;) still ;) b"));
        assertEquals("ATOM ATOM EOF", kinds("a ;; to the end\nb"));
        assertEquals("ATOM ATOM EOF", kinds("a ;; a carriage return ends it too\rb"));
        assertEquals("LPAREN ATOM RPAREN EOF", kinds("(module (@name \"x\" (nested (@y))) )"));
    }

    @Test
    void stringEscapes() {
        Token t = lex("\"a\\t\\n\\r\\\"\\'\\\\\\41\\u{48}\\u{1F600}\"").getFirst();
        byte[] expected = "a\t\n\r\"'\\AH\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, t.bytes());
        assertArrayEquals(new byte[] {(byte) 0xFF, 0}, lex("\"\\ff\\00\"").getFirst().bytes());
    }

    @Test
    void quotedIdentifiersEqualPlainOnes() {
        assertEquals("x", lex("$x").getFirst().text());
        assertEquals("x", lex("$\"x\"").getFirst().text());
        assertEquals("a b", lex("$\"a b\"").getFirst().text());
    }

    @Test
    void runsMixingStringsAndAtomsAreReserved() {
        assertEquals(Token.Kind.RESERVED, lex("data\"a\"").getFirst().kind());
        assertEquals(Token.Kind.RESERVED, lex("$\"l\"0").getFirst().kind());
        assertEquals(Token.Kind.RESERVED, lex("a,b").getFirst().kind());
        // $ and digits form one atom, which only the parser can reject
        assertEquals(Token.Kind.ATOM, lex("0$l").getFirst().kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"abc|unclosed string",
        "$|empty identifier",
        "$\"\"|empty identifier",
        "(@)|empty annotation id",
        "(@x (y)|unclosed annotation",
        "(; open|unclosed comment",
        "a \u00e9|illegal character",
        "\"\\u{D800}\"|illegal escape",
        "\"\\q\"|illegal escape",
    })
    void lexicalErrors(String text, String reason) {
        TextFormatException e = assertThrows(TextFormatException.class, () -> lex(text));
        assertEquals(reason, e.reason());
    }

    @Test
    void invalidUtf8InCommentsIsMalformed() {
        byte[] bytes = {';', ';', ' ', (byte) 0xC0, (byte) 0x80, '\n'};
        TextFormatException e = assertThrows(TextFormatException.class,
                () -> Lexer.tokenize(bytes, new SourcePositions(bytes, 1, 1)));
        assertEquals("malformed UTF-8 encoding", e.reason());
    }

    @Test
    void bytesOutsideStringsAreIllegalButBrokenEncodingsSayso() {
        byte[] broken = {'(', '@', 'a', ' ', (byte) 0x80, ')'};
        assertEquals("malformed UTF-8 encoding", assertThrows(TextFormatException.class,
                () -> Lexer.tokenize(broken, new SourcePositions(broken, 1, 1))).reason());
        assertEquals("empty annotation id", assertThrows(TextFormatException.class, () -> lex("(@\"\n\")")).reason());
    }

    @Test
    void errorsCarryLineAndColumn() {
        TextFormatException e = assertThrows(TextFormatException.class, () -> lex("(module\n  (func \"x))"));
        assertEquals(2, e.line());
        assertEquals(9, e.column());
        assertEquals("unclosed string (at line 2, column 9)", e.getMessage());
    }
}
