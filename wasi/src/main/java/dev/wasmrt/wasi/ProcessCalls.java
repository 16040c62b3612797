package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** args, environ, clocks, random_get, sched_yield, proc_exit and proc_raise. */
final class ProcessCalls {
    private static final int SIGNAL_MAX = 30;
    /** Signals whose default action is to ignore them: CHLD, CONT, URG, WINCH. */
    private static final long IGNORED_SIGNALS = 1L << 16 | 1L << 17 | 1L << 22 | 1L << 27;
    /** STOP, TSTP, TTIN, TTOU: there is no job control to stop the guest for, so they do nothing. */
    private static final long STOP_SIGNALS = 1L << 18 | 1L << 19 | 1L << 20 | 1L << 21;

    private final byte[][] args;
    private final byte[][] environ;
    private final Random random;
    private final GuestMemory memory;
    private final Clocks clocks;

    ProcessCalls(WasiConfig config, Clocks clocks, GuestMemory memory) {
        this.clocks = clocks;
        this.args = encode(config.args);
        this.environ = encode(config.env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        this.random = config.random;
        this.memory = memory;
    }

    private static byte[][] encode(List<String> strings) {
        byte[][] out = new byte[strings.size()][];
        for (int i = 0; i < out.length; i++) out[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
        return out;
    }

    void defineIn(WasiFunctions f) {
        f.define("args_sizes_get", "ii", c -> sizes(args, c));
        f.define("args_get", "ii", c -> strings(args, c));
        f.define("environ_sizes_get", "ii", c -> sizes(environ, c));
        f.define("environ_get", "ii", c -> strings(environ, c));
        f.define("clock_res_get", "ii", this::clockResGet);
        f.define("clock_time_get", "iIi", this::clockTimeGet);
        f.define("random_get", "ii", this::randomGet);
        f.define("sched_yield", "", c -> {
            Thread.yield();
            return Errno.SUCCESS;
        });
        f.defineNoResult("proc_exit", "i", c -> {
            throw new WasiExit(c.argI32(0), 0);
        });
        f.define("proc_raise", "i", c -> procRaise(c.argI32(0)));
    }

    private int sizes(byte[][] strings, HostCall c) {
        int bytes = 0;
        for (byte[] s : strings) bytes += s.length + 1;
        memory.putI32(c.argI32(0), strings.length);
        memory.putI32(c.argI32(1), bytes);
        return Errno.SUCCESS;
    }

    /** Writes the pointer array at arg 0 and the NUL-terminated strings at arg 1. */
    private int strings(byte[][] strings, HostCall c) {
        int pointers = c.argI32(0);
        int buffer = c.argI32(1);
        for (int i = 0; i < strings.length; i++) {
            memory.putI32(pointers + 4 * i, buffer);
            memory.write(buffer, strings[i], 0, strings[i].length);
            memory.putI8(buffer + strings[i].length, 0);
            buffer += strings[i].length + 1;
        }
        return Errno.SUCCESS;
    }

    private int clockResGet(HostCall c) throws WasiError {
        memory.putI64(c.argI32(1), Clocks.resolution(c.argI32(0)));
        return Errno.SUCCESS;
    }

    private int clockTimeGet(HostCall c) throws WasiError {
        memory.putI64(c.argI32(2), clocks.now(c.argI32(0)));
        return Errno.SUCCESS;
    }

    private int randomGet(HostCall c) {
        int pointer = c.argI32(0);
        long remaining = c.argI32(1) & 0xFFFFFFFFL;
        byte[] chunk = memory.scratch((int) Math.min(remaining, 65536));
        while (remaining > 0) {
            int n = (int) Math.min(remaining, chunk.length);
            fill(chunk, n);
            memory.write(pointer, chunk, 0, n);
            pointer += n;
            remaining -= n;
        }
        return Errno.SUCCESS;
    }

    /** Fills the first {@code n} bytes; a short last chunk takes a prefix of a full one. */
    private void fill(byte[] chunk, int n) {
        if (n == chunk.length) {
            random.nextBytes(chunk);
            return;
        }
        for (int i = 0; i < n; i += 8) {
            long bits = random.nextLong();
            for (int b = 0; b < 8 && i + b < n; b++) chunk[i + b] = (byte) (bits >>> (8 * b));
        }
    }

    private int procRaise(int signal) throws WasiError {
        if (signal < 0 || signal > SIGNAL_MAX) throw new WasiError(Errno.INVAL);
        if (signal == 0 || (IGNORED_SIGNALS >>> signal & 1) != 0 || (STOP_SIGNALS >>> signal & 1) != 0) return Errno.SUCCESS;
        throw new WasiExit(128 + signal, signal);
    }
}
