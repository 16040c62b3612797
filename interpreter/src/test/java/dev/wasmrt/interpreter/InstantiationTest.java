package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstantiationTest {
    @Test
    void segmentWritesBeforeATrappingSegmentStay() {
        Store store = new Store();
        Memory memory = Memory.of(1, 1);
        Imports imports = new Imports().define("env", "mem", memory);
        Trap t = assertThrows(Trap.class, () -> Wat.instantiate(store, """
                (module (memory (import "env" "mem") 1)
                  (data (i32.const 0) "\\01\\02")
                  (data (i32.const 65535) "\\03\\04")
                  (data (i32.const 10) "\\05"))
                """, imports));
        assertEquals("out of bounds memory access", t.reason());
        assertEquals(0x0201, memory.loadU16(0));
        assertEquals(0, memory.loadU8(65535), "the failing segment writes nothing");
        assertEquals(0, memory.loadU8(10), "later segments do not run");
    }

    @Test
    void elementsAreAppliedBeforeDataAndStartRunsLast() {
        List<String> events = new ArrayList<>();
        Imports imports = new Imports().define("env", "log", new HostFunction("log",
                FuncType.of(List.of(ValType.I32), List.of()), call -> events.add("start saw " + call.argI32(0))));
        Wat.instantiate(new Store(), """
                (module (func $log (import "env" "log") (param i32))
                  (memory 1) (table 2 funcref)
                  (global $g i32 (i32.const 40))
                  (elem (i32.const 1) $seven)
                  (data (i32.const 0) "\\02")
                  (func $seven (result i32) (i32.const 7))
                  (func $start
                    (call $log (i32.add (global.get $g)
                      (i32.add (i32.load8_u (i32.const 0)) (call_indirect (result i32) (i32.const 1))))))
                  (start $start))
                """, imports);
        assertEquals(List.of("start saw 49"), events);
    }

    @Test
    void elementTrapLeavesEarlierTableWritesInAnImportedTable() {
        Store store = new Store();
        Table table = new Table(ValType.FUNCREF, 3, 3, true, false, null);
        Imports imports = new Imports().define("env", "tab", table);
        assertEquals("out of bounds table access", assertThrows(Trap.class, () -> Wat.instantiate(store, """
                (module (table (import "env" "tab") 3 funcref)
                  (func $f)
                  (elem (i32.const 0) $f)
                  (elem (i32.const 2) $f $f))
                """, imports)).reason());
        assertInstanceOf(FunctionInstance.class, table.get(0));
        assertNull(table.get(2));
    }

    @Test
    void passiveSegmentsCanBeInitialisedUntilDropped() {
        Instance i = Wat.instantiate("""
                (module (memory (export "m") 1)
                  (data $d "abc")
                  (func (export "init") (memory.init $d (i32.const 8) (i32.const 0) (i32.const 3)))
                  (func (export "drop") (data.drop $d)))
                """);
        i.call("init");
        assertEquals('a' | 'b' << 8 | 'c' << 16, i.memory("m").loadI32(8));
        i.call("drop");
        assertEquals("out of bounds memory access", assertThrows(Trap.class, () -> i.call("init")).reason());
    }

    @Test
    void globalInitialisersSeeEarlierGlobalsAndExtendedConstants() {
        Instance i = Wat.instantiate("""
                (module (global $a i32 (i32.const 5))
                  (global $b (export "b") i64 (i64.mul (i64.const 3) (i64.add (i64.const 4) (i64.const 1))))
                  (global $c (export "c") i32 (i32.sub (global.get $a) (i32.const 7))))
                """);
        assertEquals(15, i.global("b").bits);
        assertEquals(-2, (int) i.global("c").bits);
    }
}
