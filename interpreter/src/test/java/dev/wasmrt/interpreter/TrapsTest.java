package dev.wasmrt.interpreter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrapsTest {
    private static Trap trap(Instance i, String name, long... args) {
        return assertThrows(Trap.class, () -> i.call(name, args));
    }

    @Test
    void unreachableTrapsWithAWasmStackTraceOfNames() {
        Instance i = Wat.instantiate("""
                (module
                  (func $inner (unreachable))
                  (func $middle (call $inner))
                  (func (export "outer") (call $middle)))
                """);
        Trap t = trap(i, "outer");
        assertEquals("unreachable", t.reason());
        List<String> stack = t.wasmStack();
        assertEquals(3, stack.size(), stack::toString);
        assertTrue(stack.get(0).contains("inner"), stack::toString);
        assertTrue(stack.get(1).contains("middle"), stack::toString);
        assertEquals("func[2]", stack.get(2));
    }

    @Test
    void memoryAccessesTrapAtTheFirstOutOfBoundsByte() {
        Instance i = Wat.instantiate("""
                (module (memory 1)
                  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
                  (func (export "load_off") (param i32) (result i32) (i32.load offset=4294967295 (local.get 0)))
                  (func (export "store8") (param i32) (i32.store8 (local.get 0) (i32.const 1))))
                """);
        assertEquals(0, Wat.i32(i, "load", 65532));
        assertEquals("out of bounds memory access", trap(i, "load", 65533).reason());
        assertEquals("out of bounds memory access", trap(i, "load", -1).reason());
        assertEquals("out of bounds memory access", trap(i, "load_off", 1).reason());
        assertEquals("out of bounds memory access", trap(i, "store8", 65536).reason());
    }

    @Test
    void callIndirectDistinguishesItsThreeFaults() {
        Instance i = Wat.instantiate("""
                (module
                  (type $v (func (result i32)))
                  (type $w (func (param i32) (result i32)))
                  (table 3 funcref)
                  (elem (i32.const 0) $one $id)
                  (func $one (result i32) (i32.const 1))
                  (func $id (param i32) (result i32) (local.get 0))
                  (func (export "call") (param i32) (result i32) (call_indirect (type $v) (local.get 0))))
                """);
        assertEquals(1, Wat.i32(i, "call", 0));
        assertEquals("indirect call type mismatch", trap(i, "call", 1).reason());
        assertTrue(trap(i, "call", 2).reason().startsWith("uninitialized element"));
        assertEquals("undefined element", trap(i, "call", 3).reason());
    }

    @Test
    void callRefOnNullTraps() {
        Instance i = Wat.instantiate("""
                (module (type $t (func))
                  (func (export "f") (call_ref $t (ref.null $t))))
                """);
        assertEquals("null function reference", trap(i, "f").reason());
    }

    @Test
    void trappingConversionAndDivisionReachTheGuest() {
        Instance i = Wat.instantiate("""
                (module
                  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
                  (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0))))
                """);
        assertEquals("integer overflow", trap(i, "div", Integer.MIN_VALUE, -1).reason());
        assertEquals("integer divide by zero", trap(i, "div", 1, 0).reason());
        assertEquals("invalid conversion to integer", trap(i, "trunc", Double.doubleToRawLongBits(Double.NaN)).reason());
        assertEquals(-3, Wat.i32(i, "trunc", Double.doubleToRawLongBits(-3.99)));
    }

    @Test
    void instanceStaysUsableAfterATrap() {
        Instance i = Wat.instantiate("""
                (module (global $g (mut i32) (i32.const 0))
                  (func (export "bump_then_trap") (global.set $g (i32.add (global.get $g) (i32.const 1))) (unreachable))
                  (func (export "get") (result i32) (global.get $g)))
                """);
        trap(i, "bump_then_trap");
        trap(i, "bump_then_trap");
        assertEquals(2, Wat.i32(i, "get"));
    }
}
