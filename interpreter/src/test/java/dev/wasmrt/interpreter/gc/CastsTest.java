package dev.wasmrt.interpreter.gc;

import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.ExternRef;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.Trap;
import dev.wasmrt.interpreter.Wasm;
import dev.wasmrt.validator.TypeRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CastsTest {
    private static final int BASE = 0, DERIVED = 1, OTHER = 2, BYTES = 3;

    private static GcTypes types(TypeRegistry registry, String wat) {
        Module m = Wasm.parse(wat).module();
        return new GcTypes(registry, m, registry.register(m), new FuncType[m.types().size()]);
    }

    private static final String TYPES = """
            (module
              (type $base (sub (struct (field i32))))
              (type $derived (sub $base (struct (field i32) (field i64))))
              (type $other (struct (field i32)))
              (type $bytes (array (mut i8))))
            """;

    @Test
    void concreteCastsFollowDeclaredSupertypes() {
        GcTypes t = types(new TypeRegistry(), TYPES);
        WasmStruct derived = t.struct(DERIVED).allocate();
        WasmStruct base = t.struct(BASE).allocate();
        assertTrue(Casts.test(derived, BASE, false, t));
        assertTrue(Casts.test(derived, DERIVED, false, t));
        assertFalse(Casts.test(base, DERIVED, false, t));
        assertFalse(Casts.test(base, OTHER, false, t), "same structure, but $other is final and declares no supertype");
        assertFalse(Casts.test(t.allocateArray(BYTES, 1), BASE, true, t));
        assertTrue(Casts.test(t.allocateArray(BYTES, 1), BYTES, false, t));
    }

    @Test
    void equivalentTypesOfAnotherModuleMatch() {
        TypeRegistry registry = new TypeRegistry();
        GcTypes first = types(registry, TYPES);
        GcTypes second = types(registry, "(module (type $x (sub (struct (field i32)))))");
        WasmStruct made = first.struct(BASE).allocate();
        assertTrue(Casts.test(made, 0, false, second));
        assertTrue(Casts.test(first.struct(DERIVED).allocate(), 0, false, second));
    }

    @Test
    void abstractCastsSortValuesIntoTheAnyHierarchy() {
        GcTypes t = types(new TypeRegistry(), TYPES);
        Object struct = t.struct(BASE).allocate(), array = t.allocateArray(BYTES, 0), i31 = I31Ref.of(3);
        Object host = new ExternRef("host");
        for (Object v : new Object[] {struct, array, i31}) {
            assertTrue(Casts.test(v, ValType.HT_EQ, false, t));
            assertTrue(Casts.test(v, ValType.HT_ANY, false, t));
            assertFalse(Casts.test(v, ValType.HT_NONE, true, t));
        }
        assertTrue(Casts.test(struct, ValType.HT_STRUCT, false, t));
        assertFalse(Casts.test(array, ValType.HT_STRUCT, false, t));
        assertTrue(Casts.test(array, ValType.HT_ARRAY, false, t));
        assertTrue(Casts.test(i31, ValType.HT_I31, false, t));
        assertFalse(Casts.test(struct, ValType.HT_I31, false, t));
        assertTrue(Casts.test(host, ValType.HT_ANY, false, t));
        assertFalse(Casts.test(host, ValType.HT_EQ, true, t), "a host value seen as anyref is not comparable");
    }

    @Test
    void nullPassesOnlyNullableTargets() {
        GcTypes t = types(new TypeRegistry(), TYPES);
        assertTrue(Casts.test(null, ValType.HT_NONE, true, t));
        assertTrue(Casts.test(null, BASE, true, t));
        assertFalse(Casts.test(null, ValType.HT_ANY, false, t));
        Trap trap = assertThrows(Trap.class, () -> Casts.cast(null, BASE, false, t));
        assertEquals("cast failure", trap.reason());
        Object s = t.struct(BASE).allocate();
        assertSame(s, Casts.cast(s, ValType.HT_STRUCT, false, t));
    }
}
