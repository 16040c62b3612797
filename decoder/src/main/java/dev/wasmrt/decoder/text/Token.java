package dev.wasmrt.decoder.text;

/**
 * One lexical token. {@code text} is the source spelling for atoms and reserved tokens, and the
 * name (without {@code $}) for identifiers; {@code bytes} holds a string literal's value.
 */
public record Token(Kind kind, int start, int end, String text, byte[] bytes) {

    public enum Kind {
        LPAREN, RPAREN,
        /** A keyword or a number: a run of identifier characters not starting with {@code $}. */
        ATOM,
        /** {@code $name} or {@code $"name"}; {@code text} is the name. */
        ID,
        STRING,
        /** A run of characters that forms no valid token (e.g. {@code 0$x} or {@code "a"b}). */
        RESERVED,
        EOF
    }

    public boolean is(Kind k) { return kind == k; }

    public boolean isAtom(String keyword) { return kind == Kind.ATOM && text.equals(keyword); }

    @Override
    public String toString() { return kind + (text == null ? "" : " " + text); }
}
