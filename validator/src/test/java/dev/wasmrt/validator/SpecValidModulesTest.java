package dev.wasmrt.validator;

import dev.wasmrt.decoder.DecodeException;
import dev.wasmrt.decoder.model.Module;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every text-format module the spec suite expects to be valid must pass the validator: the
 * counterpart of {@link SpecInvalidModulesTest}, guarding against rules that are too strict.
 */
class SpecValidModulesTest {
    @Test
    void validModulesOfTheSuitePass() {
        Path root = WastScripts.suiteRoot();
        Assumptions.assumeTrue(root != null, "spec test suite not found");
        int validated = 0, unparsed = 0;
        List<String> rejected = new ArrayList<>();
        for (WastScripts.Case c : WastScripts.valid(root)) {
            Module module;
            try {
                module = WastScripts.parse(c.module());
                if (module == null) continue;
            } catch (DecodeException e) {
                unparsed++;
                if (Boolean.getBoolean("validator.verbose")) System.out.println("UNPARSED " + c.file().getFileName() + " " + e.getMessage());
                continue;
            }
            try {
                ModuleValidator.validate(module);
                validated++;
            } catch (ValidationException e) {
                String flat = c.module().replaceAll("\\s+", " ");
                rejected.add(root.relativize(c.file()) + ": " + e.getMessage() + " in "
                        + (flat.length() > 200 ? flat.substring(0, 200) + "..." : flat));
            }
        }
        System.out.println("[spec valid modules] validated=" + validated + " rejected=" + rejected.size()
                + " unparsed=" + unparsed);
        assertEquals(List.of(), rejected);
    }
}
