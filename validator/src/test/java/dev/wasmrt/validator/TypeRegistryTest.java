package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.FieldType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeRegistryTest {
    private static final SubType I32_TO_I32 = SubType.plain(new CompositeType.Func(List.of(ValType.I32), List.of(ValType.I32)));
    private static final SubType VOID = SubType.plain(new CompositeType.Func(List.of(), List.of()));

    private static Module module(List<SubType> types, List<RecGroup> groups) {
        Module.Builder b = Module.builder();
        b.types.addAll(types);
        b.recGroups.addAll(groups);
        return b.build();
    }

    private static Module singletons(SubType... types) {
        Module.Builder b = Module.builder();
        for (SubType t : types) TestModules.addType(b, t);
        return b.build();
    }

    /** A group of two struct types that refer to each other: {@code $a {ref null $b}, $b {field}}. */
    private static Module mutualStructs(ValType secondField) {
        SubType a = SubType.plain(new CompositeType.Struct(List.of(new FieldType(ValType.ref(true, 1), 0, false))));
        SubType b = SubType.plain(new CompositeType.Struct(List.of(new FieldType(ValType.ref(true, 0), 0, false),
                new FieldType(secondField, 0, true))));
        return module(List.of(a, b), List.of(new RecGroup(0, 2)));
    }

    @Test
    void identicalTypesInDifferentModulesShareAnId() {
        TypeRegistry r = new TypeRegistry();
        int[] first = r.register(singletons(VOID, I32_TO_I32));
        int[] second = r.register(singletons(I32_TO_I32));
        assertEquals(first[1], second[0]);
        assertNotEquals(first[0], first[1]);
    }

    @Test
    void recursiveGroupsAreEqualOnlyWhenStructurallyEqual() {
        TypeRegistry r = new TypeRegistry();
        int[] a = r.register(mutualStructs(ValType.I64));
        int[] b = r.register(mutualStructs(ValType.I64));
        int[] c = r.register(mutualStructs(ValType.F64));
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertNotEquals(a[0], c[0]);
        assertNotEquals(a[1], c[1]);
    }

    @Test
    void aTypeAloneDiffersFromTheSameTypeInsideALargerGroup() {
        TypeRegistry r = new TypeRegistry();
        int alone = r.register(singletons(VOID))[0];
        int grouped = r.register(module(List.of(VOID, VOID), List.of(new RecGroup(0, 2))))[0];
        assertNotEquals(alone, grouped);
    }

    @Test
    void canonicalCompositesReferToCanonicalIds() {
        TypeRegistry r = new TypeRegistry();
        r.register(singletons(VOID));
        int[] ids = r.register(mutualStructs(ValType.I32));
        CompositeType.Struct s = (CompositeType.Struct) r.composite(ids[0]);
        assertEquals(ids[1], s.fields().getFirst().type().heapType());
    }

    @Test
    void declaredSupertypeChainsDecideConcreteSubtyping() {
        SubType base = new SubType(false, List.of(), new CompositeType.Struct(List.of()));
        SubType mid = new SubType(false, List.of(0), new CompositeType.Struct(List.of(new FieldType(ValType.I32, 0, false))));
        SubType leaf = new SubType(true, List.of(1), new CompositeType.Struct(List.of(new FieldType(ValType.I32, 0, false))));
        TypeRegistry r = new TypeRegistry();
        int[] ids = r.register(singletons(base, mid, leaf));
        assertTrue(r.isSubtype(ids[2], ids[0]));
        assertTrue(r.isSubtype(ids[1], ids[0]));
        assertFalse(r.isSubtype(ids[0], ids[2]));
        assertTrue(r.isSubtype(ids[2], ValType.HT_STRUCT));
        assertTrue(r.isSubtype(ids[2], ValType.HT_EQ));
        assertTrue(r.isSubtype(ids[2], ValType.HT_ANY));
        assertFalse(r.isSubtype(ids[2], ValType.HT_ARRAY));
        assertTrue(r.isSubtype(ValType.HT_NONE, ids[2]));
        assertFalse(r.isSubtype(ValType.HT_NOFUNC, ids[2]));
    }

    @Test
    void supertypesAreTakenIntoAccountForCanonicalIdentity() {
        SubType open = new SubType(false, List.of(), new CompositeType.Struct(List.of()));
        SubType closed = new SubType(true, List.of(), new CompositeType.Struct(List.of()));
        TypeRegistry r = new TypeRegistry();
        int[] ids = r.register(singletons(open, closed));
        assertNotEquals(ids[0], ids[1]);
    }

    @Test
    void functionTypesSitBetweenFuncAndNofunc() {
        TypeRegistry r = new TypeRegistry();
        int f = r.register(singletons(VOID))[0];
        assertTrue(r.isSubtype(f, ValType.HT_FUNC));
        assertFalse(r.isSubtype(f, ValType.HT_ANY));
        assertTrue(r.isSubtype(ValType.HT_NOFUNC, f));
        assertFalse(r.isSubtype(ValType.HT_NONE, f));
        assertEquals(ValType.HT_FUNC, r.topOf(f));
        assertEquals(ValType.HT_NOFUNC, r.bottomOf(f));
    }

    @Test
    void abstractHierarchiesStaySeparate() {
        TypeRegistry r = new TypeRegistry();
        assertTrue(r.isSubtype(ValType.HT_I31, ValType.HT_ANY));
        assertTrue(r.isSubtype(ValType.HT_NONE, ValType.HT_I31));
        assertTrue(r.isSubtype(ValType.HT_NOEXTERN, ValType.HT_EXTERN));
        assertTrue(r.isSubtype(ValType.HT_NOEXN, ValType.HT_EXN));
        assertFalse(r.isSubtype(ValType.HT_EXTERN, ValType.HT_ANY));
        assertFalse(r.isSubtype(ValType.HT_ANY, ValType.HT_EQ));
        assertFalse(r.isSubtype(ValType.HT_I31, ValType.HT_STRUCT));
        assertFalse(r.isSubtype(ValType.HT_NONE, ValType.HT_FUNC));
    }

    @Test
    void valueTypesFromDifferentModulesMatchThroughCanonicalIds() {
        SubType base = new SubType(false, List.of(), new CompositeType.Struct(List.of()));
        SubType derived = new SubType(false, List.of(0), new CompositeType.Struct(List.of(new FieldType(ValType.I32, 0, false))));
        TypeRegistry r = new TypeRegistry();
        int[] exporter = r.register(singletons(base, derived));
        int[] importer = r.register(singletons(VOID, base));
        ValType exported = TypeRegistry.canonical(ValType.ref(false, 1), exporter);
        ValType expected = TypeRegistry.canonical(ValType.ref(true, 1), importer);
        assertTrue(r.matches(exported, expected));
        assertFalse(r.matches(expected, exported));
        assertTrue(r.matches(ValType.I64, ValType.I64));
        assertFalse(r.matches(ValType.I64, ValType.F64));
        assertFalse(r.matches(ValType.I32, ValType.ANYREF));
    }

    @Test
    void concurrentRegistrationsAgreeOnIds() throws InterruptedException {
        TypeRegistry r = new TypeRegistry();
        int[][] seen = new int[8][];
        Thread[] threads = new Thread[seen.length];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] = new Thread(() -> seen[slot] = r.register(mutualStructs(ValType.I64)));
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        for (int[] ids : seen) assertEquals(List.of(seen[0][0], seen[0][1]), List.of(ids[0], ids[1]));
        assertEquals(2, r.size());
    }
}
