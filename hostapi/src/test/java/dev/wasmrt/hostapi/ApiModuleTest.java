package dev.wasmrt.hostapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmrt.interpreter.Memory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiModuleTest {
    private static final int PAGE = 65536;
    private static final int OUT = 4096;

    private final FakePackageKit packageKit = new FakePackageKit();
    private final ApiModule api = new ApiModule("mod", header(), packageKit,
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    private final Memory memory = Memory.of(1, 1);

    private static ObjectNode header() {
        try {
            return (ObjectNode) new ObjectMapper().readTree("{\"opts\":[],\"args\":{\"name\":\"Ünïcode\"},\"host\":{}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int put(int address, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        memory.write(address, bytes, 0, bytes.length);
        return bytes.length;
    }

    private String text(int address, int length) {
        byte[] bytes = new byte[length];
        memory.read(address, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void headerIsWrittenCompactly() {
        int written = api.header(memory, OUT, 1000);
        assertEquals("{\"opts\":[],\"args\":{\"name\":\"Ünïcode\"},\"host\":{}}", text(OUT, written));
        assertEquals(written, api.lastOutputLength());
    }

    @Test
    void truncatedAnswersTellTheSizeNeeded() {
        assertEquals(10, api.header(memory, OUT, 10));
        assertEquals("{\"opts\":[]", text(OUT, 10));
        assertEquals("{\"opts\":[],\"args\":{\"name\":\"Ünïcode\"},\"host\":{}}".getBytes(StandardCharsets.UTF_8).length,
                api.lastOutputLength());
    }

    @Test
    void headerGetWritesTheValueOrNull() {
        int length = put(0, "/args/name");
        assertEquals("\"Ünïcode\"", text(OUT, api.headerGet(memory, 0, length, OUT, 100)));
        length = put(0, "/args/missing");
        assertEquals("null", text(OUT, api.headerGet(memory, 0, length, OUT, 100)));
        length = put(0, " /opts ");
        assertEquals("[]", text(OUT, api.headerGet(memory, 0, length, OUT, 100)));
    }

    @Test
    void headerHasAnswersOneOrZero() {
        assertEquals(1, api.headerHas(memory, 0, put(0, "/args/name")));
        assertEquals(0, api.headerHas(memory, 0, put(0, "/args/nope")));
        assertEquals(0, api.headerHas(memory, 0, put(0, "args")));
    }

    @Test
    void badRegionsReturnMinusTwo() {
        int length = put(0, "/args");
        List<Integer> answers = List.of(
                api.headerHas(memory, -1, length),
                api.headerHas(memory, 0, 0),
                api.headerHas(memory, 0, -4),
                api.headerHas(memory, PAGE - 2, 3),
                api.headerHas(memory, Integer.MAX_VALUE, 1),
                api.headerHas(null, 0, length),
                api.headerGet(memory, 0, length, OUT, 0),
                api.headerGet(memory, 0, length, PAGE - 1, 2),
                api.header(memory, -5, 10),
                api.header(null, 0, 10),
                api.exec(memory, 0, length, -1, 10),
                api.packageKitStatus(memory, OUT, 0),
                api.packageKitPackages(null, OUT, 10));
        assertEquals(List.of(-2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2), answers);
        assertTrue(api.logLines().isEmpty());
    }

    @Test
    void pointerThatIsNotUtf8IsABadRegion() {
        memory.write(0, new byte[] {'/', (byte) 0xFF}, 0, 2);
        assertEquals(-2, api.headerHas(memory, 0, 2));
        assertEquals(-2, api.headerGet(memory, 0, 2, OUT, 10));
    }

    @Test
    void logKeepsValidUtf8MessagesOnly() {
        api.log(memory, 2, 0, put(0, "careful: ✓"));
        memory.write(100, new byte[] {(byte) 0xC3}, 0, 1);
        api.log(memory, 1, 100, 1);
        api.log(memory, 1, -1, 4);
        api.log(null, 1, 0, 4);
        assertEquals(List.of("[02/01/2026 03:04:05] - WARN: [mod] careful: ✓"), api.logLines());
    }

    @Test
    void execRunsTheProgramAndRejectsBadRequests() {
        int length = put(0, "{\"argv\": [\"echo\", \"hi\"]}");
        assertEquals("{\"exit_code\":0,\"stdout\":\"hi\\n\",\"stderr\":\"\"}", text(OUT, api.exec(memory, 0, length, OUT, 200)));
        for (String bad : new String[] {"{\"argv\": []}", "not json", "{\"argv\": [\"echo\"]} trailing"}) {
            assertEquals(-2, api.exec(memory, 0, put(0, bad), OUT, 200), bad);
        }
    }

    @Test
    void packageKitRequestsThatAreNotJsonGetAnErrorObject() {
        int length = put(0, "{names");
        int written = api.packageKitRequest(memory, 0, length, OUT, 200, request -> {
            throw new AssertionError("not called for a bad request");
        });
        assertEquals("{\"error\":\"bad request: expected a JSON object in UTF-8\"}", text(OUT, written));
    }

    @Test
    void packageKitStatusIsWrittenThroughTheSameChannel() {
        int written = api.packageKitStatus(memory, OUT, 500);
        assertTrue(text(OUT, written).startsWith("{\"available\":true,\"backend_name\":\"apt\""), text(OUT, written));
    }
}
