package dev.wasmrt.wasi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** poll_oneoff cases the node-recorded guest cannot show (node hangs on a past absolute deadline). */
class PollCallsTest {
    private static final int IN = 0;
    private static final int OUT = 1000;
    private static final int NEVENTS = 2000;

    private static WasiHarness harness(TestEngine engine) {
        return new WasiHarness(engine, new WasiConfig().stdin(new ByteArrayInputStream(new byte[] {1, 2, 3})),
                "poll_oneoff", "iiii", "clock_time_get", "iIi");
    }

    private static void clock(WasiHarness h, int index, long userdata, int clock, long timeout, int flags) {
        int sub = IN + 48 * index;
        h.memory.storeI64(sub, userdata);
        h.memory.storeI8(sub + 8, WasiConstants.EVENTTYPE_CLOCK);
        h.memory.storeI32(sub + 16, clock);
        h.memory.storeI64(sub + 24, timeout);
        h.memory.storeI16(sub + 40, flags);
    }

    private static void fd(WasiHarness h, int index, long userdata, int type, int fd) {
        int sub = IN + 48 * index;
        h.memory.storeI64(sub, userdata);
        h.memory.storeI8(sub + 8, type);
        h.memory.storeI32(sub + 16, fd);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void anAbsoluteDeadlineInThePastFiresAtOnce(TestEngine engine) {
        try (WasiHarness h = harness(engine)) {
            clock(h, 0, 5, WasiConstants.CLOCK_REALTIME, 1, WasiConstants.SUBCLOCK_ABSTIME);
            long start = System.nanoTime();
            assertEquals(Errno.SUCCESS, h.call("poll_oneoff", IN, OUT, 1, NEVENTS));
            assertTrue(System.nanoTime() - start < 1_000_000_000L);
            assertEquals(1, h.i32(NEVENTS));
            assertEquals(5, h.i64(OUT));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aRelativeTimeoutWaitsAtLeastThatLong(TestEngine engine) {
        try (WasiHarness h = harness(engine)) {
            clock(h, 0, 6, WasiConstants.CLOCK_MONOTONIC, 20_000_000L, 0);
            long start = System.nanoTime();
            assertEquals(Errno.SUCCESS, h.call("poll_oneoff", IN, OUT, 1, NEVENTS));
            assertTrue(System.nanoTime() - start >= 20_000_000L);
            assertEquals(6, h.i64(OUT));
            assertEquals(Errno.SUCCESS, h.memory.loadU16(OUT + 8));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void anUnknownClockIsAnEventWithInval(TestEngine engine) {
        try (WasiHarness h = harness(engine)) {
            clock(h, 0, 7, 9, 0, 0);
            assertEquals(Errno.SUCCESS, h.call("poll_oneoff", IN, OUT, 1, NEVENTS));
            assertEquals(7, h.i64(OUT));
            assertEquals(Errno.INVAL, h.memory.loadU16(OUT + 8));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void readyDescriptorsWinOverAClockAndReportTheirBytes(TestEngine engine) {
        try (WasiHarness h = harness(engine)) {
            fd(h, 0, 8, WasiConstants.EVENTTYPE_FD_READ, 0);
            fd(h, 1, 9, WasiConstants.EVENTTYPE_FD_WRITE, 1);
            clock(h, 2, 10, WasiConstants.CLOCK_MONOTONIC, 60_000_000_000L, 0);
            fd(h, 3, 11, WasiConstants.EVENTTYPE_FD_READ, 42);
            assertEquals(Errno.SUCCESS, h.call("poll_oneoff", IN, OUT, 4, NEVENTS));
            assertEquals(3, h.i32(NEVENTS));
            assertEquals(8, h.i64(OUT));
            assertEquals(3, h.i64(OUT + 16), "stdin has three bytes waiting");
            assertEquals(9, h.i64(OUT + 32));
            assertEquals(WasiConstants.EVENTTYPE_FD_WRITE, h.memory.loadU8(OUT + 32 + 10));
            assertEquals(11, h.i64(OUT + 64));
            assertEquals(Errno.BADF, h.memory.loadU16(OUT + 64 + 8));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void noSubscriptionsIsInval(TestEngine engine) {
        try (WasiHarness h = harness(engine)) {
            assertEquals(Errno.INVAL, h.call("poll_oneoff", IN, OUT, 0, NEVENTS));
        }
    }
}
