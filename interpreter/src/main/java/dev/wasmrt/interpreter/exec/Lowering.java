package dev.wasmrt.interpreter.exec;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.validator.FunctionFacts;

import java.util.ArrayList;
import java.util.List;

import static dev.wasmrt.decoder.model.Opcodes.*;

/**
 * Rewrites a function body once, on its first call, into the interpreter's code. The layout
 * stays that of {@link Immediates} except:
 * <ul>
 *   <li>control instructions and branch targets become static jumps, as {@link ControlLowering}
 *       describes, with branch descriptors appended after the body;</li>
 *   <li>try, try_table: the block type becomes {@code paramSlots, resultSlots};</li>
 *   <li>local.get/set/tee: the index becomes a slot offset, and accesses to reference locals use
 *       the interpreter's own opcodes {@link #LOCAL_GET_REF} etc., so number locals never touch
 *       the reference array; global.get/set of reference globals likewise;</li>
 *   <li>v128 locals and globals, and drop and select on v128 operands, use the two-slot
 *       opcodes {@link #LOCAL_GET_V128} etc.</li>
 * </ul>
 */
final class Lowering {
    // Unassigned single-byte codes, so the main loop's switch stays one dense table (0x00-0xEF).
    static final int LOCAL_GET_REF = 0xE0;
    static final int LOCAL_SET_REF = 0xE1;
    static final int LOCAL_TEE_REF = 0xE2;
    static final int GLOBAL_GET_REF = 0xE3;
    static final int GLOBAL_SET_REF = 0xE4;
    static final int SELECT_REF = 0xE5;
    // v128 moves: two slots where the plain forms move one (0xD8-0xDF are unassigned too).
    static final int LOCAL_GET_V128 = 0xD8;
    static final int LOCAL_SET_V128 = 0xD9;
    static final int LOCAL_TEE_V128 = 0xDA;
    static final int GLOBAL_GET_V128 = 0xDB;
    static final int GLOBAL_SET_V128 = 0xDC;
    /** Untyped select on v128 operands, as the validator found them. */
    static final int SELECT_V128 = 0xDD;
    static final int SELECT_T_V128 = 0xDE;
    static final int DROP_V128 = 0xDF;
    /** br_on_cast and br_on_cast_fail, which branch and so cannot be delegated like the other GC instructions. */
    static final int BR_ON_CAST_LOCAL = 0xEE;
    static final int BR_ON_CAST_FAIL_LOCAL = 0xEF;

    private Lowering() {}

    static FunctionCode lower(Module module, FunctionFacts facts, int funcIndex) {
        Function fn = module.functions().get(funcIndex - module.importedFunctionCount());
        CompositeType.Func type = module.types().get(fn.typeIndex()).func();
        List<ValType> locals = new ArrayList<>(type.params());
        locals.addAll(fn.locals());
        int[] localSlot = new int[locals.size()];
        int slots = 0;
        for (int i = 0; i < locals.size(); i++) {
            localSlot[i] = slots;
            slots += slotsOf(locals.get(i));
        }
        int[] code = fn.body().ops().clone();
        ControlLowering control = new ControlLowering(facts, fn.body().ops(), code, slots);
        long maxStack = 4;
        for (int pc = 0; pc < code.length; pc += Opcodes.length(fn.body().ops(), pc)) {
            control.visit(pc);
            int op = code[pc];
            switch (op) {
                case TRY_TABLE, TRY -> {
                    // The handler records the stack height below the block's parameters.
                    setBlockType(module, code, pc);
                    if (op == TRY_TABLE) {
                        int n = code[pc + 4];
                        for (int c = 0; c < n; c++) {
                            int tag = code[pc + 6 + 3 * c];
                            maxStack += 1 + (tag < 0 ? 0 : slotsOf(funcOfTag(module, tag).params()));
                        }
                    }
                }
                case BLOCK, LOOP, IF, ELSE, CATCH_ALL -> { }
                case CATCH -> maxStack += slotsOf(funcOfTag(module, code[pc + 1]).params());
                case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                    int index = code[pc + 1];
                    if (locals.get(index).isRef()) code[pc] = op - LOCAL_GET + LOCAL_GET_REF;
                    if (slotsOf(locals.get(index)) == 2) code[pc] = op - LOCAL_GET + LOCAL_GET_V128;
                    code[pc + 1] = localSlot[index];
                    maxStack += 2;
                }
                case GLOBAL_GET, GLOBAL_SET -> {
                    ValType t = module.globalType(code[pc + 1]).type();
                    if (t.isRef()) code[pc] = op == GLOBAL_GET ? GLOBAL_GET_REF : GLOBAL_SET_REF;
                    if (slotsOf(t) == 2) code[pc] = op == GLOBAL_GET ? GLOBAL_GET_V128 : GLOBAL_SET_V128;
                    maxStack += 2;
                }
                case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                    code[pc] = op == BR_ON_CAST ? BR_ON_CAST_LOCAL : BR_ON_CAST_FAIL_LOCAL;
                    maxStack += 2;
                }
                case SELECT_T -> {
                    ValType t = ValType.decode(code[pc + 2]);
                    if (t.isRef()) code[pc] = SELECT_REF;
                    if (slotsOf(t) == 2) code[pc] = SELECT_T_V128;
                }
                case SELECT -> {
                    if (facts.isVectorOperand(pc)) code[pc] = SELECT_V128;
                }
                case DROP -> {
                    if (facts.isVectorOperand(pc)) code[pc] = DROP_V128;
                }
                case CALL, RETURN_CALL -> maxStack += slotsOf(module.types().get(module.functionTypeIndex(code[pc + 1])).func().results());
                case CALL_INDIRECT, RETURN_CALL_INDIRECT, CALL_REF, RETURN_CALL_REF ->
                        maxStack += slotsOf(module.types().get(code[pc + 1]).func().results());
                default -> maxStack += 2;
            }
        }
        // A hostile body could overflow an int here; beyond the store's slot limit the call traps anyway.
        int stack = (int) Math.min(maxStack, Integer.MAX_VALUE / 2);
        return new FunctionCode(control.withDescriptors(), slotsOf(type.params()), slots, slotsOf(type.results()), stack,
                control.maxHandlers());
    }

    private static CompositeType.Func funcOfTag(Module module, int tag) {
        return module.types().get(module.tagTypeIndex(tag)).func();
    }

    private static void setBlockType(Module module, int[] code, int pc) {
        int kind = code[pc + 1];
        int value = code[pc + 2];
        switch (kind) {
            case Immediates.BLOCK_EMPTY -> { code[pc + 1] = 0; code[pc + 2] = 0; }
            case Immediates.BLOCK_VALUE -> { code[pc + 1] = 0; code[pc + 2] = slotsOf(ValType.decode(value)); }
            default -> {
                CompositeType.Func f = module.types().get(value).func();
                code[pc + 1] = slotsOf(f.params());
                code[pc + 2] = slotsOf(f.results());
            }
        }
    }

    static int slotsOf(ValType t) { return t.kind() == ValType.Kind.V128 ? 2 : 1; }

    static int slotsOf(List<ValType> types) {
        int n = 0;
        for (ValType t : types) n += slotsOf(t);
        return n;
    }
}
