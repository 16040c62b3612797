package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The calling guest's exported {@code memory}, seen through little-endian accessors that take
 * guest pointers (unsigned 32-bit). Out-of-range accesses raise the memory's trap, which the
 * call boundary turns into FAULT. Also owns a reusable scratch buffer for I/O.
 */
final class GuestMemory {
    private Instance boundInstance;
    private Memory memory;
    private byte[] scratch = new byte[8192];

    /** Binds the memory of the instance making {@code call}; cheap when the caller is unchanged. */
    void bind(HostCall call) throws WasiError {
        Instance caller = call.caller();
        if (caller == boundInstance && memory != null) return;
        Memory exported = caller == null ? null : caller.memory("memory");
        if (exported == null) throw new WasiError(Errno.FAULT);
        boundInstance = caller;
        memory = exported;
    }

    private long address(int pointer) {
        return memory.effectiveAddress(pointer, 0);
    }

    int i32(int pointer) { return memory.loadI32(address(pointer)); }

    long i64(int pointer) { return memory.loadI64(address(pointer)); }

    int u8(int pointer) { return memory.loadU8(address(pointer)); }

    int u16(int pointer) { return memory.loadU16(address(pointer)); }

    void putI8(int pointer, int value) { memory.storeI8(address(pointer), value); }

    void putI16(int pointer, int value) { memory.storeI16(address(pointer), value); }

    void putI32(int pointer, int value) { memory.storeI32(address(pointer), value); }

    void putI64(int pointer, long value) { memory.storeI64(address(pointer), value); }

    void read(int pointer, byte[] into, int offset, int length) { memory.read(address(pointer), into, offset, length); }

    void write(int pointer, byte[] from, int offset, int length) { memory.write(address(pointer), from, offset, length); }

    /** Zero-fills {@code length} bytes; traps first when any of them is out of range. */
    void zero(int pointer, int length) { memory.fill(address(pointer), 0, length & 0xFFFFFFFFL); }

    /** A scratch array of at least {@code size} bytes, valid until the next call that asks for one. */
    byte[] scratch(int size) {
        if (scratch.length < size) scratch = new byte[Math.max(size, scratch.length * 2)];
        return scratch;
    }

    /** Reads a guest string: {@code length} bytes of strict UTF-8 (ILSEQ otherwise). */
    String string(int pointer, int length) throws WasiError {
        if (length < 0) throw new WasiError(Errno.INVAL);
        byte[] bytes = new byte[length];
        read(pointer, bytes, 0, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }
}
