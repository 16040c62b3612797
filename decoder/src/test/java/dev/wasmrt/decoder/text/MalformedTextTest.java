package dev.wasmrt.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmrt.decoder.DecodeException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(func (drop (i32.const0)))|unknown operator i32.const0",
        "(func get_local 0)|unknown operator get_local",
        "(func br 0drop)|unknown operator 0drop",
        "(data\"a\")|unknown operator data\"a\"",
        "(func (result i32) (param i32) (i32.const 0))|unexpected token",
        "(func (i32.const 0)|unexpected token",
        "(func (block (param $x i32)))|unexpected token",
        "(func end)|unexpected token",
        "(func (block end))|unexpected token",
        "(func (block block))|unexpected token",
        "(func (if (i32.const 0) (then else)))|unexpected token",
        "(func (try (do) (catch_all catch_all)))|unexpected token",
        "(func (block $l (br $m)))|unknown label",
        "(func block $a end $b)|mismatching label",
        "(func block end $l)|mismatching label",
        "(func (call $nowhere))|unknown function",
        "(func (local.get $x))|unknown local",
        "(func (global.get $g))|unknown global",
        "(func (param (ref $t)))|unknown type",
        "(func (type 1) (param i32))|unknown type",
        "(func $f) (func $f)|duplicate func",
        "(memory $m 1) (memory $m 1)|duplicate memory",
        "(func (param $x i32) (local $x i32))|duplicate local",
        "(type (struct (field $x i32) (field $x i32)))|duplicate field",
        "(func) (import \"\" \"\" (func))|import after function",
        "(global i64 (i64.const 0)) (import \"\" \"\" (memory 0))|import after global",
        "(type $sig (func)) (func (type $sig) (result i32) (i32.const 0))|inline function type",
        "(func (drop (i32.const 4294967296)))|constant out of range",
        "(func (drop (f32.const 0x1p128)))|constant out of range",
        "(func (drop (f64.const nan:0x0)))|constant out of range",
        "(memory 1) (func (drop (i32.load align=3 (i32.const 0))))|alignment must be a power of two",
        "(func (drop (v128.const i32x4 1 2 3)))|wrong number of lane literals",
        "(func (param v128) (drop (i8x16.extract_lane_s 256 (local.get 0))))|i8 constant out of range",
        "(func (param v128) (drop (i8x16.shuffle 0 1 (local.get 0) (local.get 0))))|invalid lane length",
        "(func (param v128) (drop (i8x16.extract_lane_u -1 (local.get 0))))|unexpected token",
        "(func (block (result i32) (param i32) unreachable))|unexpected token",
        "(type $sig (func (param i32))) (func (block (type $sig) (result i32) (param i32)))|unexpected token",
        "(memory 1) (func (drop (i32.load offset=-1 (i32.const 0))))|unknown operator offset=-1",
        "(memory i64 0x1_0000_0000_0000_0000)|i64 constant out of range",
        "(func $f) (start $f) (start $f)|multiple start sections",
        "(memory 0 (pagesize 3))|invalid custom page size",
        "(import \"\\ff\" \"x\" (func))|malformed UTF-8 encoding",
    })
    void reasonsFollowTheSpecSuite(String text, String reason) {
        TextFormatException e = assertThrows(TextFormatException.class, () -> TextParser.parseModule(text));
        assertEquals(reason, e.reason());
    }

    @Test
    void numericIndicesAreLeftToTheValidator() {
        // an index out of range is invalid, not malformed: the reader keeps it
        assertEquals(5, TextParser.parseModule("(func (type 5))").functions().getFirst().typeIndex());
        int[] ops = TextParser.parseModule("(func (call 7) (local.get 3) drop)").functions().getFirst().body().ops();
        assertEquals(7, ops[1]);
        assertEquals(3, ops[3]);
    }

    @Test
    void errorPositionIsTheOffendingToken() {
        TextFormatException e = assertThrows(TextFormatException.class,
                () -> TextParser.parseModule("(module\n  (func\n    (i32.const 1)\n    (i32.bogus)))"));
        assertEquals("unknown operator i32.bogus", e.reason());
        assertEquals(4, e.line());
        assertEquals(6, e.column());
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackRunsOut() throws InterruptedException {
        String deep = "(func " + "(block ".repeat(100_000) + ")".repeat(100_001);
        Throwable[] outcome = new Throwable[1];
        // a small stack, as a caller's thread may have
        Thread t = new Thread(null, () -> {
            try {
                TextParser.parseModule(deep);
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        TextFormatException e = assertInstanceOf(TextFormatException.class, outcome[0]);
        assertEquals("nesting too deep", e.reason());
        // flat nesting has no such limit
        String flat = "(func " + "block ".repeat(100_000) + "end ".repeat(100_000) + ")";
        assertEquals(100_000 * 4 + 100_000 + 1, TextParser.parseModule(flat).functions().getFirst().body().length());
    }

    @Property(tries = 300)
    void arbitraryTextFailsOnlyWithTheModuleException(@ForAll @StringLength(max = 60) String noise) {
        String text = "(module (func " + noise + "))";
        try {
            TextParser.parseModule(text);
        } catch (DecodeException expected) {
            assertTrue(expected.reason() != null && !expected.reason().isEmpty());
        }
    }

    @Property(tries = 300)
    void truncatedModulesFailCleanly(@ForAll("prefixes") String prefix) {
        try {
            TextParser.parseModule(prefix);
        } catch (DecodeException expected) {
            assertTrue(expected.getMessage().contains("line"));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> prefixes() {
        String module = """
                (module (type $t (func (param i32) (result i32)))
                  (memory 1) (table 2 funcref) (global $g (mut i32) (i32.const 0))
                  (func $f (type $t) (local i64) (block $b (result i32) (br_if $b (local.get 0) (i32.const 1))))
                  (elem (i32.const 0) $f) (data (i32.const 0) "\\01\\u{41}") (export "f" (func $f)))
                """;
        return net.jqwik.api.Arbitraries.integers().between(0, module.length()).map(n -> module.substring(0, n));
    }
}
