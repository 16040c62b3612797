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

    /** A section: id, size, contents. */
    static String section(int id, String contentHex) {
        return String.format("%02x %s%s", id, leb(hex(contentHex).length), contentHex);
    }

    /** Unsigned LEB128 as hex, with a trailing space. */
    static String leb(int value) {
        StringBuilder sb = new StringBuilder();
        do {
            int b = value & 0x7F;
            value >>>= 7;
            sb.append(String.format("%02x ", value != 0 ? b | 0x80 : b));
        } while (value != 0);
        return sb.toString();
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
        return module(
                section(1, "01 60 00 00"),
                section(3, "01 00"),
                section(10, "01 " + leb(hex(bodyHex).length) + bodyHex));
    }
}
