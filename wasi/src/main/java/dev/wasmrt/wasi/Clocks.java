package dev.wasmrt.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/** The four WASI clocks, in nanoseconds. The monotonic clock starts near zero for each guest. */
final class Clocks {
    private final long monotonicOrigin = System.nanoTime();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** Nanoseconds on clock {@code id}; INVAL for an unknown clock. */
    long now(int id) throws WasiError {
        return switch (id) {
            case WasiConstants.CLOCK_REALTIME -> realtimeNanos();
            case WasiConstants.CLOCK_MONOTONIC -> System.nanoTime() - monotonicOrigin;
            case WasiConstants.CLOCK_PROCESS_CPUTIME -> processCpuNanos();
            case WasiConstants.CLOCK_THREAD_CPUTIME -> threads.getCurrentThreadCpuTime();
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    /** The finest step each clock reports: Instant.now and the CPU timers count microseconds here. */
    static long resolution(int id) throws WasiError {
        return switch (id) {
            case WasiConstants.CLOCK_MONOTONIC -> 1L;
            case WasiConstants.CLOCK_REALTIME, WasiConstants.CLOCK_PROCESS_CPUTIME, WasiConstants.CLOCK_THREAD_CPUTIME -> 1_000L;
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    static long realtimeNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) return nanos;
        }
        return ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    }
}
