package dev.wasmrt.cli.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeCallTest {

    private static RuntimeCall call(String json) throws ProtocolException {
        return RuntimeCall.of(RequestParser.parse(json.getBytes(StandardCharsets.UTF_8)), RuntimeCall.DEFAULT_SHARELIB);
    }

    @Test
    void runtimeNamesNeverReachTheGuest() throws ProtocolException {
        RuntimeCall call = call("{\"options\": [\"rt.list\", \"verbose\", 3, null, \"rt.logs\"],"
                + " \"arguments\": {\"rt.mod\": \"hello\", \"rt.other\": 1, \"key\": {\"x\": [1]}}}");
        assertEquals("hello", call.moduleId());
        assertTrue(call.listModules());
        assertEquals("[\"verbose\"]", call.guestHeader().get("opts").toString());
        assertEquals("{\"key\":{\"x\":[1]}}", call.guestHeader().get("args").toString());
    }

    @Test
    void headerHasTheFiveFieldsInOrder() throws ProtocolException {
        RuntimeCall call = call("{\"host\": {\"os\": \"linux\"}, \"extra\": 1}");
        assertEquals("{\"opts\":[],\"args\":{},\"config\":{\"path.sharelib\":\"/usr/share/sysinspect\"},"
                + "\"ext\":{\"extra\":1},\"host\":{\"os\":\"linux\"}}", call.guestHeader().toString());
    }

    @Test
    void manualOnlyForJsonTrueAndAddedOnce() throws ProtocolException {
        assertEquals("[\"man\"]", call("{\"args\": {\"rt.man\": true}}").guestHeader().get("opts").toString());
        assertEquals("[\"man\"]", call("{\"opts\": [\"man\"], \"args\": {\"rt.man\": true}}").guestHeader().get("opts").toString());
        assertEquals("[]", call("{\"args\": {\"rt.man\": \"true\"}}").guestHeader().get("opts").toString());
        assertEquals("[]", call("{\"args\": {\"rt.man\": false}}").guestHeader().get("opts").toString());
    }

    @Test
    void nonStringModuleCountsAsEmpty() throws ProtocolException {
        assertEquals("", call("{\"args\": {\"rt.mod\": 7}}").moduleId());
        assertEquals("", call("{}").moduleId());
    }

    @Test
    void sharelibDefaultsOnlyWhenAbsentAndTheGuestSeesItAsSent() throws ProtocolException {
        RuntimeCall defaulted = call("{}");
        assertEquals(Path.of("/usr/share/sysinspect/lib/runtime/wasm"), defaulted.moduleDirectory());
        RuntimeCall given = call("{\"config\": {\"path.sharelib\": \"/opt/si//\", \"other\": 1}}");
        assertEquals(Path.of("/opt/si/lib/runtime/wasm"), given.moduleDirectory());
        assertEquals("{\"path.sharelib\":\"/opt/si//\",\"other\":1}", given.guestHeader().get("config").toString());
    }

    @Test
    void theCommandLineSharelibReplacesTheBuiltInDefault() throws ProtocolException {
        RuntimeCall call = RuntimeCall.of(RequestParser.parse("{}".getBytes(StandardCharsets.UTF_8)), "/srv/lib");
        assertEquals(Path.of("/srv/lib/lib/runtime/wasm"), call.moduleDirectory());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"/\"", "\"///\"", "null", "5", "[\"/x\"]"})
    void emptyOrNonStringSharelibIsAConfigurationError(String value) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> call("{\"config\": {\"path.sharelib\": " + value + "}}"));
        assertEquals(RetCode.CONFIGURATION, e.retcode());
        assertEquals("Config entry \"path.sharelib\" is missing or empty", e.getMessage());
    }

    @Test
    void writeDirMustBeAbsoluteAndStaysVisibleToTheGuest() throws ProtocolException {
        RuntimeCall call = call("{\"args\": {\"write-dir\": \"/tmp/out//\"}}");
        assertEquals(Path.of("/tmp/out"), call.writeDir());
        assertEquals("/tmp/out//", call.guestHeader().get("args").get("write-dir").textValue());
        assertNull(call("{}").writeDir());
        for (String bad : new String[] {"\"relative/dir\"", "\"\"", "1", "null"}) {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> call("{\"options\": [\"rt.list\"], \"args\": {\"write-dir\": " + bad + "}}"));
            assertEquals(RetCode.CONFIGURATION, e.retcode());
            assertTrue(e.getMessage().contains("write-dir"), e.getMessage());
        }
    }

    @Test
    void outputLimitIsConfigurable() throws ProtocolException {
        assertEquals(RuntimeCall.DEFAULT_MAX_OUTPUT, call("{}").maxOutputBytes());
        assertEquals(100, call("{\"args\": {\"rt.max-output\": 100}}").maxOutputBytes());
        assertFalse(call("{\"args\": {\"rt.max-output\": 100}}").guestHeader().get("args").has("rt.max-output"));
        for (String bad : new String[] {"0", "-5", "\"100\"", "3000000000", "1.5"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> call("{\"args\": {\"rt.max-output\": " + bad + "}}"));
            assertEquals(RetCode.CONFIGURATION, e.retcode());
        }
    }
}
