package dev.wasmrt.jit;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Function;
import dev.wasmrt.decoder.model.Immediates;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.Opcodes;
import dev.wasmrt.decoder.model.ValType;

import java.util.List;

/**
 * Decides whether the compiler translates a function or leaves it to the interpreter, and says
 * why not: only JVM limits (parameter slots, locals) stand in the way.
 */
final class FunctionSupport {
    private FunctionSupport() {}

    /** Parameter slots the JVM allows, less the state, the context and the dispatch extras. */
    static final int MAX_PARAM_SLOTS = 250;
    static final int MAX_LOCAL_SLOTS = 60_000;

    /** Null when the function at {@code funcIndex} can be compiled, else the reason it cannot. */
    static String unsupportedReason(Module module, int funcIndex) {
        Function fn = module.functions().get(funcIndex - module.importedFunctionCount());
        CompositeType.Func type = module.types().get(fn.typeIndex()).func();
        String sig = signatureProblem(type);
        if (sig != null) return sig;
        int slots = 0;
        for (ValType t : fn.locals()) slots += JvmType.of(t).size;
        if (slots + JvmType.slots(JvmType.of(type.params())) > MAX_LOCAL_SLOTS) return "too many locals";
        int[] ops = fn.body().ops();
        for (int pc = 0; pc < ops.length; pc += Opcodes.length(ops, pc)) {
            String why = instructionProblem(module, funcIndex, ops, pc);
            if (why != null) return why;
        }
        return null;
    }

    /** True when the function makes a tail call other than to itself: it then runs under a trampoline. */
    static boolean tailCallsOthers(Module module, int funcIndex) {
        int[] ops = module.functions().get(funcIndex - module.importedFunctionCount()).body().ops();
        for (int pc = 0; pc < ops.length; pc += Opcodes.length(ops, pc)) {
            int op = ops[pc];
            if (op == Opcodes.RETURN_CALL_INDIRECT || op == Opcodes.RETURN_CALL_REF) return true;
            if (op == Opcodes.RETURN_CALL && ops[pc + 1] != funcIndex) return true;
        }
        return false;
    }

    /** Null when a function type has a JVM signature the compiler can call directly. */
    static String signatureProblem(CompositeType.Func type) {
        if (JvmType.slots(JvmType.of(type.params())) > MAX_PARAM_SLOTS) return "too many parameters";
        return null;
    }

    private static String instructionProblem(Module module, int funcIndex, int[] ops, int pc) {
        int op = ops[pc];
        switch (op) {
            case Opcodes.RETURN_CALL:
                return signatureProblem(module.types().get(module.functionTypeIndex(ops[pc + 1])).func());
            case Opcodes.RETURN_CALL_INDIRECT, Opcodes.RETURN_CALL_REF:
                return signatureProblem(module.types().get(ops[pc + 1]).func());
            case Opcodes.CALL:
                return signatureProblem(module.types().get(module.functionTypeIndex(ops[pc + 1])).func());
            case Opcodes.CALL_INDIRECT, Opcodes.CALL_REF:
                return signatureProblem(module.types().get(ops[pc + 1]).func());
            case Opcodes.THROW, Opcodes.CATCH:
                return signatureProblem(module.types().get(module.tagTypeIndex(ops[pc + 1])).func());
            default:
                return null;
        }
    }

    static List<ValType> blockParams(Module module, int kind, int value) {
        return kind == Immediates.BLOCK_TYPE_INDEX ? module.types().get(value).func().params() : List.of();
    }

    static List<ValType> blockResults(Module module, int kind, int value) {
        return switch (kind) {
            case Immediates.BLOCK_EMPTY -> List.of();
            case Immediates.BLOCK_VALUE -> List.of(ValType.decode(value));
            default -> module.types().get(value).func().results();
        };
    }
}
