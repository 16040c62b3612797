package dev.wasmrt.interpreter.exec;

import dev.wasmrt.interpreter.ExecContext;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.FunctionInstance;
import dev.wasmrt.interpreter.Instance;

/** A defined function run by the interpreter; its code is lowered on the first call. */
final class InterpretedFunction extends FunctionInstance {
    final Instance instance;
    final int index;
    private final InterpreterModule module;
    private FunctionCode code;

    InterpretedFunction(FuncType type, Instance instance, int index, InterpreterModule module) {
        super(type);
        this.instance = instance;
        this.index = index;
        this.module = module;
    }

    FunctionCode code() {
        FunctionCode c = code;
        if (c == null) {
            c = module.code(index);
            code = c;
        }
        return c;
    }

    @Override
    public void invoke(ExecContext ctx, int base) {
        Machine.of(ctx).execute(this, base);
    }

    @Override
    public String debugName() { return instance.functionName(index); }
}
