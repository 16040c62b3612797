package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.DataSegment;
import dev.wasmrt.decoder.model.ElementSegment;
import dev.wasmrt.decoder.model.Export;
import dev.wasmrt.decoder.model.Expr;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Limits;
import dev.wasmrt.decoder.model.MemoryType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.SegmentMode;
import dev.wasmrt.decoder.model.SubType;
import dev.wasmrt.decoder.model.Tag;
import dev.wasmrt.decoder.model.ValType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile variants of a valid module (code words, signatures, local types and declarations
 * changed at random) either validate or raise {@link ValidationException}; nothing else may escape.
 */
class MutatedModulesProperties {
    private static final Module SEED = TestModules.wat("""
            (module
              (type $s (sub (struct (field (mut i32)) (field i8))))
              (type $a (array (mut i64)))
              (type $f (func (param i32) (result i32)))
              (tag $e (param i32))
              (memory 1 2 shared)
              (table 2 funcref)
              (global $g (mut i32) (i32.const 0))
              (data "abc")
              (elem funcref (ref.func $id))
              (func $id (export "id") (type $f) (local.get 0))
              (func (param $p i32) (result i32) (local $v v128) (local $r (ref null $s))
                (block $b (result i32)
                  (loop $l
                    (br_if $l (i32.eqz (local.get $p)))
                    (br_table $b $b (i32.const 1) (local.get $p)))
                  (i32.const 0))
                (drop)
                (local.set $v (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i64x2 1 2) (local.get $v)))
                (local.set $r (struct.new $s (i32.const 1) (i32.const 2)))
                (struct.set $s 0 (local.get $r) (struct.get_s $s 1 (local.get $r)))
                (drop (array.new_default $a (i32.const 3)))
                (i32.store offset=4 (i32.const 0) (i32.atomic.load (i32.const 8)))
                (block $h (result i32)
                  (try_table (result i32) (catch $e $h)
                    (if (result i32) (local.get $p)
                      (then (throw $e (i32.const 7)))
                      (else (call_indirect (type $f) (i32.const 1) (i32.const 0))))))
                (drop)
                (try (do (call $id (i32.const 2)) (drop)) (catch $e (drop)) (catch_all))
                (br_on_null 0 (local.get $r))
                (drop)
                (i32x4.extract_lane 3 (local.get $v))))
            """);

    @Property(tries = 2000)
    void mutatedCodeOnlyEverFailsValidation(@ForAll("mutations") List<int[]> edits) {
        List<Function> functions = new ArrayList<>(SEED.functions());
        for (int[] edit : edits) {
            int which = Math.floorMod(edit[0], functions.size());
            Function f = functions.get(which);
            int[] ops = f.body().ops().clone();
            int at = Math.floorMod(edit[1], ops.length);
            ops[at] = edit[2];
            functions.set(which, new Function(f.typeIndex(), f.locals(), new Expr(ops, f.body().offsets())));
        }
        validateOrReject(withFunctions(functions));
    }

    @Property(tries = 500)
    void mutatedSignaturesOnlyEverFailValidation(@ForAll("words") int typeIndex, @ForAll("words") int localType) {
        List<Function> functions = new ArrayList<>(SEED.functions());
        Function f = functions.getLast();
        List<ValType> locals = new ArrayList<>(f.locals());
        ValType replacement;
        try {
            replacement = ValType.decode(localType);
        } catch (IllegalArgumentException notAType) {
            replacement = ValType.ref(true, localType % 40);
        }
        locals.set(0, replacement);
        functions.set(functions.size() - 1, new Function(typeIndex, locals, f.body()));
        validateOrReject(withFunctions(functions));
    }

    @Property(tries = 1000)
    void mutatedDeclarationsOnlyEverFailValidation(@ForAll("words") int a, @ForAll("words") int b, @ForAll("words") int c) {
        Module.Builder m = copyOfSeed();
        m.start = a;
        Export first = m.exports.getFirst();
        m.exports.set(0, new Export(first.name(), first.kind(), b));
        ElementSegment e = m.elements.getFirst();
        m.elements.set(0, new ElementSegment(e.type(), SegmentMode.ACTIVE, c, e.items().getFirst(), e.items()));
        DataSegment d = m.datas.getFirst();
        m.datas.set(0, new DataSegment(SegmentMode.ACTIVE, a, TestModules.code(Opcodes.GLOBAL_GET, b), d.bytes()));
        m.memories.set(0, new MemoryType(Limits.of(b & 0xFFFFFFFFL, c & 0xFFFFFFFFL), (a & 1) != 0, (a & 2) != 0, a & 31));
        SubType s = m.types.getFirst();
        m.types.set(0, new SubType((c & 1) != 0, List.of(a), s.composite()));
        m.tags.set(0, new Tag(c));
        validateOrReject(m.build());
    }

    private static void validateOrReject(Module module) {
        try {
            ModuleValidator.validate(module);
        } catch (ValidationException expected) {
            // The one permitted failure.
        }
    }

    private static Module withFunctions(List<Function> functions) {
        Module.Builder b = copyOfSeed();
        b.functions.clear();
        b.functions.addAll(functions);
        return b.build();
    }

    private static Module.Builder copyOfSeed() {
        Module.Builder b = Module.builder();
        b.types.addAll(SEED.types());
        b.recGroups.addAll(SEED.recGroups());
        b.imports.addAll(SEED.imports());
        b.functions.addAll(SEED.functions());
        b.tables.addAll(SEED.tables());
        b.memories.addAll(SEED.memories());
        b.tags.addAll(SEED.tags());
        b.globals.addAll(SEED.globals());
        b.exports.addAll(SEED.exports());
        b.elements.addAll(SEED.elements());
        b.datas.addAll(SEED.datas());
        return b;
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, 1).flatMap(f -> Arbitraries.integers().between(0, 400)
                .flatMap(at -> words().map(v -> new int[] {f, at, v})));
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> words() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 40),
                Arbitraries.integers().between(0, 0x520),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -0x11, -0x17, 1 << 30, (1 << 30) | (1 << 29) | 2),
                Arbitraries.integers());
    }
}
