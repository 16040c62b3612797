package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HostFunctionTest {
    private static final FuncType I32_TO_I32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));

    @Test
    void hostFunctionsSeeArgumentsAndTheCallingInstance() {
        Instance[] seen = new Instance[1];
        Imports imports = new Imports().define("h", "twice", new HostFunction("twice", I32_TO_I32, call -> {
            seen[0] = call.caller();
            call.resultI32(0, call.argI32(0) * 2);
        }));
        Instance i = Wat.instantiate(new Store(), """
                (module (func $twice (import "h" "twice") (param i32) (result i32))
                  (func (export "f") (param i32) (result i32) (i32.add (i32.const 1) (call $twice (local.get 0)))))
                """, imports);
        assertEquals(43, Wat.i32(i, "f", 21));
        assertSame(i, seen[0]);
    }

    @Test
    void multipleResultsAndFloatsThroughTheBitsForm() {
        FuncType type = FuncType.of(List.of(ValType.F64), List.of(ValType.F64, ValType.I64));
        Imports imports = new Imports().define("h", "split", HostFunction.ofBits("split", type, args -> {
            double d = Double.longBitsToDouble(args[0]);
            return new long[] {Double.doubleToRawLongBits(d / 2), (long) d};
        }));
        Instance i = Wat.instantiate(new Store(), """
                (module (func $split (import "h" "split") (param f64) (result f64 i64))
                  (func (export "f") (param f64) (result f64 i64) (call $split (local.get 0))))
                """, imports);
        assertArrayEquals(new long[] {Double.doubleToRawLongBits(2.5), 5}, i.call("f", Double.doubleToRawLongBits(5.0)));
    }

    @Test
    void reentrantCallsFromHostBackIntoTheGuest() {
        Store store = new Store();
        Instance[] self = new Instance[1];
        Imports imports = new Imports().define("h", "recurse", new HostFunction("recurse", I32_TO_I32, call -> {
            int n = call.argI32(0);
            call.resultI32(0, n == 0 ? 0 : n + (int) self[0].call("down", n - 1)[0]);
        }));
        self[0] = Wat.instantiate(store, """
                (module (func $recurse (import "h" "recurse") (param i32) (result i32))
                  (func (export "down") (param i32) (result i32) (call $recurse (local.get 0))))
                """, imports);
        assertEquals(55, Wat.i32(self[0], "down", 10));
    }

    @Test
    void referencesPassThroughAsObjects() {
        FuncType type = FuncType.of(List.of(ValType.EXTERNREF), List.of(ValType.EXTERNREF));
        ExternRef token = new ExternRef("token");
        Imports imports = new Imports().define("h", "echo", new HostFunction("echo", type, call -> call.resultRef(0, call.argRef(0))));
        Instance i = Wat.instantiate(new Store(), """
                (module (func $echo (import "h" "echo") (param externref) (result externref))
                  (func (export "f") (param externref) (result externref) (call $echo (local.get 0))))
                """, imports);
        assertSame(token, i.invoke("f", token)[0]);
        assertNull(i.invoke("f", (Object) null)[0]);
    }

    @Test
    void hostTrapsPropagateWithTheGuestFrames() {
        Imports imports = new Imports().define("h", "fail", new HostFunction("fail", I32_TO_I32, call -> {
            throw new Trap("host says no");
        }));
        Instance i = Wat.instantiate(new Store(), """
                (module (func $fail (import "h" "fail") (param i32) (result i32))
                  (func $guest (export "f") (result i32) (call $fail (i32.const 0))))
                """, imports);
        Trap t = assertThrows(Trap.class, () -> i.call("f"));
        assertEquals("host says no", t.reason());
        assertEquals(1, t.wasmStack().size());
    }
}
