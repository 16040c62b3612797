package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * poll_oneoff: waits until a clock subscription expires or a descriptor is ready. Files and
 * output streams are always ready; an input stream is ready once it has bytes (or is not the
 * process's interactive stdin); a socket once a non-blocking look finds data or a connection.
 * Readiness that can only be found by looking is looked for again every millisecond.
 */
final class PollCalls {
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final long RECHECK_NANOS = 1_000_000;

    private final FdTable fds;
    private final Clocks clocks;
    private final GuestMemory memory;

    PollCalls(FdTable fds, Clocks clocks, GuestMemory memory) {
        this.fds = fds;
        this.clocks = clocks;
        this.memory = memory;
    }

    void defineIn(WasiFunctions f) {
        f.define("poll_oneoff", "iiii", this::pollOneoff);
    }

    private int pollOneoff(HostCall c) throws WasiError, IOException {
        int in = c.argI32(0);
        int out = c.argI32(1);
        int count = c.argI32(2);
        if (count <= 0) throw new WasiError(Errno.INVAL);
        memory.requireInside(in, (long) SUBSCRIPTION_SIZE * count);
        memory.requireInside(out, (long) EVENT_SIZE * count);
        long start = System.nanoTime();
        long[] deadlines = new long[count];
        long earliest = Long.MAX_VALUE;
        boolean anyFd = false;
        for (int i = 0; i < count; i++) {
            int sub = in + SUBSCRIPTION_SIZE * i;
            deadlines[i] = Long.MAX_VALUE;
            if (memory.u8(sub + 8) == WasiConstants.EVENTTYPE_CLOCK) {
                deadlines[i] = clockDeadline(sub, start);
                earliest = Math.min(earliest, deadlines[i]);
            } else {
                anyFd = true;
            }
        }
        while (true) {
            int events = anyFd ? fdEvents(in, out, count) : 0;
            long now = System.nanoTime();
            if (events == 0 && now - earliest >= 0 && earliest != Long.MAX_VALUE) events = clockEvents(in, out, count, deadlines, now);
            if (events > 0) {
                memory.putI32(c.argI32(3), events);
                return Errno.SUCCESS;
            }
            long wait = earliest == Long.MAX_VALUE ? RECHECK_NANOS : earliest - now;
            LockSupport.parkNanos(anyFd ? Math.min(wait, RECHECK_NANOS) : wait);
        }
    }

    /** The System.nanoTime at which a clock subscription expires; {@code start} (at once) for a bad clock. */
    private long clockDeadline(int sub, long start) {
        int clock = memory.i32(sub + 16);
        long timeout = memory.i64(sub + 24);
        boolean absolute = (memory.u16(sub + 40) & WasiConstants.SUBCLOCK_ABSTIME) != 0;
        try {
            return saturatingAdd(start, absolute ? timeout - clocks.now(clock) : timeout);
        } catch (WasiError badClock) {
            return start;
        }
    }

    private static long saturatingAdd(long start, long delta) {
        if (delta <= 0) return start;
        long sum = start + delta;
        return sum - start < 0 ? Long.MAX_VALUE : sum;
    }

    private int clockEvents(int in, int out, int count, long[] deadlines, long now) {
        int events = 0;
        for (int i = 0; i < count; i++) {
            int sub = in + SUBSCRIPTION_SIZE * i;
            if (memory.u8(sub + 8) != WasiConstants.EVENTTYPE_CLOCK || now - deadlines[i] < 0) continue;
            int clock = memory.i32(sub + 16);
            int error = clock < 0 || clock > WasiConstants.CLOCK_THREAD_CPUTIME ? Errno.INVAL : Errno.SUCCESS;
            writeEvent(out + EVENT_SIZE * events++, memory.i64(sub), error, WasiConstants.EVENTTYPE_CLOCK, 0);
        }
        return events;
    }

    private int fdEvents(int in, int out, int count) throws IOException {
        int events = 0;
        for (int i = 0; i < count; i++) {
            int sub = in + SUBSCRIPTION_SIZE * i;
            int type = memory.u8(sub + 8);
            if (type == WasiConstants.EVENTTYPE_CLOCK) continue;
            long userdata = memory.i64(sub);
            if (type != WasiConstants.EVENTTYPE_FD_READ && type != WasiConstants.EVENTTYPE_FD_WRITE) {
                writeEvent(out + EVENT_SIZE * events++, userdata, Errno.INVAL, type, 0);
                continue;
            }
            Descriptor d;
            try {
                d = fds.get(memory.i32(sub + 16));
                d.require(Rights.POLL_FD_READWRITE);
            } catch (WasiError e) {
                writeEvent(out + EVENT_SIZE * events++, userdata, e.errno, type, 0);
                continue;
            }
            long ready = type == WasiConstants.EVENTTYPE_FD_READ ? readableBytes(d) : writable(d) ? 0 : -1;
            if (ready >= 0) writeEvent(out + EVENT_SIZE * events++, userdata, Errno.SUCCESS, type, ready);
        }
        return events;
    }

    /** Bytes readable now (0 when ready with none counted), or -1 when not ready. */
    private static long readableBytes(Descriptor d) throws IOException {
        return switch (d) {
            case FileDescriptor f -> Math.max(0, f.channel.size() - f.channel.position());
            case StreamDescriptor s -> {
                int available = s.in.available();
                yield available > 0 || s.filetype() != WasiConstants.FILETYPE_CHARACTER_DEVICE ? available : -1;
            }
            case SocketDescriptor s -> SocketReadiness.readable(s);
            case DirectoryDescriptor x -> 0;
        };
    }

    private static boolean writable(Descriptor d) throws IOException {
        return !(d instanceof SocketDescriptor s) || SocketReadiness.writable(s);
    }

    private void writeEvent(int event, long userdata, int error, int type, long nbytes) {
        memory.zero(event, EVENT_SIZE);
        memory.putI64(event, userdata);
        memory.putI16(event + 8, error);
        memory.putI8(event + 10, type);
        memory.putI64(event + 16, nbytes);
    }
}
