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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Arbitrary and damaged input yields a Module or a DecodeException, quickly; whatever decodes also survives the writer. */
class DecoderRobustnessTest {
    private static final byte[] HEADER = Bytes.hex("00 61 73 6d 01 00 00 00");
    /** Real modules to damage: the committed wat2wasm output plus the smallest compiled guest, when built. */
    private static final List<byte[]> REAL_MODULES = realModules();
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

    @Property(tries = 2000)
    void mutatedRealModules(@ForAll("mutations") byte[] bytes) {
        Module m = decodeOrReject(bytes);
        if (m != null) assertEquals(m, BinaryDecoder.decode(BinaryWriter.write(m)), "round trip of a decodable mutant");
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        return Arbitraries.of(REAL_MODULES).flatMap(DecoderRobustnessTest::mutationsOf);
    }

    private static Arbitrary<byte[]> mutationsOf(byte[] original) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, original.length - 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<byte[]> flip = Combinators.combine(position, value).as((at, b) -> {
            byte[] copy = original.clone();
            copy[at] = b;
            return copy;
        });
        Arbitrary<byte[]> truncate = position.map(length -> Arrays.copyOf(original, length));
        Arbitrary<byte[]> insert = Combinators.combine(position, value).as((at, b) -> {
            byte[] copy = new byte[original.length + 1];
            System.arraycopy(original, 0, copy, 0, at);
            copy[at] = b;
            System.arraycopy(original, at, copy, at + 1, original.length - at);
            return copy;
        });
        Arbitrary<byte[]> delete = position.map(at -> {
            byte[] copy = new byte[original.length - 1];
            System.arraycopy(original, 0, copy, 0, at);
            System.arraycopy(original, at + 1, copy, at, original.length - at - 1);
            return copy;
        });
        Arbitrary<byte[]> intact = Arbitraries.just(original);
        return Arbitraries.oneOf(intact, flip, truncate, insert, delete);
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

    private static List<byte[]> realModules() {
        List<byte[]> modules = new ArrayList<>();
        modules.add(resource("/features.wasm"));
        try {
            GuestModulesTest.guestModules().stream()
                    .min(Comparator.comparingLong(p -> p.toFile().length()))
                    .ifPresent(p -> modules.add(read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
