package dev.wasmrt.decoder.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that writes the binary format's primitive encodings, canonically (shortest LEB128). */
final class ByteWriter {
    private byte[] bytes = new byte[64];
    private int size;

    void u8(int b) {
        if (size == bytes.length) bytes = Arrays.copyOf(bytes, size * 2);
        bytes[size++] = (byte) b;
    }

    void u32(int value) { u64(Integer.toUnsignedLong(value)); }

    void u64(long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            u8(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    /** Signed LEB128 of any width up to 64 bits (s32, s33, s64 share the encoding of their value). */
    void s64(long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) return;
        }
    }

    void i32le(int value) {
        for (int i = 0; i < 4; i++) u8(value >>> (8 * i));
    }

    void bytes(byte[] data) {
        for (byte b : data) u8(b);
    }

    /** A length-prefixed byte string. */
    void byteVector(byte[] data) {
        u32(data.length);
        bytes(data);
    }

    void name(String name) { byteVector(name.getBytes(StandardCharsets.UTF_8)); }

    /** Appends another writer's bytes prefixed with their length, as sections and bodies are. */
    void sized(ByteWriter content) {
        u32(content.size);
        for (int i = 0; i < content.size; i++) u8(content.bytes[i]);
    }

    byte[] toByteArray() { return Arrays.copyOf(bytes, size); }
}
