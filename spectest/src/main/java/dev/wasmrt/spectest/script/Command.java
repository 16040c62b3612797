package dev.wasmrt.spectest.script;

import java.util.List;

/**
 * One top-level command of a .wast script, with the line it starts on. Module ids ({@code $m})
 * are kept without the {@code $}; a null id means "not named" (or, in a reference, "the most
 * recently instantiated module"). Modules are never decoded here: see {@link ModuleSource}.
 */
public sealed interface Command {
    int line();

    /**
     * {@code (module $id? ...)}: decode, validate and instantiate. With {@code definition}
     * ({@code (module definition $id? ...)}) it is only defined, for {@link ModuleInstance} to instantiate.
     */
    record ModuleDefinition(int line, String id, boolean definition, ModuleSource source) implements Command {}

    /** {@code (module instance $instance? $module?)}: a new instance of a defined module. */
    record ModuleInstance(int line, String instance, String module) implements Command {}

    /** {@code (register "name" $id?)}: makes an instance's exports importable under {@code name}. */
    record Register(int line, String name, String module) implements Command {}

    /** A bare {@code (invoke ...)} or {@code (get ...)}, whose result is ignored (it must not trap). */
    record Perform(int line, Action action) implements Command {}

    /** {@code (assert_return action expected*)}. */
    record AssertReturn(int line, Action action, List<Expected> expected) implements Command {
        public AssertReturn { expected = List.copyOf(expected); }
    }

    /** {@code (assert_trap action "message")}: the action traps. */
    record AssertTrap(int line, Action action, String message) implements Command {}

    /** {@code (assert_trap (module ...) "message")}: instantiating (running the start function) traps. */
    record AssertModuleTrap(int line, ModuleSource module, String message) implements Command {}

    /** {@code (assert_exhaustion action "message")}: the action exhausts the call stack. */
    record AssertExhaustion(int line, Action action, String message) implements Command {}

    /** {@code (assert_exception action)}: the action throws a Wasm exception. */
    record AssertException(int line, Action action) implements Command {}

    /** {@code (assert_malformed module "message")}: decoding fails. */
    record AssertMalformed(int line, ModuleSource module, String message) implements Command {}

    /** {@code (assert_invalid module "message")}: decoding succeeds, validation fails. */
    record AssertInvalid(int line, ModuleSource module, String message) implements Command {}

    /** {@code (assert_unlinkable module "message")}: instantiation fails at import resolution. */
    record AssertUnlinkable(int line, ModuleSource module, String message) implements Command {}

    /** {@code (assert_uninstantiable module "message")}: instantiation traps. */
    record AssertUninstantiable(int line, ModuleSource module, String message) implements Command {}

    /** {@code (assert_malformed_custom module "message")}: a custom section or annotation is malformed (optional to check). */
    record AssertMalformedCustom(int line, ModuleSource module, String message) implements Command {}

    /** {@code (assert_invalid_custom module "message")}: a custom section's content is invalid (optional to check). */
    record AssertInvalidCustom(int line, ModuleSource module, String message) implements Command {}

    /** {@code (thread $name (shared (module $m))* command*)}: commands run concurrently with the script. */
    record Thread(int line, String name, List<String> sharedModules, List<Command> commands) implements Command {
        public Thread {
            sharedModules = List.copyOf(sharedModules);
            commands = List.copyOf(commands);
        }
    }

    /** {@code (wait $name)}: waits for a thread to finish. */
    record Wait(int line, String thread) implements Command {}
}
