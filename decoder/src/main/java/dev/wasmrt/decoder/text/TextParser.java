package dev.wasmrt.decoder.text;

import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.model.Module;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a module in the WebAssembly text format into the same {@link Module} model as the
 * binary decoder. The input is either one {@code (module ...)} form or the bare module fields;
 * {@code (module binary "...")} and {@code (module quote "...")} are accepted too.
 * Malformed text raises {@link TextFormatException}.
 */
public final class TextParser {
    private TextParser() {}

    public static Module parseModule(String text) {
        return parseModule(text.getBytes(StandardCharsets.UTF_8), 1, 1);
    }

    /** Parses UTF-8 source; positions in errors are counted from {@code firstLine}, {@code firstColumn}. */
    public static Module parseModule(byte[] utf8, int firstLine, int firstColumn) {
        SourcePositions positions = new SourcePositions(utf8, firstLine, firstColumn);
        List<Token> tokens = Lexer.tokenize(utf8, positions);
        TokenCursor c = new TokenCursor(tokens, positions);
        Module module;
        if (c.atList("module")) {
            c.openList("module");
            Token id = c.optionalId();
            if (c.atAtom("binary")) {
                c.next();
                module = BinaryDecoder.decode(strings(c));
            } else if (c.atAtom("quote")) {
                Token quote = c.next();
                byte[] source = strings(c);
                module = parseModule(source, positions.line(quote.start()), 1);
            } else {
                module = ModuleReader.read(c, id == null ? null : id.text());
            }
            c.closeList();
        } else {
            module = ModuleReader.read(c, null);
        }
        if (!c.peek().is(Token.Kind.EOF)) throw c.unexpected(c.peek());
        return module;
    }

    private static byte[] strings(TokenCursor c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (c.peek().is(Token.Kind.STRING)) out.writeBytes(c.next().bytes());
        return out.toByteArray();
    }
}
