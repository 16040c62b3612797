package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;

import java.io.IOException;

/** The body of one WASI function: reads its arguments from {@code call} and returns an errno. */
@FunctionalInterface
interface WasiCall {
    int call(HostCall call) throws WasiError, IOException;
}
