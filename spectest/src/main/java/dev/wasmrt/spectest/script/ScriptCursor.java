package dev.wasmrt.spectest.script;

import dev.wasmrt.decoder.text.SourcePositions;
import dev.wasmrt.decoder.text.TextFormatException;
import dev.wasmrt.decoder.text.Token;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A position in a script's tokens. */
final class ScriptCursor {
    private final List<Token> tokens;
    final SourcePositions positions;
    private int pos;

    ScriptCursor(List<Token> tokens, SourcePositions positions) {
        this.tokens = tokens;
        this.positions = positions;
    }

    Token peek() { return tokens.get(pos); }

    Token peek(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

    Token next() {
        Token t = tokens.get(pos);
        if (!t.is(Token.Kind.EOF)) pos++;
        return t;
    }

    boolean atList(String keyword) {
        return peek().is(Token.Kind.LPAREN) && peek(1).isAtom(keyword);
    }

    Token expect(Token.Kind kind) {
        Token t = peek();
        if (!t.is(kind)) throw error("unexpected token", t);
        return next();
    }

    Token atom() { return expect(Token.Kind.ATOM); }

    /** Consumes the RPAREN closing the list opened by {@code open}. */
    void close(Token open) {
        if (!peek().is(Token.Kind.RPAREN)) throw error("unexpected token", peek());
        next();
    }

    /** An optional {@code $id}, as its name. */
    String optionalId() {
        return peek().is(Token.Kind.ID) ? next().text() : null;
    }

    String string() {
        return new String(expect(Token.Kind.STRING).bytes(), StandardCharsets.UTF_8);
    }

    byte[] strings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (peek().is(Token.Kind.STRING)) out.writeBytes(next().bytes());
        return out.toByteArray();
    }

    /** Skips to just after the RPAREN that closes the list whose LPAREN was consumed before. */
    Token skipToClose() {
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.is(Token.Kind.EOF)) throw error("unexpected end", t);
            if (t.is(Token.Kind.RPAREN) && depth == 0) return t;
            if (t.is(Token.Kind.LPAREN)) depth++;
            if (t.is(Token.Kind.RPAREN)) depth--;
            next();
        }
    }

    int line(Token t) { return positions.line(t.start()); }

    TextFormatException error(String reason, Token at) { return positions.error(reason, at.start()); }
}
