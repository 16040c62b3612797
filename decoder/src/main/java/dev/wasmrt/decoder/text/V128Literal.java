package dev.wasmrt.decoder.text;

/** Reads the operand of {@code v128.const}: a lane shape and its lane literals. */
final class V128Literal {
    private V128Literal() {}

    /** Reads {@code shape lane*} and adds the 16 bytes as four little-endian ints. */
    static void read(TokenCursor c, IntList out) {
        Token shape = c.peek();
        int lanes;
        int laneBits;
        boolean isFloat = false;
        switch (shape.is(Token.Kind.ATOM) ? shape.text() : "") {
            case "i8x16" -> { lanes = 16; laneBits = 8; }
            case "i16x8" -> { lanes = 8; laneBits = 16; }
            case "i32x4" -> { lanes = 4; laneBits = 32; }
            case "i64x2" -> { lanes = 2; laneBits = 64; }
            case "f32x4" -> { lanes = 4; laneBits = 32; isFloat = true; }
            case "f64x2" -> { lanes = 2; laneBits = 64; isFloat = true; }
            default -> throw c.unexpected(shape);
        }
        c.next();
        int available = 0;
        while (c.peek(available).is(Token.Kind.ATOM)) available++;
        if (available != lanes) throw c.error("wrong number of lane literals", shape);
        byte[] bytes = new byte[16];
        for (int i = 0; i < lanes; i++) {
            Token t = c.next();
            long bits = lane(c, t, laneBits, isFloat);
            for (int k = 0; k < laneBits / 8; k++) bytes[i * (laneBits / 8) + k] = (byte) (bits >>> (8 * k));
        }
        for (int w = 0; w < 4; w++) {
            out.add((bytes[4 * w] & 0xFF) | (bytes[4 * w + 1] & 0xFF) << 8 | (bytes[4 * w + 2] & 0xFF) << 16 | (bytes[4 * w + 3] & 0xFF) << 24);
        }
    }

    private static long lane(TokenCursor c, Token t, int bits, boolean isFloat) {
        try {
            if (!isFloat) return Literals.parseInt(t.text(), bits);
            return bits == 32 ? Literals.parseF32(t.text()) : Literals.parseF64(t.text());
        } catch (NumberFormatException e) {
            throw c.unexpected(t);
        } catch (ArithmeticException e) {
            throw c.error("constant out of range", t);
        }
    }
}
