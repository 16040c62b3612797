package dev.wasmrt.interpreter.gc;

import dev.wasmrt.interpreter.ExternRef;

/**
 * any.convert_extern and extern.convert_any. An externalised internal reference is an
 * {@link ExternRef} wrapping it, and internalising unwraps it again; a host value stays its
 * {@link ExternRef} in both directions, which is its any-view. Round trips therefore give back
 * the same internal object, and the same host value.
 */
public final class ExternConversions {
    private ExternConversions() {}

    public static Object internalize(Object externRef) {
        if (externRef instanceof ExternRef e && isInternal(e.value())) return e.value();
        return externRef;
    }

    public static Object externalize(Object anyRef) {
        if (anyRef == null || anyRef instanceof ExternRef) return anyRef;
        return new ExternRef(anyRef);
    }

    private static boolean isInternal(Object v) {
        return v instanceof WasmStruct || v instanceof WasmArray || v instanceof I31Ref;
    }
}
