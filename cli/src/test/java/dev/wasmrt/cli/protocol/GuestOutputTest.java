package dev.wasmrt.cli.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestOutputTest {
    private static final String NO_LOGS = ",\"__sysinspect-module-logs\":[]}";

    private static String data(String stdout, List<String> logs) throws ProtocolException {
        return GuestOutput.toData("m", stdout.getBytes(StandardCharsets.UTF_8), logs).toString();
    }

    @Test
    void objectFieldsMergeIntoChangedFalseAndTheGuestsChangedWins() throws ProtocolException {
        assertEquals("{\"changed\":false,\"a\":1" + NO_LOGS, data("{\"a\": 1}\n", List.of()));
        assertEquals("{\"changed\":true,\"b\":[2]" + NO_LOGS, data("{\"changed\": true, \"b\": [2]}", List.of()));
    }

    @Test
    void blankOutputIsNullData() throws ProtocolException {
        assertEquals("{\"changed\":false,\"data\":null" + NO_LOGS, data("", List.of()));
        assertEquals("{\"changed\":false,\"data\":null" + NO_LOGS, data(" \n\t\n", List.of()));
    }

    @Test
    void otherJsonValuesGoUnderData() throws ProtocolException {
        assertEquals("{\"changed\":false,\"data\":[1,\"x\"]" + NO_LOGS, data("[1, \"x\"]", List.of()));
        assertEquals("{\"changed\":false,\"data\":42" + NO_LOGS, data("42\n", List.of()));
        assertEquals("{\"changed\":false,\"data\":null" + NO_LOGS, data("null", List.of()));
    }

    @Test
    void textThatIsNotJsonIsKeptVerbatim() throws ProtocolException {
        assertEquals("{\"changed\":false,\"data\":\"hello\\nworld\\n\"" + NO_LOGS, data("hello\nworld\n", List.of()));
        assertEquals("{\"changed\":false,\"data\":\"{\\\"a\\\": 1} {}\"" + NO_LOGS, data("{\"a\": 1} {}", List.of()));
    }

    @Test
    void guestLogEntriesComeBeforeHostLines() throws ProtocolException {
        assertEquals("{\"changed\":false,\"x\":1,\"__sysinspect-module-logs\":[\"own 1\",\"own 2\",\"host\"]}",
                data("{\"__module-logs\": [\"own 1\", \"own 2\"], \"x\": 1}", List.of("host")));
        assertEquals("{\"changed\":false,\"__sysinspect-module-logs\":[\"single\",\"host\"]}",
                data("{\"__module-logs\": \"single\"}", List.of("host")));
    }

    @Test
    void outputThatIsNotUtf8FailsTheModule() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> GuestOutput.toData("bin", new byte[] {'{', (byte) 0xC3, '}'}, List.of()));
        assertEquals(RetCode.MODULE_FAILED, e.retcode());
        assertEquals("Failed to run module \"bin\": its standard output is not valid UTF-8", e.getMessage());
    }
}
