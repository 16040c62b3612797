package dev.wasmrt.hostapi;

import dev.wasmrt.interpreter.Memory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Regions of the guest's exported memory as the {@code api} imports see them. */
final class GuestMemory {
    private GuestMemory() {}

    /** False for a missing memory, a negative pointer, a length of 0 or less, or a region past the end. */
    static boolean isValid(Memory memory, int pointer, int length) {
        return memory != null && pointer >= 0 && length > 0 && (long) pointer + length <= memory.byteSize();
    }

    /** The bytes of a region that {@link #isValid} accepted. */
    static byte[] read(Memory memory, int pointer, int length) {
        byte[] bytes = new byte[length];
        memory.read(pointer, bytes, 0, length);
        return bytes;
    }

    /** The region's text, or null when it is not valid UTF-8. */
    static String readUtf8(Memory memory, int pointer, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(read(memory, pointer, length))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Writes as much of {@code bytes} as fits in {@code capacity}; returns the count written. */
    static int writeTruncated(Memory memory, int pointer, int capacity, byte[] bytes) {
        int count = Math.min(capacity, bytes.length);
        memory.write(pointer, bytes, 0, count);
        return count;
    }
}
