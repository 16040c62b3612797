package dev.wasmrt.decoder.binary;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.Module;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Arbitrary and damaged input yields a Module or a DecodeException, quickly; whatever decodes also survives the writer. */
class DecoderRobustnessTest {
    private static final byte[] HEADER = Bytes.hex("00 61 73 6d 01 00 00 00");
    private static final byte[] REAL_MODULE = resource("/features.wasm");
    private static final long TIME_LIMIT_NANOS = 2_000_000_000L;

    @Property(tries = 2000)
    void randomBytes(@ForAll @Size(max = 300) byte[] bytes) {
        decodeOrReject(bytes);
    }

    @Property(tries = 2000)
    void randomSectionsAfterAValidHeader(@ForAll @Size(max = 300) byte[] sections) {
        byte[] bytes = Arrays.copyOf(HEADER, HEADER.length + sections.length);
        System.arraycopy(sections, 0, bytes, HEADER.length, sections.length);
        decodeOrReject(bytes);
    }

    @Property(tries = 3000)
    void mutatedRealModules(@ForAll("mutations") byte[] bytes) {
        Module m = decodeOrReject(bytes);
        if (m != null) assertEquals(m, BinaryDecoder.decode(BinaryWriter.write(m)), "round trip of a decodable mutant");
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, REAL_MODULE.length - 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<byte[]> flip = Combinators.combine(position, value).as((at, b) -> {
            byte[] copy = REAL_MODULE.clone();
            copy[at] = b;
            return copy;
        });
        Arbitrary<byte[]> truncate = position.map(length -> Arrays.copyOf(REAL_MODULE, length));
        Arbitrary<byte[]> insert = Combinators.combine(position, value).as((at, b) -> {
            byte[] copy = new byte[REAL_MODULE.length + 1];
            System.arraycopy(REAL_MODULE, 0, copy, 0, at);
            copy[at] = b;
            System.arraycopy(REAL_MODULE, at, copy, at + 1, REAL_MODULE.length - at);
            return copy;
        });
        Arbitrary<byte[]> delete = position.map(at -> {
            byte[] copy = new byte[REAL_MODULE.length - 1];
            System.arraycopy(REAL_MODULE, 0, copy, 0, at);
            System.arraycopy(REAL_MODULE, at + 1, copy, at, REAL_MODULE.length - at - 1);
            return copy;
        });
        return Arbitraries.oneOf(flip, truncate, insert, delete);
    }

    /** Decodes, accepting a DecodeException; anything else thrown fails the property. */
    private static Module decodeOrReject(byte[] bytes) {
        long start = System.nanoTime();
        try {
            return BinaryDecoder.decode(bytes);
        } catch (DecodeException e) {
            assertTrue(e.reason() != null && !e.reason().isEmpty());
            return null;
        } finally {
            assertTrue(System.nanoTime() - start < TIME_LIMIT_NANOS, "decoding took too long");
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DecoderRobustnessTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
