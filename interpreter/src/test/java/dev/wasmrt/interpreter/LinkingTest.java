package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkingTest {
    private static String linkFailure(String wat, Imports imports) {
        return assertThrows(LinkException.class, () -> Wat.instantiate(new Store(), wat, imports)).reason();
    }

    private static Imports spectest() { return SpectestModule.define(new Imports(), null); }

    @Test
    void missingImportIsUnknown() {
        assertEquals("unknown import", linkFailure("(module (func (import \"spectest\" \"nope\")))", spectest()));
        assertEquals("unknown import", linkFailure("(module (global (import \"nowhere\" \"g\") i32))", spectest()));
    }

    @Test
    void mismatchedKindOrTypeIsIncompatible() {
        assertEquals("incompatible import type", linkFailure("(module (func (import \"spectest\" \"print_i32\") (param i64)))", spectest()));
        assertEquals("incompatible import type", linkFailure("(module (memory (import \"spectest\" \"global_i32\") 1))", spectest()));
        assertEquals("incompatible import type", linkFailure("(module (global (import \"spectest\" \"global_i32\") (mut i32)))", spectest()));
        assertEquals("incompatible import type", linkFailure("(module (global (import \"spectest\" \"global_i32\") i64))", spectest()));
        assertEquals("incompatible import type", linkFailure("(module (memory (import \"spectest\" \"memory\") 2))", spectest()));
        assertEquals("incompatible import type", linkFailure("(module (memory (import \"spectest\" \"memory\") 1 1))", spectest()));
        assertEquals("incompatible import type", linkFailure("(module (table (import \"spectest\" \"table\") 10 externref))", spectest()));
        assertEquals("incompatible import type", linkFailure("(module (memory (import \"spectest\" \"memory\") 1 2 shared))", spectest()));
    }

    @Test
    void compatibleLimitsAndTypesLink() {
        Instance i = Wat.instantiate(new Store(), """
                (module
                  (memory (import "spectest" "memory") 0 3)
                  (table (import "spectest" "table") 5 funcref)
                  (global (import "spectest" "global_i32") i32)
                  (func (import "spectest" "print_i32") (param i32))
                  (func (export "g") (result i32) (global.get 0)))
                """, spectest());
        assertEquals(666, Wat.i32(i, "g"));
    }

    @Test
    void immutableGlobalImportsAreCovariantMutableOnesInvariant() {
        Store store = new Store();
        Instance exporter = Wat.instantiate(store, """
                (module (func $f) (elem declare func $f)
                  (global (export "fixed") (ref func) (ref.func $f))
                  (global (export "var") (mut (ref null func)) (ref.null func)))
                """, new Imports());
        Imports imports = new Imports().defineAll("m", exporter);
        Wat.instantiate(store, "(module (global (import \"m\" \"fixed\") funcref))", imports);
        assertEquals("incompatible import type", assertThrows(LinkException.class,
                () -> Wat.instantiate(store, "(module (global (import \"m\" \"var\") (mut (ref func))))", imports)).reason());
    }

    @Test
    void functionsLinkAcrossModulesAndKeepTheirOwnInstance() {
        Store store = new Store();
        Instance a = Wat.instantiate(store, """
                (module (global $g (mut i32) (i32.const 10))
                  (func (export "bump") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))
                """, new Imports());
        Instance b = Wat.instantiate(store, """
                (module (func $bump (import "a" "bump") (result i32))
                  (global $g (mut i32) (i32.const 1000))
                  (func (export "twice") (result i32) (drop (call $bump)) (i32.add (call $bump) (global.get $g))))
                """, new Imports().defineAll("a", a));
        assertEquals(1012, Wat.i32(b, "twice"));
        assertEquals(13, Wat.i32(a, "bump"));
    }

    @Test
    void hostFunctionTypeMustMatchExactly() {
        HostFunction f = new HostFunction("f", FuncType.of(List.of(ValType.I32), List.of(ValType.I32)), call -> call.resultI32(0, 1));
        Imports imports = new Imports().define("h", "f", f);
        Wat.instantiate(new Store(), "(module (func (import \"h\" \"f\") (param i32) (result i32)))", imports);
        assertEquals("incompatible import type", linkFailure("(module (func (import \"h\" \"f\") (param i32)))", imports));
    }
}
