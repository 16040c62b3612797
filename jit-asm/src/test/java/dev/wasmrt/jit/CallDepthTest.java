package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.Engine;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.HostFunction;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Store;
import dev.wasmrt.interpreter.StoreConfig;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.Wasm;
import dev.wasmrt.interpreter.exec.Interpreter;
import dev.wasmrt.validator.ValidatedModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compiled code passes its call budget down as a parameter instead of counting in the context;
 * a configured depth limit must still trap at exactly the interpreter's depth, also when calls
 * cross into host code and back, through indirect calls and through tail-call trampolines.
 */
class CallDepthTest {
    private static final int LIMIT = 60;

    private static final String WAT = """
            (module
              (import "env" "reenter" (func $reenter (param i32) (result i32)))
              (type $t (func (param i32) (result i32)))
              (table 1 funcref)
              (elem (i32.const 0) $indirect)
              (func $down (export "down") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
              ;; Every second level goes through the host, which calls the export again.
              (func (export "via-host") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $reenter (i32.sub (local.get 0) (i32.const 1)))))))
              (func $indirect (export "indirect") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (i32.add (i32.const 1)
                    (call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0))))))
              ;; Has a tail call to another function, so it runs under a trampoline; recurses normally.
              (func $tramp (export "trampolined") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (return_call $down (i32.const 0)))
                  (else (i32.add (i32.const 1) (call $tramp (i32.sub (local.get 0) (i32.const 1))))))))
            """;

    @Test
    void eachKindOfCallTrapsAtTheInterpretersDepth() {
        for (String export : List.of("down", "via-host", "indirect", "trampolined")) {
            int interpreted = deepestSuccess(new Interpreter(), export);
            assertEquals(interpreted, deepestSuccess(new Compiler(), export), export);
        }
    }

    @Test
    void aCompiledRecursionUsesTheWholeLimit() {
        // down(n) enters n + 1 frames.
        assertEquals(LIMIT - 1, deepestSuccess(new Compiler(), "down"));
    }

    /** The largest argument that returns rather than trapping, on a fresh instance limited to {@link #LIMIT}. */
    private static int deepestSuccess(Engine engine, String export) {
        Instance instance = instantiate(engine);
        for (int n = 0; n <= 2 * LIMIT; n++) {
            try {
                assertEquals(n + 1, instance.call(export, n + 1)[0]);
            } catch (Trap t) {
                assertEquals("call stack exhausted", t.reason());
                // The trap left the depth at zero: a shallow call still works.
                assertEquals(3, instance.call(export, 3)[0]);
                return n;
            }
        }
        return fail(export + " never reached the limit of " + LIMIT);
    }

    private static Instance instantiate(Engine engine) {
        ValidatedModule module = Wasm.parse(WAT);
        Store store = new Store(StoreConfig.defaults().withEngine(engine).withMaxCallDepth(LIMIT));
        Instance[] self = new Instance[1];
        FuncType type = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));
        Imports imports = new Imports().define("env", "reenter", new HostFunction("reenter", type,
                call -> call.resultI32(0, (int) self[0].call("via-host", call.argI32(0))[0])));
        if (engine instanceof Compiler compiler) {
            CompiledCode code = compiler.compile(module);
            Engines.verify(code);
            self[0] = store.instantiate(compiler.prepare(module, code), module, imports);
        } else {
            self[0] = store.instantiate(module, imports);
        }
        return self[0];
    }
}
