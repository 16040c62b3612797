package dev.wasmrt.spectest.script;

import java.util.List;

/**
 * A parsed .wast script: its commands in order. Read one with {@link ScriptParser}; run it by
 * walking {@link #commands()} and switching over the {@link Command} records.
 */
public record Script(String name, List<Command> commands) {
    public Script { commands = List.copyOf(commands); }
}
