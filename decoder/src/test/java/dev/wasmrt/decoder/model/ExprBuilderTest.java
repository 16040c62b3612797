package dev.wasmrt.decoder.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ExprBuilderTest {

    @Test
    void linksIfElseEnd() {
        ExprBuilder b = new ExprBuilder();
        b.instr(Opcodes.IF, 0);          // pc 0
        b.imm(Immediates.BLOCK_EMPTY); b.imm(0); b.imm(-1); b.imm(-1);
        b.instr(Opcodes.NOP, 2);         // pc 5
        assertTrue(b.instr(Opcodes.ELSE, 3)); // pc 6
        b.imm(-1);
        b.instr(Opcodes.END, 4);         // pc 8
        b.instr(Opcodes.END, 5);         // pc 9, closes the body
        int[] ops = b.build().ops();
        assertEquals(6, ops[3], "elsePc");
        assertEquals(8, ops[4], "endPc of if");
        assertEquals(8, ops[7], "endPc of else");
        assertTrue(b.isClosed());
    }

    @Test
    void linksLegacyTryHandlers() {
        ExprBuilder b = new ExprBuilder();
        b.instr(Opcodes.TRY, 0);                              // pc 0
        b.imm(Immediates.BLOCK_EMPTY); b.imm(0); b.imm(-1); b.imm(-1);
        b.instr(Opcodes.CATCH, 1); b.imm(7); b.imm(-1); b.imm(-1); // pc 5
        b.instr(Opcodes.CATCH_ALL, 2); b.imm(-1);               // pc 9
        b.instr(Opcodes.END, 3);                              // pc 11
        int[] ops = b.build().ops();
        assertEquals(11, ops[3]);
        assertEquals(5, ops[4]);
        assertEquals(9, ops[7], "next handler");
        assertEquals(11, ops[8]);
        assertEquals(11, ops[10]);
        assertFalse(b.instr(Opcodes.CATCH, 4), "catch outside try");
    }

    @Test
    void rejectsElseOutsideIf() {
        ExprBuilder b = new ExprBuilder();
        b.instr(Opcodes.BLOCK, 0);
        b.imm(Immediates.BLOCK_EMPTY); b.imm(0); b.imm(-1);
        assertFalse(b.instr(Opcodes.ELSE, 1));
    }

    @Property(tries = 50)
    void nestedBlocksEndAtTheirOwnEnd(@ForAll @IntRange(min = 1, max = 200) int depth) {
        ExprBuilder b = new ExprBuilder();
        for (int i = 0; i < depth; i++) {
            b.instr(Opcodes.BLOCK, i);
            b.imm(Immediates.BLOCK_EMPTY); b.imm(0); b.imm(-1);
        }
        for (int i = 0; i < depth; i++) b.instr(Opcodes.END, depth + i);
        int[] ops = b.build().ops();
        for (int i = 0; i < depth; i++) {
            int start = 4 * i;
            assertEquals(4 * depth + (depth - 1 - i), ops[start + 3]);
        }
        assertEquals(0, b.openBlocks());
    }
}
