package dev.wasmrt.decoder.binary;

import java.io.ByteArrayOutputStream;

/** Hand-assembled test input: hex text, and modules built from sections with computed sizes. */
final class Bytes {
    private Bytes() {}

    /** Parses hex digits, ignoring spaces: {@code "00 61 73 6d"}. */
    static byte[] hex(String hex) {
        String digits = hex.replace(" ", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    /** A section: id, size (contents stay under 128 bytes in these tests), contents. */
    static String section(int id, String contentHex) {
        int size = hex(contentHex).length;
        if (size >= 128) throw new IllegalArgumentException("keep test sections small");
        return String.format("%02x %02x %s", id, size, contentHex);
    }

    /** The header followed by the given sections. */
    static byte[] module(String... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hex("00 61 73 6d 01 00 00 00"));
        for (String s : sections) out.writeBytes(hex(s));
        return out.toByteArray();
    }

    /** A module with one function of type {@code () -> ()} whose body (locals included) is given. */
    static byte[] functionModule(String bodyHex) {
        int size = hex(bodyHex).length;
        return module(
                section(1, "01 60 00 00"),
                section(3, "01 00"),
                section(10, String.format("01 %02x %s", size, bodyHex)));
    }
}
