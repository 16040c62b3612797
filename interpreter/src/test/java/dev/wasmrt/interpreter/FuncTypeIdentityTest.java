package dev.wasmrt.interpreter;

import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuncTypeIdentityTest {
    private static final FuncType HOST_I32_TO_I64 = FuncType.of(List.of(ValType.I32), List.of(ValType.I64));

    private static FuncType[] typesOf(Store store, String wat) {
        return Wat.instantiate(store, wat, new Imports()).types;
    }

    @Test
    void equivalentTypesOfOneStoreAreOneObject() {
        Store store = new Store();
        FuncType[] first = typesOf(store, "(module (type (func (param i32) (result i64))) (type (func)))");
        FuncType[] second = typesOf(store, "(module (type (func)) (type (func (param i32) (result i64))))");
        assertSame(first[0], second[1]);
        assertSame(first[1], second[0]);
        assertNotSame(first[0], first[1]);
    }

    @Test
    void storesDoNotShareTypeObjectsButPlainTypesStillMatch() {
        String wat = "(module (type (func (param i32) (result i64))))";
        FuncType a = typesOf(new Store(), wat)[0];
        FuncType b = typesOf(new Store(), wat)[0];
        assertNotSame(a, b);
        assertTrue(a.isSubtypeOf(b));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void hostTypeMatchesAnEquivalentModuleTypeBothWays() {
        FuncType module = typesOf(new Store(), "(module (type (func (param i32) (result i64))))")[0];
        assertTrue(HOST_I32_TO_I64.isSubtypeOf(module));
        assertTrue(module.isSubtypeOf(HOST_I32_TO_I64));
        assertEquals(HOST_I32_TO_I64, module);
        assertEquals(HOST_I32_TO_I64.hashCode(), module.hashCode());
        assertEquals(FuncType.of(List.of(ValType.I32), List.of(ValType.I64)), HOST_I32_TO_I64);
    }

    @Test
    void hostTypeDiffersFromTypesThatAreNotPlain() {
        FuncType[] types = typesOf(new Store(), """
                (module
                  (rec (type (func (param i32) (result i64))) (type (func)))
                  (type (sub (func (param i32) (result i64))))
                  (type (func (param i64) (result i64))))
                """);
        for (FuncType notEquivalent : new FuncType[] {types[0], types[2], types[3]}) {
            assertFalse(HOST_I32_TO_I64.isSubtypeOf(notEquivalent), notEquivalent.toString());
            assertFalse(notEquivalent.isSubtypeOf(HOST_I32_TO_I64), notEquivalent.toString());
            assertNotEquals(HOST_I32_TO_I64, notEquivalent);
        }
    }

    @Test
    void declaredSubtypesMatchTheirSupertypesOnly() {
        FuncType[] types = typesOf(new Store(), """
                (module
                  (type $base (sub (func (param i32))))
                  (type $derived (sub $base (func (param i32))))
                  (type $sibling (sub (func (param i32)))))
                """);
        assertTrue(types[1].isSubtypeOf(types[0]));
        assertFalse(types[0].isSubtypeOf(types[1]));
        assertNotEquals(types[0], types[1]);
        assertSame(types[0], types[2], "same structure, same canonical type");
    }

    @Test
    void openTypesOfDifferentStoresDoNotMatch() {
        String wat = "(module (type (sub (func (param i32)))))";
        FuncType a = typesOf(new Store(), wat)[0];
        FuncType b = typesOf(new Store(), wat)[0];
        assertFalse(a.isSubtypeOf(b));
        assertNotEquals(a, b);
    }

    @Test
    void hostTypesRejectConcreteHeapTypes() {
        assertThrows(IllegalArgumentException.class, () -> FuncType.of(List.of(ValType.ref(true, 0)), List.of()));
    }
}
