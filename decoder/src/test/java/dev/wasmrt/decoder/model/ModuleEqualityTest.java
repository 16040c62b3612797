package dev.wasmrt.decoder.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ModuleEqualityTest {

    private static Module module(byte[] data, byte[] custom, int start) {
        Module.Builder b = Module.builder();
        b.types.add(SubType.plain(new CompositeType.Func(List.of(ValType.I32), List.of())));
        b.recGroups.add(new RecGroup(0, 1));
        b.functions.add(new Function(0, List.of(ValType.I64), new Expr(new int[] {Opcodes.END}, new int[] {7})));
        b.datas.add(new DataSegment(SegmentMode.PASSIVE, 0, null, data));
        b.customSections.add(new CustomSection("c", custom));
        b.start = start;
        return b.build();
    }

    @Test
    void equalPartsMakeEqualModules() {
        Module a = module(new byte[] {1, 2}, new byte[] {3}, 0);
        Module b = module(new byte[] {1, 2}, new byte[] {3}, 0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void contentsOfByteArraysCount() {
        Module a = module(new byte[] {1, 2}, new byte[] {3}, 0);
        assertNotEquals(a, module(new byte[] {1, 9}, new byte[] {3}, 0), "data bytes");
        assertNotEquals(a, module(new byte[] {1, 2}, new byte[] {4}, 0), "custom section bytes");
        assertNotEquals(a, module(new byte[] {1, 2}, new byte[] {3}, -1), "start function");
    }

    @Test
    void sourceOffsetsDoNotCount() {
        Expr x = new Expr(new int[] {Opcodes.NOP, Opcodes.END}, new int[] {1, 2});
        Expr y = new Expr(new int[] {Opcodes.NOP, Opcodes.END}, new int[] {10, 20});
        assertEquals(new Global(new GlobalType(ValType.I32, false), x), new Global(new GlobalType(ValType.I32, false), y));
    }
}
