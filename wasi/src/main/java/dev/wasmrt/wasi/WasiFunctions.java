package dev.wasmrt.wasi;

import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.HostFunction;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Trap;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines WASI functions as host functions of module {@value Wasi#MODULE}. Each returns its
 * errno as an i32: WasiError gives its own, host I/O failures are mapped, and a guest pointer
 * out of range (the memory's trap) gives FAULT. Nothing is allocated per call here.
 */
final class WasiFunctions {
    private final Imports imports;
    private final GuestMemory memory;

    WasiFunctions(Imports imports, GuestMemory memory) {
        this.imports = imports;
        this.memory = memory;
    }

    /** Defines {@code name} with parameters spelled one letter each: {@code i} for i32, {@code I} for i64. */
    void define(String name, String params, WasiCall body) {
        FuncType type = FuncType.of(types(params), List.of(ValType.I32));
        imports.define(Wasi.MODULE, name, new HostFunction(name, type, call -> call.resultI32(0, errnoOf(call, body))));
    }

    /** Defines a function with no result (proc_exit). */
    void defineNoResult(String name, String params, WasiCall body) {
        FuncType type = FuncType.of(types(params), List.of());
        imports.define(Wasi.MODULE, name, new HostFunction(name, type, call -> errnoOf(call, body)));
    }

    private int errnoOf(dev.wasmrt.interpreter.HostCall call, WasiCall body) {
        try {
            memory.bind(call);
            return body.call(call);
        } catch (WasiError e) {
            return e.errno;
        } catch (IOException e) {
            return Errno.of(e);
        } catch (Trap e) {
            return Errno.FAULT;
        } catch (InvalidPathException e) {
            return Errno.INVAL;
        } catch (UnsupportedOperationException e) {
            return Errno.NOTSUP;
        } catch (SecurityException e) {
            return Errno.ACCES;
        }
    }

    private static List<ValType> types(String params) {
        List<ValType> types = new ArrayList<>(params.length());
        for (int i = 0; i < params.length(); i++) types.add(params.charAt(i) == 'I' ? ValType.I64 : ValType.I32);
        return types;
    }
}
