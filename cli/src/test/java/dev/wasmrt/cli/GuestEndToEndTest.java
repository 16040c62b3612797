package dev.wasmrt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guests that use WASI and the host API, run through the protocol in a fresh process. */
class GuestEndToEndTest {
    @TempDir
    Path dir;
    Sharelib sharelib;

    @BeforeEach
    void layOut() {
        sharelib = new Sharelib(dir.resolve("share"))
                .install("echo").install("emit").install("text").install("badutf8")
                .install("exit").install("flood").install("exec").install("writer");
    }

    private RuntimeProcess.Result run(String module, String moreArguments, String moreFields) {
        RuntimeProcess.Result result = RuntimeProcess.protocol(sharelib.request(module, moreArguments, moreFields), dir);
        assertEquals(0, result.exitCode(), result.stderr());
        return result;
    }

    private JsonNode answer(String module, String moreArguments, String moreFields) {
        return run(module, moreArguments, moreFields).json();
    }

    @Test
    void guestReadsTheHeaderLineAndItsJsonBecomesData() {
        JsonNode answer = answer("echo", "\"rt.man\": true, \"key\": \"v\"",
                "\"opts\": [\"check\", \"rt.list-not\", 5], \"host\": {\"traits\": {\"os\": \"linux\"}}, \"ext\": {\"a\": 1}, \"b\": 2");
        assertEquals("{\"retcode\":0,\"message\":\"Wasm runtime executed successfully\",\"data\":{\"changed\":false,"
                + "\"opts\":[\"check\",\"man\"],\"args\":{\"key\":\"v\"},\"config\":{\"path.sharelib\":\"" + sharelib.root() + "\"},"
                + "\"ext\":{\"a\":1,\"b\":2},\"host\":{\"traits\":{\"os\":\"linux\"}},\"__sysinspect-module-logs\":[]}}",
                answer.toString());
    }

    @Test
    void guestObjectsMergeAndGuestLogsComeFirst() {
        JsonNode data = answer("emit", "\"emit\": {\"changed\": true, \"__module-logs\": [\"mine\"], \"n\": [1, 2]}", "").get("data");
        assertEquals("{\"changed\":true,\"n\":[1,2],\"__sysinspect-module-logs\":[\"mine\"]}", data.toString());
    }

    @Test
    void otherJsonValuesAndBlankOutputLandInDataData() {
        assertEquals("[1,{\"x\":null}]", answer("emit", "\"emit\": [1, {\"x\": null}]", "").get("data").get("data").toString());
        assertEquals("\"just a string\"", answer("emit", "\"emit\": \"just a string\"", "").get("data").get("data").toString());
        JsonNode empty = answer("emit", "\"emit\": null", "").get("data");
        assertEquals("{\"changed\":false,\"data\":null,\"__sysinspect-module-logs\":[]}", empty.toString());
    }

    @Test
    void textOutputIsKeptVerbatimAndStderrIsPassedOn() {
        RuntimeProcess.Result result = run("text", "", "");
        assertEquals("plain text\n  second line\n", result.json().get("data").get("data").textValue());
        assertTrue(result.stderr().contains("guest says hi on stderr\n"), result.stderr());
    }

    @Test
    void outputThatIsNotUtf8FailsTheModule() {
        assertEquals("{\"retcode\":5,\"message\":\"Failed to run module \\\"badutf8\\\": its standard output is not valid UTF-8\"}",
                answer("badutf8", "", "").toString());
    }

    @Test
    void exitStatusDecidesSuccess() {
        JsonNode ok = answer("exit", "\"status\": 0", "");
        assertEquals(0, ok.get("retcode").intValue(), ok.toString());
        assertEquals(true, ok.get("data").get("printed").booleanValue());
        assertEquals("{\"retcode\":5,\"message\":\"Failed to run module \\\"exit\\\": module exited with status 3\"}",
                answer("exit", "\"status\": 3", "").toString());
    }

    @Test
    void largeOutputIsTakenWholeUpToTheConfiguredLimit() {
        JsonNode answer = answer("flood", "", "");
        assertEquals(0, answer.get("retcode").intValue(), answer.get("message").textValue());
        String text = answer.get("data").get("data").textValue();
        assertEquals(160 * 65536, text.length());
        assertTrue(text.chars().allMatch(c -> c == 'x'));

        JsonNode limited = answer("flood", "\"rt.max-output\": 1048576", "");
        assertEquals("{\"retcode\":5,\"message\":\"Failed to run module \\\"flood\\\": its standard output exceeded the limit of"
                + " 1048576 bytes (the argument \\\"rt.max-output\\\" raises it)\"}", limited.toString());
    }

    @Test
    void execRunsHostProgramsForTheGuest() {
        JsonNode data = answer("exec", "\"request\": {\"argv\": [\"sh\", \"-c\", \"echo $0; echo oops >&2; exit 4\", \"arg0\"]}", "")
                .get("data");
        assertEquals("{\"changed\":false,\"exit_code\":4,\"stdout\":\"arg0\\n\",\"stderr\":\"oops\\n\",\"__sysinspect-module-logs\":[]}",
                data.toString());
        assertEquals(-2, answer("exec", "\"request\": {\"argv\": []}", "").get("data").get("code").intValue());
    }

    @Test
    void timeoutAlsoStopsAHostProgramTheGuestWaitsFor() {
        RuntimeProcess.Result result = run("exec", "\"request\": {\"argv\": [\"sleep\", \"60\"]}", "\"timeout\": 1");
        assertEquals("{\"retcode\":5,\"message\":\"Failed to run module \\\"exec\\\": timed out after 1 s\"}", result.json().toString());
        assertTrue(result.millis() < 30_000, "took " + result.millis() + " ms");
    }

    @Test
    void writeDirIsTheGuestsRoot() throws IOException {
        Path writeDir = dir.resolve("scratch");
        JsonNode answer = answer("writer", "\"write-dir\": \"" + writeDir + "\"", "");
        assertEquals("out.txt", answer.get("data").get("wrote").textValue(), answer.toString());
        assertEquals("written by the guest\n", Files.readString(writeDir.resolve("out.txt")));
    }

    @Test
    void withoutWriteDirTheHostRootIsTheGuestsRoot() {
        JsonNode answer = answer("emit", "\"emit\": {\"fine\": true}", "\"timeout\": 30");
        assertNull(answer.get("warning"));
        assertEquals(true, answer.get("data").get("fine").booleanValue());
    }

    @Test
    void infoPrintsWhatTheModuleSaysWithOptionMan() {
        RuntimeProcess.Result result = RuntimeProcess.run(new byte[0], dir, "-i", "echo", "-s", sharelib.root().toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("\"opts\" : [ \"man\" ]"), result.stdout());
        RuntimeProcess.Result missing = RuntimeProcess.run(new byte[0], dir, "-i", "absent", "-s", sharelib.root().toString());
        assertEquals(1, missing.exitCode());
        assertEquals("Module \"absent\" was not found\n", missing.stderr());
    }
}
