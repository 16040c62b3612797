package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.HostFunction;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Wasm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every SIMD instruction, and v128 values through locals, blocks, calls, globals and exceptions, on both engines. */
class SimdDifferentialTest {
    /** Lane patterns that hit the edges: signs, saturation bounds, NaNs, infinities, -0, large shuffle indices. */
    private static final long[][] VECTORS = vectors();

    private static final long[] I32_EDGES = {0, 1, -1, 127, 128, 255, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFFL, 0xFFFFFFFF80000000L};
    private static final long[] I64_EDGES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0x0123456789ABCDEFL};
    private static final long[] F32_EDGES = {0, 0x80000000L, 0x3F800000L, 0x7FC00000L, 0x7FA00001L, 0xFF800000L, 0x4F000000L};
    private static final long[] F64_EDGES = {0, Long.MIN_VALUE, 0x3FF0000000000000L, 0x7FF8000000000000L, 0x7FF4000000000001L, 0xFFF0000000000000L};

    private static long[][] vectors() {
        List<long[]> v = new ArrayList<>(List.of(
                new long[] {0, 0}, new long[] {-1, -1},
                new long[] {0x0123456789ABCDEFL, 0xFEDCBA9876543210L},
                new long[] {0x8000000080000000L, 0x7FFFFFFF7FFFFFFFL},
                new long[] {0x8000800080008000L, 0x7FFF7FFF00010001L},
                new long[] {0x8080808080808080L, 0x7F7F7F7F01010101L},
                new long[] {0x7FC000007F800000L, 0xFF80000080000000L},
                new long[] {0x7FF8000000000000L, 0xFFF0000000000000L},
                new long[] {0x3FF0000000000000L, 0xC1E0000000000000L},
                new long[] {0x4F0000004F800000L, 0xCF000000BF800000L},
                new long[] {0x3F0000003FC00000L, 0x40200000C0200000L},
                new long[] {0x0F0E0D0C0B0A0908L, 0x1F1E111015141312L}));
        Random r = new Random(128);
        for (int i = 0; i < 4; i++) v.add(new long[] {r.nextLong(), r.nextLong()});
        return v.toArray(long[][]::new);
    }

    private static String scalarOf(String name) {
        String shape = name.substring(0, 5);
        return switch (shape) {
            case "i64x2" -> "i64";
            case "f32x4" -> "f32";
            case "f64x2" -> "f64";
            default -> "i32";
        };
    }

    private static long[] edgesOf(String scalar) {
        return switch (scalar) {
            case "i64" -> I64_EDGES;
            case "f32" -> F32_EDGES;
            case "f64" -> F64_EDGES;
            default -> I32_EDGES;
        };
    }

    /** Operand types and result of an instruction without immediates, from its name (independent of the code under test). */
    private static String[] shape(String name) {
        if (name.matches(".*(bitselect|laneselect|madd|nmadd|_add_s)")) return new String[] {"v128 v128 v128", "v128"};
        if (name.endsWith(".splat")) return new String[] {scalarOf(name), "v128"};
        if (name.matches(".*(any_true|all_true|bitmask)")) return new String[] {"v128", "i32"};
        if (name.matches(".*\\.(shl|shr_s|shr_u)")) return new String[] {"v128 i32", "v128"};
        if (name.matches(".*\\.(not|abs|neg|popcnt|sqrt|ceil|floor|trunc|nearest)|.*(extadd|extend|convert|demote|promote|trunc).*")) {
            return new String[] {"v128", "v128"};
        }
        return new String[] {"v128 v128", "v128"};
    }

    @Test
    void everyInstructionWithoutImmediatesAgrees() {
        StringBuilder wat = new StringBuilder("(module\n");
        List<String> names = new ArrayList<>();
        for (int op = Opcodes.PREFIX_FD; op < Opcodes.PREFIX_FD + 0x120; op++) {
            String name = Opcodes.name(op);
            if (name == null || Opcodes.immediates(op) != dev.wasmrt.decoder.model.Immediates.NONE) continue;
            String[] shape = shape(name);
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < shape[0].split(" ").length; i++) body.append("(local.get ").append(i).append(") ");
            wat.append("(func (export \"").append(name).append("\") (param ").append(shape[0]).append(") (result ").append(shape[1])
                    .append(") ").append(body).append(name).append(")\n");
            names.add(name);
        }
        Engines.Pair pair = Engines.pair(wat.append(")").toString());
        assertTrue(Engines.fallbacks(pair).isEmpty(), () -> "fell back: " + Engines.fallbacks(pair));
        assertTrue(names.size() > 200, "instructions covered: " + names.size());
        for (String name : names) {
            String[] params = shape(name)[0].split(" ");
            int n = VECTORS.length;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (params.length == 1 && j > 0) break;
                    Object[] args = new Object[params.length];
                    for (int k = 0; k < params.length; k++) {
                        int pick = k == 0 ? i : k == 1 ? j : (i + j) % n;
                        args[k] = params[k].equals("v128") ? VECTORS[pick] : (Object) scalar(params[k], name, pick);
                    }
                    int floatLanes = name.startsWith("f32x4.") ? 32 : name.startsWith("f64x2.") ? 64 : 0;
                    if (floatLanes == 0) pair.sameValues(name, args);
                    else pair.sameValuesAnyNaN(floatLanes, name, args);
                }
            }
        }
    }

    /** A scalar operand: edge values for splats, shift counts around the lane widths for shifts. */
    private static long scalar(String type, String name, int pick) {
        if (name.matches(".*\\.(shl|shr_s|shr_u)")) {
            long[] counts = {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, -1, 200};
            return counts[pick % counts.length];
        }
        long[] edges = edgesOf(type);
        return edges[pick % edges.length];
    }

    @Test
    void laneAccessAndShufflesAgree() {
        String[] shapes = {"i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"};
        int[] lanes = {16, 8, 4, 2, 4, 2};
        StringBuilder wat = new StringBuilder("(module\n");
        List<String[]> calls = new ArrayList<>();
        for (int s = 0; s < shapes.length; s++) {
            String scalar = scalarOf(shapes[s]);
            for (int lane : IntStream.of(0, 1, lanes[s] / 2, lanes[s] - 1).distinct().toArray()) {
                boolean integerNarrow = s < 2;
                for (String extract : integerNarrow ? new String[] {"extract_lane_s", "extract_lane_u"} : new String[] {"extract_lane"}) {
                    String f = shapes[s] + "." + extract + "." + lane;
                    wat.append("(func (export \"").append(f).append("\") (param v128) (result ").append(scalar).append(") (")
                            .append(shapes[s]).append('.').append(extract).append(' ').append(lane).append(" (local.get 0)))\n");
                    calls.add(new String[] {f, "v128"});
                }
                String f = shapes[s] + ".replace_lane." + lane;
                wat.append("(func (export \"").append(f).append("\") (param v128 ").append(scalar).append(") (result v128) (")
                        .append(shapes[s]).append(".replace_lane ").append(lane).append(" (local.get 0) (local.get 1)))\n");
                calls.add(new String[] {f, "v128", scalar});
            }
        }
        String[] shuffles = {"0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15", "31 30 29 28 27 26 25 24 23 22 21 20 19 18 17 16",
                "0 16 1 17 2 18 3 19 4 20 5 21 6 22 7 23", "15 15 15 15 0 0 0 0 31 31 16 16 8 24 9 25"};
        for (int i = 0; i < shuffles.length; i++) {
            wat.append("(func (export \"shuffle").append(i).append("\") (param v128 v128) (result v128) (i8x16.shuffle ")
                    .append(shuffles[i]).append(" (local.get 0) (local.get 1)))\n");
            calls.add(new String[] {"shuffle" + i, "v128", "v128"});
        }
        wat.append("(func (export \"const\") (result v128) (v128.const i32x4 0x01020304 -1 0x80000000 7))\n");
        wat.append("(func (export \"fconst\") (result v128) (v128.const f32x4 nan -inf -0 1.5))\n");
        Engines.Pair pair = Engines.pair(wat.append(")").toString());
        assertTrue(Engines.fallbacks(pair).isEmpty(), () -> "fell back: " + Engines.fallbacks(pair));
        assertEquals("[v128 ffffffff01020304 780000000]", pair.same("const").toString());
        pair.same("fconst");
        for (String[] c : calls) {
            for (int i = 0; i < VECTORS.length; i++) {
                Object[] args = new Object[c.length - 1];
                for (int k = 1; k < c.length; k++) {
                    args[k - 1] = c[k].equals("v128") ? VECTORS[(i + k - 1) % VECTORS.length] : (Object) edgesOf(c[k])[i % edgesOf(c[k]).length];
                }
                pair.sameValues(c[0], args);
            }
        }
    }

    private static final String MEMORY_WAT = """
            (module
              (memory $m %s 1)
              (data (%s.const 0) "\\00\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\80\\81\\82\\ff\\fe\\7f\\7e\\40")
              %s)
            """;

    /** Loads at several addresses (the last ones out of bounds), stores read back, for a 32- and a 64-bit memory. */
    @Test
    void memoryAccessAgrees() {
        for (String index : new String[] {"i32", "i64"}) {
            String memoryType = index.equals("i64") ? "i64" : "";
            StringBuilder funcs = new StringBuilder();
            List<String> loads = new ArrayList<>();
            for (String load : new String[] {"v128.load", "v128.load8x8_s", "v128.load8x8_u", "v128.load16x4_s", "v128.load16x4_u",
                    "v128.load32x2_s", "v128.load32x2_u", "v128.load8_splat", "v128.load16_splat", "v128.load32_splat",
                    "v128.load64_splat", "v128.load32_zero", "v128.load64_zero"}) {
                funcs.append("(func (export \"").append(load).append("\") (param ").append(index).append(") (result v128) (")
                        .append(load).append(" offset=3 (local.get 0)))\n");
                loads.add(load);
            }
            for (int bits : new int[] {8, 16, 32, 64}) {
                String ll = "v128.load" + bits + "_lane";
                funcs.append("(func (export \"").append(ll).append("\") (param ").append(index).append(" v128) (result v128) (")
                        .append(ll).append(" offset=1 1 (local.get 0) (local.get 1)))\n");
                String sl = "v128.store" + bits + "_lane";
                funcs.append("(func (export \"").append(sl).append("\") (param ").append(index).append(" v128) (result i64) (")
                        .append(sl).append(" 1 (local.get 0) (local.get 1)) (i64.load (local.get 0)))\n");
            }
            funcs.append("(func (export \"store\") (param ").append(index).append(" v128) (result v128) (v128.store offset=2 (local.get 0) (local.get 1))")
                    .append(" (v128.load offset=2 (local.get 0)))\n");
            String wat = MEMORY_WAT.formatted(memoryType, index, funcs);
            Engines.Pair pair = Engines.pair(wat);
            assertTrue(Engines.fallbacks(pair).isEmpty(), () -> "fell back: " + Engines.fallbacks(pair));
            long[] addresses = {0, 1, 5, 8, 65536 - 19, 65536 - 18, 65536 - 16, 65536 - 8, 65536 - 1, 65536, -1, -3};
            for (long a : addresses) {
                for (String load : loads) pair.same(load, a);
                for (int bits : new int[] {8, 16, 32, 64}) {
                    pair.sameValues("v128.load" + bits + "_lane", a, VECTORS[2]);
                    pair.sameValues("v128.store" + bits + "_lane", a, VECTORS[3]);
                }
                pair.sameValues("store", a, VECTORS[2]);
            }
            assertEquals("trap: out of bounds memory access", pair.same("v128.load", 65536 - 18).toString());
        }
    }

    /**
     * Passes a v128 through {@code $wide}, whose parameters take more slots than a JVM method
     * may: both it and every function calling it stay interpreted, so FLOW_WAT mixes engines.
     */
    private static final String THROUGH_WIDE = "(call $wide (local.get 0)" + " (i64.const 0)".repeat(130) + ")";

    private static final String FLOW_WAT = """
            (module
              (import "env" "host-swap" (func $host-swap (param v128 i32) (result i32 v128)))
              (type $vv (func (param v128) (result v128)))
              (type $mix (func (param i32 v128 f64) (result f64 v128 i32)))
              (tag $vec (param i64 v128 i32))
              (table 2 funcref)
              (elem (i32.const 0) $twice $mix)
              (global $g (mut v128) (v128.const i64x2 5 6))
              (global $c v128 (v128.const i32x4 1 2 3 4))
              (memory 1)
              (func $twice (type $vv) (i32x4.add (local.get 0) (local.get 0)))
              (func $mix (type $mix)
                (local.get 2) (local.get 1) (local.get 0))
              (func $wide (param v128{WIDE}) (result v128) (local.get 0))
              (func $interpreted (param v128) (result v128)
                (i64x2.add {THROUGH_WIDE} (global.get $c)))
              (func (export "locals") (param v128 i32) (result v128)
                (local $acc v128) (local $i i32)
                (loop $next
                  (local.set $acc (i32x4.add (local.get $acc) (local.get 0)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $next (i32.lt_u (local.get $i) (local.get 1))))
                (local.get $acc))
              (func (export "blocks") (param v128 i32) (result v128)
                (block $out (result v128)
                  (if (result v128) (local.get 1)
                    (then (br $out (i8x16.neg (local.get 0))))
                    (else (local.get 0)))
                  (br_table $out $out (i32.const 1))))
              (func (export "select") (param v128 v128 i32) (result v128 v128)
                (select (local.get 0) (local.get 1) (local.get 2))
                (select (result v128) (local.get 1) (local.get 0) (local.get 2)))
              (func (export "calls") (param v128) (result v128)
                (call $twice (call $twice (local.get 0))))
              (func (export "indirect") (param v128 i32) (result v128)
                (call_indirect (type $vv) (local.get 0) (local.get 1)))
              (func (export "ref") (param v128) (result v128)
                (call_ref $vv (local.get 0) (ref.func $twice)))
              (func (export "multi") (param v128) (result i32 f64 v128)
                (local $f f64) (local $v v128) (local $i i32)
                (call $mix (i32.const 7) (local.get 0) (f64.const 2.5))
                (local.set $i) (local.set $v) (local.set $f)
                (local.get $i) (local.get $f) (local.get $v))
              (func (export "indirect-multi") (param v128) (result f64 v128 i32)
                (call_indirect (type $mix) (i32.const 9) (local.get 0) (f64.const -1) (i32.const 1)))
              (func (export "host") (param v128) (result v128 i32)
                (local $n i32)
                (call $host-swap (local.get 0) (i32.const 3))
                (local.set 0)
                (local.set $n)
                (local.get 0) (i32.add (local.get $n) (i32.const 1)))
              (func (export "interpreted") (param v128) (result v128)
                (call $interpreted (local.get 0)))
              (func (export "globals") (param v128) (result v128)
                (global.set $g (i64x2.add (global.get $g) (local.get 0)))
                (global.get $g))
              (func $tail (param v128 i32) (result v128)
                (if (result v128) (i32.eqz (local.get 1))
                  (then (local.get 0))
                  (else (return_call $tail-other (i16x8.add (local.get 0) (local.get 0)) (i32.sub (local.get 1) (i32.const 1))))))
              (func $tail-other (param v128 i32) (result v128)
                (return_call $tail (local.get 0) (local.get 1)))
              (func (export "tail") (param v128 i32) (result v128)
                (return_call $tail (local.get 0) (local.get 1)))
              (func (export "tail-indirect") (param v128) (result v128)
                (return_call_indirect (type $vv) (local.get 0) (i32.const 0)))
              (func $thrower (param v128)
                (throw $vec (i64.const -2) (local.get 0) (i32.const 42)))
              (func (export "exceptions") (param v128) (result i64 v128 i32)
                (block $h (result i64 v128 i32)
                  (try_table (catch $vec $h)
                    (call $thrower (local.get 0)))
                  (unreachable)))
              (func (export "uncaught") (param v128)
                (call $thrower (local.get 0)))
              (func $interpreted-thrower (param v128)
                (throw $vec (i64.const 9) {THROUGH_WIDE} (i32.const -1)))
              (func (export "catch-from-interpreted") (param v128) (result i64 v128 i32)
                (block $h (result i64 v128 i32)
                  (try_table (catch $vec $h)
                    (call $interpreted-thrower (local.get 0)))
                  (unreachable)))
              (func (export "interpreted-catch") (param v128) (result i64 v128 i32)
                (block $h (result i64 v128 i32)
                  (try_table (catch $vec $h)
                    (call $thrower {THROUGH_WIDE}))
                  (unreachable))))
            """.replace("{WIDE}", " i64".repeat(130)).replace("{THROUGH_WIDE}", THROUGH_WIDE);

    private static Imports flowImports() {
        FuncType type = FuncType.of(List.of(ValType.V128, ValType.I32), List.of(ValType.I32, ValType.V128));
        return new Imports().define("env", "host-swap", new HostFunction("host-swap", type, call -> {
            call.resultBits(0, call.argBits(2) * 10);
            call.resultBits(1, call.argBits(1));
            call.resultBits(2, call.argBits(0));
        }));
    }

    @Test
    void v128ValuesFlowThroughControlCallsGlobalsAndExceptions() {
        Engines.Pair pair = Engines.pair(Wasm.parse(FLOW_WAT), SimdDifferentialTest::flowImports);
        Map<Integer, String> fallbacks = Engines.fallbacks(pair);
        assertEquals(4, fallbacks.size(), () -> "fell back: " + fallbacks);
        assertTrue(fallbacks.values().stream().allMatch(r -> r.equals("too many parameters")), fallbacks::toString);
        long[] v = {0x0000000100000002L, 0x00000003FFFFFFFFL};
        assertEquals("[v128 300000006 9fffffffd]", pair.sameValues("locals", v, 3).toString());
        pair.sameValues("locals", v, 0);
        pair.sameValues("blocks", v, 0);
        pair.sameValues("blocks", v, 1);
        pair.sameValues("select", v, VECTORS[2], 0);
        pair.sameValues("select", v, VECTORS[2], 1);
        assertEquals("[v128 400000008 cfffffffc]", pair.sameValues("calls", v).toString());
        pair.sameValues("indirect", v, 0);
        assertEquals("trap: indirect call type mismatch", pair.sameValues("indirect", v, 1).toString());
        pair.sameValues("ref", v);
        assertEquals("[7, " + Double.doubleToRawLongBits(2.5) + ", v128 100000002 3ffffffff]", pair.sameValues("multi", v).toString());
        pair.sameValues("indirect-multi", v);
        assertEquals("[v128 3ffffffff 100000002, 31]", pair.sameValues("host", v).toString());
        assertEquals("[v128 300000003 800000002]", pair.sameValues("interpreted", v).toString());
        pair.sameValues("globals", v);
        pair.sameValues("globals", v);
        pair.sameValues("tail", v, 0);
        pair.sameValues("tail", v, 5);
        pair.sameValues("tail", v, 20000);
        pair.sameValues("tail-indirect", v);
        assertEquals("[-2, v128 100000002 3ffffffff, 42]", pair.sameValues("exceptions", v).toString());
        pair.sameValues("uncaught", v);
        assertEquals("[9, v128 100000002 3ffffffff, -1]", pair.sameValues("catch-from-interpreted", v).toString());
        assertEquals("[-2, v128 100000002 3ffffffff, 42]", pair.sameValues("interpreted-catch", v).toString());
    }
}
