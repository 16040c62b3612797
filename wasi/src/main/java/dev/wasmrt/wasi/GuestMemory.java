package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;
import dev.wasmrt.interpreter.Instance;
import dev.wasmrt.interpreter.Memory;
import dev.wasmrt.interpreter.Trap;

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
    private Instance caller;
    private Instance boundInstance;
    private Memory memory;
    private byte[] scratch = new byte[8192];

    /** Notes the instance making {@code call}; its memory is looked up when first touched. */
    void bind(HostCall call) {
        caller = call.caller();
    }

    /** The caller's exported memory; a guest without one faults like any bad pointer. */
    private Memory memory() {
        if (caller != boundInstance) {
            boundInstance = caller;
            memory = caller != null && caller.export("memory") instanceof Memory exported ? exported : null;
        }
        if (memory == null) throw Trap.memoryOutOfBounds();
        return memory;
    }

    private long address(int pointer) {
        return memory().effectiveAddress(pointer, 0);
    }

    int i32(int pointer) { return memory().loadI32(address(pointer)); }

    long i64(int pointer) { return memory().loadI64(address(pointer)); }

    int u8(int pointer) { return memory().loadU8(address(pointer)); }

    int u16(int pointer) { return memory().loadU16(address(pointer)); }

    void putI8(int pointer, int value) { memory().storeI8(address(pointer), value); }

    void putI16(int pointer, int value) { memory().storeI16(address(pointer), value); }

    void putI32(int pointer, int value) { memory().storeI32(address(pointer), value); }

    void putI64(int pointer, long value) { memory().storeI64(address(pointer), value); }

    void read(int pointer, byte[] into, int offset, int length) { memory().read(address(pointer), into, offset, length); }

    void write(int pointer, byte[] from, int offset, int length) { memory().write(address(pointer), from, offset, length); }

    /** Zero-fills {@code length} bytes; traps first when any of them is out of range. */
    void zero(int pointer, int length) { memory().fill(address(pointer), 0, length & 0xFFFFFFFFL); }

    /** FAULT unless {@code length} bytes at {@code pointer} lie in memory: checked before allocating for them. */
    void requireInside(int pointer, long length) throws WasiError {
        if ((pointer & 0xFFFFFFFFL) + length > memory().byteSize()) throw new WasiError(Errno.FAULT);
    }

    /** A scratch array of at least {@code size} bytes, valid until the next call that asks for one. */
    byte[] scratch(int size) {
        if (scratch.length < size) scratch = new byte[Math.max(size, scratch.length * 2)];
        return scratch;
    }

    /** Reads a guest string: {@code length} bytes of strict UTF-8 (ILSEQ otherwise). */
    String string(int pointer, int length) throws WasiError {
        requireInside(pointer, length & 0xFFFFFFFFL);
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
