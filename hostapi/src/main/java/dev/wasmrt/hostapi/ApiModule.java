package dev.wasmrt.hostapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmrt.decoder.model.ValType;
import dev.wasmrt.interpreter.FuncType;
import dev.wasmrt.interpreter.HostCall;
import dev.wasmrt.interpreter.HostCode;
import dev.wasmrt.interpreter.HostFunction;
import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code api} import module of one guest run. Pointers and lengths are i32 offsets into the
 * guest's exported {@code memory}; a bad region (see {@link GuestMemory#isValid}) makes a call
 * return {@value #BAD_REGION}.
 *
 * <p>Functions that answer in JSON write it compactly into {@code (out_ptr, out_cap)}, cut to
 * {@code out_cap} bytes, and return the count written. The extra import
 * {@code last_output_len() -> i32} (not in the original runtime) tells the full size of the last
 * such answer, so a guest that sees {@code written == out_cap} can retry with a buffer that fits.
 */
public final class ApiModule {
    public static final String MODULE = "api";
    public static final int BAD_REGION = -2;


    private final ObjectNode header;
    private final LogBook log;
    private final PackageKitCalls packageKit;
    private int lastOutputLength;

    /** @param header the object the guest reads on its standard input */
    public ApiModule(String moduleId, ObjectNode header, PackageKit packageKit, Clock clock) {
        this.header = header.deepCopy();
        this.log = new LogBook(moduleId, clock);
        this.packageKit = new PackageKitCalls(packageKit);
    }

    /** The lines written through {@code log}, oldest first. */
    public List<String> logLines() {
        return log.lines();
    }

    /** Offers every function of the module to instantiation under the name {@value #MODULE}. */
    public void defineInto(Imports imports) {
        define(imports, "log", 3, 0, call -> log(memory(call), call.argI32(0), call.argI32(1), call.argI32(2)));
        define(imports, "exec", 4, 1, call -> call.resultI32(0,
                exec(memory(call), call.argI32(0), call.argI32(1), call.argI32(2), call.argI32(3))));
        define(imports, "header", 2, 1, call -> call.resultI32(0, header(memory(call), call.argI32(0), call.argI32(1))));
        define(imports, "header_has", 2, 1, call -> call.resultI32(0, headerHas(memory(call), call.argI32(0), call.argI32(1))));
        define(imports, "header_get", 4, 1, call -> call.resultI32(0,
                headerGet(memory(call), call.argI32(0), call.argI32(1), call.argI32(2), call.argI32(3))));
        define(imports, "last_output_len", 0, 1, call -> call.resultI32(0, lastOutputLength()));
        define(imports, "packagekit_available", 0, 1, call -> call.resultI32(0, packageKit.available()));
        define(imports, "packagekit_status", 2, 1, call -> call.resultI32(0,
                packageKitStatus(memory(call), call.argI32(0), call.argI32(1))));
        define(imports, "packagekit_packages", 2, 1, call -> call.resultI32(0,
                packageKitPackages(memory(call), call.argI32(0), call.argI32(1))));
        define(imports, "packagekit_history", 4, 1, call -> call.resultI32(0,
                packageKitRequest(memory(call), call.argI32(0), call.argI32(1), call.argI32(2), call.argI32(3), packageKit::history)));
        for (PackageKit.Change change : PackageKit.Change.values()) {
            String name = "packagekit_" + switch (change) {
                case INSTALL -> "install";
                case REMOVE -> "remove";
                case UPDATE -> "upgrade";
            };
            define(imports, name, 4, 1, call -> call.resultI32(0, packageKitRequest(memory(call),
                    call.argI32(0), call.argI32(1), call.argI32(2), call.argI32(3), request -> packageKit.change(change, request))));
        }
    }

    void log(Memory memory, int level, int pointer, int length) {
        if (GuestMemory.isValid(memory, pointer, length)) {
            String message = GuestMemory.readUtf8(memory, pointer, length);
            if (message != null) {
                log.add(level, message);
            }
        }
    }

    int exec(Memory memory, int requestPointer, int requestLength, int outPointer, int outCapacity) {
        if (!GuestMemory.isValid(memory, requestPointer, requestLength) || !GuestMemory.isValid(memory, outPointer, outCapacity)) {
            return BAD_REGION;
        }
        HostCommand.Request request = HostCommand.parse(readJson(memory, requestPointer, requestLength));
        if (request == null) {
            return BAD_REGION;
        }
        return reply(memory, outPointer, outCapacity, HostCommand.run(request));
    }

    int header(Memory memory, int outPointer, int outCapacity) {
        if (!GuestMemory.isValid(memory, outPointer, outCapacity)) {
            return BAD_REGION;
        }
        return reply(memory, outPointer, outCapacity, header);
    }

    int headerHas(Memory memory, int pointer, int length) {
        if (!GuestMemory.isValid(memory, pointer, length)) {
            return BAD_REGION;
        }
        String jsonPointer = GuestMemory.readUtf8(memory, pointer, length);
        if (jsonPointer == null) {
            return BAD_REGION;
        }
        return HeaderPointer.resolve(header, jsonPointer) == null ? 0 : 1;
    }

    int headerGet(Memory memory, int pointer, int length, int outPointer, int outCapacity) {
        if (!GuestMemory.isValid(memory, pointer, length) || !GuestMemory.isValid(memory, outPointer, outCapacity)) {
            return BAD_REGION;
        }
        String jsonPointer = GuestMemory.readUtf8(memory, pointer, length);
        if (jsonPointer == null) {
            return BAD_REGION;
        }
        JsonNode value = HeaderPointer.resolve(header, jsonPointer);
        return reply(memory, outPointer, outCapacity, value == null ? NullNode.instance : value);
    }

    int lastOutputLength() {
        return lastOutputLength;
    }

    int packageKitStatus(Memory memory, int outPointer, int outCapacity) {
        if (!GuestMemory.isValid(memory, outPointer, outCapacity)) {
            return BAD_REGION;
        }
        return reply(memory, outPointer, outCapacity, packageKit.status());
    }

    int packageKitPackages(Memory memory, int outPointer, int outCapacity) {
        if (!GuestMemory.isValid(memory, outPointer, outCapacity)) {
            return BAD_REGION;
        }
        return reply(memory, outPointer, outCapacity, packageKit.installedPackages());
    }

    int packageKitRequest(Memory memory, int requestPointer, int requestLength, int outPointer, int outCapacity,
                          Function<JsonNode, JsonNode> call) {
        if (!GuestMemory.isValid(memory, requestPointer, requestLength) || !GuestMemory.isValid(memory, outPointer, outCapacity)) {
            return BAD_REGION;
        }
        JsonNode request = readJson(memory, requestPointer, requestLength);
        JsonNode answer = request == null
                ? PackageKitCalls.badRequest("expected a JSON object in UTF-8")
                : call.apply(request);
        return reply(memory, outPointer, outCapacity, answer);
    }

    private int reply(Memory memory, int outPointer, int outCapacity, JsonNode value) {
        byte[] bytes = JsonText.write(value).getBytes(StandardCharsets.UTF_8);
        lastOutputLength = bytes.length;
        return GuestMemory.writeTruncated(memory, outPointer, outCapacity, bytes);
    }

    /** The region's JSON, or null when it is not UTF-8 JSON. */
    private static JsonNode readJson(Memory memory, int pointer, int length) {
        String text = GuestMemory.readUtf8(memory, pointer, length);
        if (text == null) {
            return null;
        }
        try {
            return JsonText.read(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static Memory memory(HostCall call) {
        Instance caller = call.caller();
        return caller != null && caller.export("memory") instanceof Memory memory ? memory : null;
    }

    private static void define(Imports imports, String name, int params, int results, HostCode code) {
        FuncType type = FuncType.of(Collections.nCopies(params, ValType.I32), Collections.nCopies(results, ValType.I32));
        imports.define(MODULE, name, new HostFunction(MODULE + "." + name, type, code));
    }
}
