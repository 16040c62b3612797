package dev.wasmrt.decoder.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A position in a token list, with the checks a recursive-descent reader needs. */
final class TokenCursor {
    private final List<Token> tokens;
    private final SourcePositions positions;
    /** For each LPAREN, the index of its RPAREN (or of EOF when unbalanced); -1 elsewhere. */
    private final int[] match;
    int pos;

    TokenCursor(List<Token> tokens, SourcePositions positions) {
        this.tokens = tokens;
        this.positions = positions;
        this.match = new int[tokens.size()];
        int[] stack = new int[tokens.size()];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            match[i] = -1;
            Token.Kind k = tokens.get(i).kind();
            if (k == Token.Kind.LPAREN) {
                stack[depth++] = i;
            } else if (k == Token.Kind.RPAREN && depth > 0) {
                match[stack[--depth]] = i;
            }
        }
        while (depth > 0) match[stack[--depth]] = tokens.size() - 1;
    }

    Token peek() { return tokens.get(pos); }

    Token peek(int ahead) {
        int i = Math.min(pos + ahead, tokens.size() - 1);
        return tokens.get(i);
    }

    Token token(int index) { return tokens.get(Math.min(index, tokens.size() - 1)); }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) pos++;
        return t;
    }

    /** The index just past the list that opens at {@code lparen}. */
    int after(int lparen) { return match[lparen] + 1; }

    /** True when the cursor is on {@code (keyword}. */
    boolean atList(String keyword) {
        return peek().is(Token.Kind.LPAREN) && peek(1).isAtom(keyword);
    }

    /** True when the token at {@code index} opens {@code (keyword}. */
    boolean isList(int index, String keyword) {
        return token(index).is(Token.Kind.LPAREN) && token(index + 1).isAtom(keyword);
    }

    boolean atRParen() { return peek().is(Token.Kind.RPAREN); }

    boolean atAtom(String keyword) { return peek().isAtom(keyword); }

    /** Consumes {@code (keyword}. */
    void openList(String keyword) {
        expect(Token.Kind.LPAREN);
        expectAtom(keyword);
    }

    Token expect(Token.Kind kind) {
        Token t = peek();
        if (!t.is(kind)) throw unexpected(t);
        return next();
    }

    void expectAtom(String keyword) {
        if (!peek().isAtom(keyword)) throw unexpected(peek());
        next();
    }

    void closeList() { expect(Token.Kind.RPAREN); }

    Token optionalId() {
        return peek().is(Token.Kind.ID) ? next() : null;
    }

    /** A name string, which must be valid UTF-8. */
    String name() {
        Token t = expect(Token.Kind.STRING);
        if (!Lexer.isValidUtf8(t.bytes())) throw error("malformed UTF-8 encoding", t);
        return new String(t.bytes(), StandardCharsets.UTF_8);
    }

    TextFormatException error(String reason, Token at) {
        return positions.error(reason, at.start());
    }

    /** The error for a token that does not fit: unknown atoms are an "unknown operator", named as the suite does. */
    TextFormatException unexpected(Token t) {
        if (t.is(Token.Kind.RESERVED) || (t.is(Token.Kind.ATOM) && !Keywords.isKnown(t.text()))) {
            return error("unknown operator " + t.text(), t);
        }
        return error("unexpected token", t);
    }
}
