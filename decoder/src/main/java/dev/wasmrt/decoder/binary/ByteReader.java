package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of the binary format: bytes, LEB128 integers and names.
 *
 * <p>Like the reference interpreter, reads are bounded by the end of the whole module, not by
 * the enclosing section; section decoders compare positions with the declared sizes afterwards.
 * Every length is checked against the bytes that remain before anything is allocated.
 */
final class ByteReader {
    static final String UNEXPECTED_END = "unexpected end of section or function";

    private final byte[] bytes;
    private int pos;

    ByteReader(byte[] bytes) { this.bytes = bytes; }

    int pos() { return pos; }

    int remaining() { return bytes.length - pos; }

    boolean atEnd() { return pos >= bytes.length; }

    DecodeException error(String reason) { return new DecodeException(reason, pos); }

    DecodeException errorAt(String reason, int at) { return new DecodeException(reason, at); }

    int u8() {
        if (pos >= bytes.length) throw error(UNEXPECTED_END);
        return bytes[pos++] & 0xFF;
    }

    int peek() {
        if (pos >= bytes.length) throw error(UNEXPECTED_END);
        return bytes[pos] & 0xFF;
    }

    /** An unsigned 32-bit LEB128 value; the result may be negative when read as a Java int. */
    int u32() {
        int b = u8();
        if (b < 0x80) return b; // the common one-byte case
        int result = b & 0x7F;
        for (int shift = 7; ; shift += 7) {
            b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) throw error("integer representation too long");
                if ((b & 0x70) != 0) throw error("integer too large");
                return result | (b << 28);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /**
     * An unsigned 32-bit index. No index space reaches 2^31 - 1, so larger indices are well-formed
     * but unknown: they become {@link Integer#MAX_VALUE} and the validator rejects them.
     */
    int index() {
        int v = u32();
        return v < 0 ? Integer.MAX_VALUE : v;
    }

    /**
     * A vector length. Each element takes at least one byte, so a larger count would run out of
     * input anyway; failing early keeps hostile counts from sizing any allocation.
     */
    int count() {
        long n = Integer.toUnsignedLong(u32());
        if (n > remaining()) throw error(UNEXPECTED_END);
        return (int) n;
    }

    long u64() { return leb(64, false); }

    int s32() { return (int) leb(32, true); }

    long s33() { return leb(33, true); }

    long s64() { return leb(64, true); }

    /** A LEB128 value of {@code bits} bits: the last byte's unused bits must be zero (or sign copies). */
    private long leb(int bits, boolean signed) {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            int left = bits - shift;
            if (left <= 7) {
                if ((b & 0x80) != 0) throw error("integer representation too long");
                int unused = b & 0x7F & ~((1 << left) - 1);
                if (signed) {
                    int signBit = (b >> (left - 1)) & 1;
                    int expected = signBit == 0 ? 0 : 0x7F & ~((1 << left) - 1);
                    if (unused != expected) throw error("integer too large");
                } else if (unused != 0) {
                    throw error("integer too large");
                }
                result |= (long) (b & 0x7F) << shift;
                return signed ? result << (64 - bits) >> (64 - bits) : result;
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return signed ? result << (64 - shift) >> (64 - shift) : result;
            }
        }
    }

    int f32Bits() {
        need(4);
        int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16 | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long f64Bits() {
        long lo = Integer.toUnsignedLong(f32Bits());
        long hi = Integer.toUnsignedLong(f32Bits());
        return lo | hi << 32;
    }

    /** A length-prefixed byte string (data segment contents). */
    byte[] byteVector() {
        return bytes(count());
    }

    byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(bytes, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** A name: a length-prefixed, well-formed UTF-8 string. */
    String name() {
        int at = pos;
        long n = Integer.toUnsignedLong(u32());
        if (n > remaining()) throw errorAt("length out of bounds", at);
        byte[] utf8 = bytes((int) n);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt("malformed UTF-8 encoding", at);
        }
    }

    private void need(int n) {
        if (n > remaining()) throw error(UNEXPECTED_END);
    }
}
