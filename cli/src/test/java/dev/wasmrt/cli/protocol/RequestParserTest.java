package dev.wasmrt.cli.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {

    private static RuntimeRequest parse(String json) throws ProtocolException {
        return RequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(String json) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(json));
        assertEquals(RetCode.CONFIGURATION, e.retcode());
        assertTrue(e.getMessage().startsWith("Arguments error: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void shortAliasesMeanTheSameFields() throws ProtocolException {
        RuntimeRequest request = parse("{\"opts\": [\"a\"], \"args\": {\"k\": 1}}");
        assertEquals("a", request.options().getFirst().textValue());
        assertEquals(1, request.arguments().get("k").intValue());
    }

    @Test
    void bothSpellingsOfOneFieldAreRefused() {
        assertTrue(failure("{\"options\": [], \"opts\": []}").contains("\"opts\""));
    }

    @Test
    void absentFieldsGetDefaults() throws ProtocolException {
        RuntimeRequest request = parse("{}");
        assertTrue(request.options().isEmpty());
        assertTrue(request.arguments().isEmpty());
        assertTrue(request.config().isEmpty());
        assertTrue(request.host().isObject() && request.host().isEmpty());
        assertEquals(0, request.timeoutSeconds());
        assertFalse(request.quiet());
    }

    @Test
    void nullHostBecomesAnEmptyObjectButOtherHostsPassThrough() throws ProtocolException {
        assertTrue(parse("{\"host\": null}").host().isObject());
        assertEquals("[1,2]", parse("{\"host\": [1, 2]}").host().toString());
    }

    @Test
    void unknownTopLevelFieldsJoinExtAndWinOverIt() throws ProtocolException {
        RuntimeRequest request = parse("{\"ext\": {\"a\": 1, \"b\": 2}, \"b\": 3, \"c\": [true], \"timeout\": 5, \"quiet\": true}");
        assertEquals("{\"a\":1,\"b\":3,\"c\":[true]}", request.ext().toString());
        assertEquals(5, request.timeoutSeconds());
        assertTrue(request.quiet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "256", "1.5", "\"10\"", "true"})
    void timeoutOutsideZeroTo255IsRefused(String timeout) {
        assertTrue(failure("{\"timeout\": " + timeout + "}").contains("\"timeout\""));
    }

    @Test
    void timeoutBoundsAreAccepted() throws ProtocolException {
        assertEquals(0, parse("{\"timeout\": 0}").timeoutSeconds());
        assertEquals(255, parse("{\"timeout\": 255}").timeoutSeconds());
    }

    @Test
    void wronglyTypedFieldsAreNamedInTheMessage() {
        assertTrue(failure("{\"quiet\": \"yes\"}").contains("\"quiet\""));
        assertTrue(failure("{\"options\": \"rt.list\"}").contains("\"options\" must be an array, not a string"));
        assertTrue(failure("{\"args\": []}").contains("\"arguments\" must be an object, not an array"));
        assertTrue(failure("{\"config\": 1}").contains("\"config\""));
        assertTrue(failure("{\"ext\": \"x\"}").contains("\"ext\""));
    }

    @Test
    void inputThatIsNotOneJsonObjectIsRefused() {
        assertTrue(failure("").contains("empty"));
        assertTrue(failure("  \n").contains("empty"));
        assertTrue(failure("{\"options\": [").contains("not valid JSON"));
        assertTrue(failure("{} {}").contains("not valid JSON"));
        assertTrue(failure("[1]").contains("must be a JSON object, not an array"));
    }
}
