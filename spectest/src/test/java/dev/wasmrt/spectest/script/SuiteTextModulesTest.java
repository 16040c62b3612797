package dev.wasmrt.spectest.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.binary.BinaryDecoder;
import dev.wasmrt.decoder.binary.BinaryWriter;
import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.spectest.SuiteLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads every script of the spec suite and every text module in it. Counts are printed so the
 * coverage is visible; the assertions hold the reader to what it must never do.
 */
class SuiteTextModulesTest {
    /** Scripts of proposals whose instructions and types the model does not have. */
    private static final String UNSUPPORTED = "proposals/custom-descriptors/";

    @Test
    void everyScriptReadsAndItsTextModulesParseAndRoundTrip() {
        Path root = SuiteLocation.root();
        int scripts = 0, parsed = 0, rejectedMalformed = 0, sameWording = 0, acceptedMalformed = 0, roundTrips = 0;
        List<String> failures = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (String name : SuiteLocation.scripts(root)) {
            Script script = ScriptParser.parse(root.resolve(name));
            scripts++;
            for (Command command : script.commands()) {
                ModuleSource source = textModule(command);
                if (source == null) continue;
                String where = name + ":" + command.line();
                if (command instanceof Command.AssertMalformed) {
                    try {
                        source.decode();
                        acceptedMalformed++;
                    } catch (DecodeException expected) {
                        rejectedMalformed++;
                        if (sameWording(expected.reason(), ((Command.AssertMalformed) command).message())) sameWording++;
                    }
                    continue;
                }
                Module module;
                try {
                    module = source.decode();
                } catch (DecodeException e) {
                    (name.startsWith(UNSUPPORTED) ? unsupported : failures).add(where + ": " + e.getMessage());
                    continue;
                }
                parsed++;
                if (roundTrip(module, where, failures)) roundTrips++;
            }
        }
        System.out.printf("spec suite text: %d scripts, %d text modules parsed, %d round trips equal, "
                        + "%d malformed rejected (%d in the suite's words), %d malformed accepted, %d unsupported (%s), %d failures%n",
                scripts, parsed, roundTrips, rejectedMalformed, sameWording, acceptedMalformed, unsupported.size(), UNSUPPORTED,
                failures.size());
        failures.forEach(System.out::println);
        assertTrue(scripts >= 288, "every script of the suite is read");
        assertTrue(failures.size() <= 1, "text modules that fail to parse or round-trip: " + failures);
        assertTrue(rejectedMalformed >= 1270, "malformed text modules rejected: " + rejectedMalformed);
        assertTrue(sameWording >= 1260, "rejections in the suite's wording: " + sameWording);
    }

    /** The suite's text may be shorter ("alignment") or name the token ("unknown operator get_local"). */
    private static boolean sameWording(String reason, String suiteMessage) {
        return reason.startsWith(suiteMessage) || suiteMessage.startsWith(reason);
    }

    /** The text or quoted module of a command; binary modules are the binary decoder's business. */
    private static ModuleSource textModule(Command command) {
        ModuleSource source = switch (command) {
            case Command.ModuleDefinition m -> m.source();
            case Command.AssertInvalid m -> m.module();
            case Command.AssertUnlinkable m -> m.module();
            case Command.AssertUninstantiable m -> m.module();
            case Command.AssertModuleTrap m -> m.module();
            case Command.AssertMalformed m -> m.module();
            default -> null;
        };
        return source instanceof ModuleSource.Binary ? null : source;
    }

    /** text -> model -> binary -> model must give the same model. */
    private static boolean roundTrip(Module module, String where, List<String> failures) {
        try {
            Module back = BinaryDecoder.decode(BinaryWriter.write(module));
            assertEquals(module.types(), back.types());
            assertEquals(module.recGroups(), back.recGroups());
            assertEquals(module.imports(), back.imports());
            assertEquals(module.functions(), back.functions());
            assertEquals(module.tables(), back.tables());
            assertEquals(module.memories(), back.memories());
            assertEquals(module.tags(), back.tags());
            assertEquals(module.globals(), back.globals());
            assertEquals(module.exports(), back.exports());
            assertEquals(module.start(), back.start());
            assertEquals(module.elements(), back.elements());
            assertEquals(module.datas().size(), back.datas().size());
            for (int i = 0; i < module.datas().size(); i++) {
                DataSegment a = module.datas().get(i);
                DataSegment b = back.datas().get(i);
                assertEquals(List.of(a.mode(), a.memoryIndex()), List.of(b.mode(), b.memoryIndex()));
                assertEquals(a.offset(), b.offset());
                assertArrayEquals(a.bytes(), b.bytes());
            }
            return true;
        } catch (AssertionError | DecodeException e) {
            failures.add(where + ": round trip: " + e.getMessage());
            return false;
        }
    }
}
