package dev.wasmrt.jit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GcDifferentialTest {
    private static Engines.Pair pair;

    private static final String WAT = """
            (module
              (type $point (struct (field $x (mut i8)) (field $y i16) (field $z (mut i32)) (field $w i64)
                                   (field $f f32) (field $d (mut f64)) (field $r (mut anyref))))
              (type $base (sub (struct (field i32))))
              (type $derived (sub $base (struct (field i32) (field i64))))
              (type $bytes (array (mut i8)))
              (type $ints (array (mut i32)))
              (type $refs (array (mut anyref)))
              (type $vbox (struct (field $a i32) (field $v (mut v128)) (field $r anyref) (field $w v128)))
              (type $vecs (array (mut v128)))
              (type $ft (func (param i32) (result i32)))
              (data $d "\\01\\02\\03\\04\\05\\06\\07\\08")
              (elem $e i31ref (item (ref.i31 (i32.const 7))) (item (ref.i31 (i32.const 8))))
              (elem declare func $inc $noop)
              (func $inc (type $ft) (i32.add (local.get 0) (i32.const 1)))
              (func $noop)

              (func (export "struct-fields") (param i32) (result i32 i32 i32 i32 i64 f32 f64)
                (local $p (ref null $point))
                (local.set $p (struct.new $point (local.get 0) (local.get 0) (local.get 0) (i64.const -5)
                                (f32.const 1.5) (f64.const 2.5) (ref.i31 (i32.const 3))))
                (struct.get_s $point $x (local.get $p))
                (struct.get_u $point $x (local.get $p))
                (struct.get_s $point $y (local.get $p))
                (struct.get $point $z (local.get $p))
                (struct.get $point $w (local.get $p))
                (struct.get $point $f (local.get $p))
                (struct.get $point $d (local.get $p)))
              (func (export "struct-set") (result i32 f64 i32)
                (local $p (ref null $point))
                (local.set $p (struct.new_default $point))
                (struct.set $point $x (local.get $p) (i32.const 300))
                (struct.set $point $d (local.get $p) (f64.const 4))
                (struct.set $point $r (local.get $p) (ref.i31 (i32.const 9)))
                (struct.get_u $point $x (local.get $p))
                (struct.get $point $d (local.get $p))
                (i31.get_u (ref.cast (ref i31) (struct.get $point $r (local.get $p)))))
              (func (export "null-struct") (result i32) (struct.get $point $z (ref.null $point)))
              (func (export "null-struct-set") (struct.set $point $z (ref.null $point) (i32.const 1)))

              (func (export "arrays") (param i32) (result i32 i32 i32 i32)
                (local $a (ref null $ints))
                (local.set $a (array.new $ints (i32.const 7) (local.get 0)))
                (array.set $ints (local.get $a) (i32.const 1) (i32.const 42))
                (array.fill $ints (local.get $a) (i32.const 2) (i32.const 9) (i32.const 2))
                (array.len (local.get $a))
                (array.get $ints (local.get $a) (i32.const 0))
                (array.get $ints (local.get $a) (i32.const 1))
                (array.get $ints (local.get $a) (i32.const 3)))
              (func (export "bytes") (result i32 i32 i32)
                (local $a (ref null $bytes))
                (local.set $a (array.new_fixed $bytes 3 (i32.const 255) (i32.const 128) (i32.const 1)))
                (array.get_s $bytes (local.get $a) (i32.const 0))
                (array.get_u $bytes (local.get $a) (i32.const 1))
                (array.len (local.get $a)))
              (func (export "copy") (param i32) (result i32 i32 i32 i32)
                (local $a (ref null $bytes))
                (local.set $a (array.new_data $bytes $d (i32.const 0) (i32.const 8)))
                (array.copy $bytes $bytes (local.get $a) (i32.const 2) (local.get $a) (i32.const 0) (local.get 0))
                (array.get_u $bytes (local.get $a) (i32.const 2))
                (array.get_u $bytes (local.get $a) (i32.const 3))
                (array.get_u $bytes (local.get $a) (i32.const 4))
                (array.get_u $bytes (local.get $a) (i32.const 5)))
              (func (export "init-data") (param i32) (result i32 i32)
                (local $a (ref null $bytes))
                (local.set $a (array.new_default $bytes (i32.const 4)))
                (array.init_data $bytes $d (local.get $a) (i32.const 1) (local.get 0) (i32.const 2))
                (array.get_u $bytes (local.get $a) (i32.const 1))
                (array.get_u $bytes (local.get $a) (i32.const 2)))
              (func (export "elems") (param i32) (result i32 i32)
                (local $a (ref null $refs))
                (local.set $a (array.new_elem $refs $e (local.get 0) (i32.const 1)))
                (i31.get_s (ref.cast (ref i31) (array.get $refs (local.get $a) (i32.const 0))))
                (array.init_elem $refs $e (local.get $a) (i32.const 0) (i32.const 1) (i32.const 1))
                (i31.get_s (ref.cast (ref i31) (array.get $refs (local.get $a) (i32.const 0)))))
              (func (export "null-array") (result i32) (array.len (ref.null $ints)))

              (func (export "v128-struct") (param v128 v128) (result i32 v128 v128 i32)
                (local $s (ref null $vbox))
                (local.set $s (struct.new $vbox (i32.const 7) (local.get 0) (ref.i31 (i32.const 3)) (local.get 1)))
                (struct.set $vbox $v (local.get $s)
                  (i64x2.add (struct.get $vbox $v (local.get $s)) (struct.get $vbox $w (local.get $s))))
                (struct.get $vbox $a (local.get $s))
                (struct.get $vbox $v (local.get $s))
                (struct.get $vbox $w (local.get $s))
                (i31.get_u (ref.cast (ref i31) (struct.get $vbox $r (local.get $s)))))
              (func (export "v128-struct-default") (result v128) (struct.get $vbox $w (struct.new_default $vbox)))
              (func (export "v128-null-get") (result v128) (struct.get $vbox $v (ref.null $vbox)))
              (func (export "v128-null-set") (param v128) (struct.set $vbox $v (ref.null $vbox) (local.get 0)))
              (func (export "v128-arrays") (param v128 v128 i32) (result i32 v128 v128 v128)
                (local $a (ref null $vecs))
                (local.set $a (array.new $vecs (local.get 0) (local.get 2)))
                (array.set $vecs (local.get $a) (i32.const 1) (local.get 1))
                (array.fill $vecs (local.get $a) (i32.const 2) (i64x2.add (local.get 1) (local.get 1))
                  (i32.sub (local.get 2) (i32.const 2)))
                (array.len (local.get $a))
                (array.get $vecs (local.get $a) (i32.const 0))
                (array.get $vecs (local.get $a) (i32.const 1))
                (array.get $vecs (local.get $a) (i32.sub (local.get 2) (i32.const 1))))
              (func (export "v128-fixed") (param v128 v128 i32) (result v128 v128 v128)
                (local $a (ref null $vecs))
                (local.set $a (array.new_fixed $vecs 3 (local.get 0) (local.get 1) (local.get 0)))
                (array.copy $vecs $vecs (local.get $a) (i32.const 0) (local.get $a) (i32.const 1) (i32.const 2))
                (array.get $vecs (local.get $a) (local.get 2))
                (array.get $vecs (local.get $a) (i32.const 0))
                (array.get $vecs (array.new_default $vecs (i32.const 2)) (i32.const 1)))
              (func (export "v128-null-array") (result v128) (array.get $vecs (ref.null $vecs) (i32.const 0)))

              (func $make (param i32) (result anyref)
                (if (i32.eqz (local.get 0)) (then (return (struct.new $base (i32.const 1)))))
                (if (i32.eq (local.get 0) (i32.const 1)) (then (return (struct.new $derived (i32.const 2) (i64.const 3)))))
                (if (i32.eq (local.get 0) (i32.const 2)) (then (return (ref.i31 (i32.const 5)))))
                (ref.null any))
              (func (export "classify") (param i32) (result i32)
                (local $v anyref)
                (local.set $v (call $make (local.get 0)))
                (i32.add (i32.const 20)
                  (i32.wrap_i64 (struct.get $derived 1
                    (block $d (result (ref $derived))
                      (br_on_cast $d anyref (ref $derived) (local.get $v))
                      (drop)
                      (block $b (result anyref)
                        (br_on_cast_fail $b anyref (ref $base) (local.get $v))
                        (return (i32.add (struct.get $base 0) (i32.const 10))))
                      (drop)
                      (return (i32.add (i32.mul (ref.test (ref i31) (local.get $v)) (i32.const 100))
                                       (i32.mul (ref.test (ref null $base) (local.get $v)) (i32.const 1000)))))))))
              (func (export "cast") (param i32) (result i32)
                (struct.get $derived 0 (ref.cast (ref $derived) (call $make (local.get 0)))))
              (func (export "cast-null") (param i32) (result i32)
                (ref.is_null (ref.cast (ref null $derived) (call $make (local.get 0)))))

              (func (export "i31") (param i32) (result i32 i32)
                (i31.get_s (ref.i31 (local.get 0)))
                (i31.get_u (ref.i31 (local.get 0))))
              (func (export "i31-null") (result i32) (i31.get_s (ref.null i31)))
              (func (export "i31-eq") (param i32 i32) (result i32)
                (ref.eq (ref.i31 (local.get 0)) (ref.i31 (local.get 1))))
              (func (export "extern-round-trip") (result i32 i32)
                (local $s (ref null $base))
                (local.set $s (struct.new $base (i32.const 4)))
                (ref.eq (ref.cast (ref null eq) (any.convert_extern (extern.convert_any (local.get $s)))) (local.get $s))
                (ref.test (ref $base) (any.convert_extern (extern.convert_any (local.get $s)))))
              (func (export "func-test") (result i32 i32)
                (ref.test (ref $ft) (ref.func $inc))
                (ref.test (ref $ft) (ref.func $noop)))
            )
            """;

    @BeforeAll
    static void build() {
        pair = Engines.pair(WAT);
        assertEquals(Map.of(), Engines.fallbacks(pair));
    }

    @Test
    void structFieldsAreStoredAndNarrowed() {
        // 0x1ff80: the i8 field keeps 0x80, the i16 field 0xff80.
        assertEquals("[-128, 128, -128, 130944, -5, 1069547520, 4612811918334230528]", pair.same("struct-fields", 0x1ff80).toString());
        assertEquals("[44, 4616189618054758400, 9]", pair.same("struct-set").toString());
        assertEquals("trap: null structure reference", pair.same("null-struct").toString());
        assertEquals("trap: null structure reference", pair.same("null-struct-set").toString());
    }

    @Test
    void arraysAllocateFillAndCheckBounds() {
        assertEquals("[5, 7, 42, 9]", pair.same("arrays", 5).toString());
        assertEquals("trap: out of bounds array access", pair.same("arrays", 3).toString());
        assertEquals("trap: array allocation exceeds the implementation limit", pair.same("arrays", -1).toString());
        assertEquals("[-1, 128, 3]", pair.same("bytes").toString());
        assertEquals("trap: null array reference", pair.same("null-array").toString());
    }

    @Test
    void v128FieldsAndElementsKeepBothHalves() {
        long[] v = {0x0000000100000002L, 0xFFFFFFFF80000000L};
        long[] w = {0x10, 0x20};
        String vText = "v128 100000002 ffffffff80000000";
        // $v becomes v + w lane-wise (i64x2), the other fields keep what struct.new stored.
        assertEquals("[7, v128 100000012 ffffffff80000020, v128 10 20, 3]", pair.sameValues("v128-struct", v, w).toString());
        assertEquals("[v128 0 0]", pair.sameValues("v128-struct-default").toString());
        assertEquals("trap: null structure reference", pair.sameValues("v128-null-get").toString());
        assertEquals("trap: null structure reference", pair.sameValues("v128-null-set", v).toString());
        // Elements: [v, w, 2w, 2w] from array.new, array.set and array.fill.
        assertEquals("[4, " + vText + ", v128 10 20, v128 20 40]", pair.sameValues("v128-arrays", v, w, 4).toString());
        assertEquals("[2, " + vText + ", v128 10 20, v128 10 20]", pair.sameValues("v128-arrays", v, w, 2).toString());
        assertEquals("trap: out of bounds array access", pair.sameValues("v128-arrays", v, w, 1).toString());
        assertEquals("trap: array allocation exceeds the implementation limit", pair.sameValues("v128-arrays", v, w, -1).toString());
        // [v, w, v] copied one down: [w, v, v].
        assertEquals("[" + vText + ", v128 10 20, v128 0 0]", pair.sameValues("v128-fixed", v, w, 2).toString());
        assertEquals("[v128 10 20, v128 10 20, v128 0 0]", pair.sameValues("v128-fixed", v, w, 0).toString());
        assertEquals("trap: out of bounds array access", pair.sameValues("v128-fixed", v, w, 3).toString());
        assertEquals("trap: null array reference", pair.sameValues("v128-null-array").toString());
    }

    @Test
    void segmentsAndOverlappingCopies() {
        assertEquals("[1, 2, 3, 4]", pair.same("copy", 4).toString());
        assertEquals("trap: out of bounds array access", pair.same("copy", 7).toString());
        assertEquals("[4, 5]", pair.same("init-data", 3).toString());
        assertEquals("trap: out of bounds memory access", pair.same("init-data", 7).toString());
        assertEquals("[7, 8]", pair.same("elems", 0).toString());
        assertEquals("trap: out of bounds table access", pair.same("elems", 2).toString());
    }

    @Test
    void castsAndCastBranchesFollowTheSubtypeHierarchy() {
        assertEquals("[11]", pair.same("classify", 0).toString());
        assertEquals("[23]", pair.same("classify", 1).toString());
        assertEquals("[100]", pair.same("classify", 2).toString());
        assertEquals("[1000]", pair.same("classify", 3).toString());
        assertEquals("[2]", pair.same("cast", 1).toString());
        assertEquals("trap: cast failure", pair.same("cast", 0).toString());
        assertEquals("trap: cast failure", pair.same("cast", 3).toString());
        assertEquals("[1]", pair.same("cast-null", 3).toString());
        assertEquals("trap: cast failure", pair.same("cast-null", 2).toString());
        assertEquals("[1, 0]", pair.same("func-test").toString());
    }

    @Test
    void i31AndExternConversions() {
        assertEquals("[-1, 2147483647]", pair.same("i31", -1).toString());
        assertEquals("[-1073741824, 1073741824]", pair.same("i31", 0x40000000).toString());
        assertEquals("trap: null i31 reference", pair.same("i31-null").toString());
        // Beyond I31Ref's cache: equal values are still ref.eq, and the 32nd bit is dropped.
        assertEquals("[1]", pair.same("i31-eq", 5000, 5000).toString());
        assertEquals("[1]", pair.same("i31-eq", 5000, 5000 | 0x80000000).toString());
        assertEquals("[0]", pair.same("i31-eq", 5000, 5001).toString());
        assertEquals("[1, 1]", pair.same("extern-round-trip").toString());
    }
}
