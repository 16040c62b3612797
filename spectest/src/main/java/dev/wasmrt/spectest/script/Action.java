package dev.wasmrt.spectest.script;

import java.util.List;

/** What a command does to an instance; {@code module} is the instance's {@code $id}, or null for the latest. */
public sealed interface Action {
    String module();

    /** {@code (invoke $m? "name" arg*)}. */
    record Invoke(String module, String export, List<Value> args) implements Action {
        public Invoke { args = List.copyOf(args); }
    }

    /** {@code (get $m? "name")}: reads an exported global. */
    record Get(String module, String export) implements Action {}
}
