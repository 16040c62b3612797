package dev.wasmrt.jit;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Bytecode size of an instruction list before it is assembled, erring on the large side (wide
 * constant-pool indices, maximal switch padding), so that a method estimated under a limit is
 * under it once written. Counting as instructions are emitted lets the splitter see where a
 * function crosses a size without assembling it.
 */
final class BytecodeSize {
    private final InsnList list;
    private AbstractInsnNode counted;
    private int bytes;

    BytecodeSize(InsnList list) { this.list = list; }

    /** The size of everything emitted so far. */
    int sofar() {
        AbstractInsnNode n = counted == null ? list.getFirst() : counted.getNext();
        for (; n != null; n = n.getNext()) {
            bytes += of(n);
            counted = n;
        }
        return bytes;
    }

    static int of(InsnList list) { return new BytecodeSize(list).sofar(); }

    static int of(AbstractInsnNode n) {
        return switch (n.getType()) {
            case AbstractInsnNode.LABEL, AbstractInsnNode.FRAME, AbstractInsnNode.LINE -> 0;
            case AbstractInsnNode.INSN -> 1;
            case AbstractInsnNode.INT_INSN -> ((IntInsnNode) n).getOpcode() == Opcodes.SIPUSH ? 3 : 2;
            case AbstractInsnNode.VAR_INSN -> {
                int v = ((VarInsnNode) n).var;
                yield v < 4 ? 1 : v < 256 ? 2 : 4;
            }
            case AbstractInsnNode.IINC_INSN -> {
                IincInsnNode i = (IincInsnNode) n;
                yield i.var < 256 && i.incr >= Byte.MIN_VALUE && i.incr <= Byte.MAX_VALUE ? 3 : 6;
            }
            case AbstractInsnNode.JUMP_INSN -> 3; // goto_w only past 32 KiB offsets, far beyond the sizes this guards
            case AbstractInsnNode.LDC_INSN, AbstractInsnNode.TYPE_INSN, AbstractInsnNode.FIELD_INSN -> 3;
            case AbstractInsnNode.METHOD_INSN -> n.getOpcode() == Opcodes.INVOKEINTERFACE ? 5 : 3;
            case AbstractInsnNode.INVOKE_DYNAMIC_INSN -> 5;
            case AbstractInsnNode.MULTIANEWARRAY_INSN -> 4;
            case AbstractInsnNode.TABLESWITCH_INSN -> 16 + 4 * ((TableSwitchInsnNode) n).labels.size();
            case AbstractInsnNode.LOOKUPSWITCH_INSN -> 12 + 8 * ((LookupSwitchInsnNode) n).labels.size();
            default -> throw new IllegalStateException("unknown instruction node type " + n.getType());
        };
    }
}
