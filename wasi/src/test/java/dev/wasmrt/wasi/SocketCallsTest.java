package dev.wasmrt.wasi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** sock_* and poll_oneoff on a listening socket handed to the guest as descriptor 3. */
class SocketCallsTest {
    private static final int LISTENER = 3;

    private static WasiHarness harness(TestEngine engine, ServerSocketChannel listener) {
        return new WasiHarness(engine, new WasiConfig().socket(listener),
                "sock_accept", "iii", "sock_recv", "iiiiii", "sock_send", "iiiii", "sock_shutdown", "ii",
                "poll_oneoff", "iiii", "fd_fdstat_set_flags", "ii");
    }

    private static String readAll(SocketChannel client) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(64);
        while (client.read(in) >= 0) {
            if (!in.hasRemaining()) break;
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
    }

    /** Puts one iovec at 100 pointing to {@code length} bytes at 2000. */
    private static void iovec(WasiHarness h, int length) {
        h.memory.storeI32(100, 2000);
        h.memory.storeI32(104, length);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void acceptReceivePeekSendAndShutdown(TestEngine engine) throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             WasiHarness h = harness(engine, listener);
             SocketChannel client = SocketChannel.open(listener.getLocalAddress())) {
            client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)));

            // poll for the listener becoming readable (a connection waits), with a long timeout as fallback.
            h.memory.storeI64(0, 77);
            h.memory.storeI8(8, WasiConstants.EVENTTYPE_FD_READ);
            h.memory.storeI32(16, LISTENER);
            h.memory.storeI64(48, 88);
            h.memory.storeI8(56, WasiConstants.EVENTTYPE_CLOCK);
            h.memory.storeI32(64, WasiConstants.CLOCK_MONOTONIC);
            h.memory.storeI64(72, 10_000_000_000L);
            assertEquals(Errno.SUCCESS, h.call("poll_oneoff", 0, 500, 2, 600));
            assertEquals(1, h.i32(600));
            assertEquals(77, h.i64(500));

            assertEquals(Errno.SUCCESS, h.call("sock_accept", LISTENER, 0, 700));
            int connection = h.i32(700);
            assertEquals(4, connection);

            iovec(h, 2);
            assertEquals(Errno.SUCCESS, h.call("sock_recv", connection, 100, 1, WasiConstants.RIFLAGS_RECV_PEEK, 800, 804));
            assertEquals(2, h.i32(800));
            assertEquals("pi", h.string(2000, 2));
            iovec(h, 4);
            assertEquals(Errno.SUCCESS, h.call("sock_recv", connection, 100, 1, WasiConstants.RIFLAGS_RECV_WAITALL, 800, 804));
            assertEquals(4, h.i32(800));
            assertEquals("ping", h.string(2000, 4));

            h.putString(2000, "pong");
            assertEquals(Errno.SUCCESS, h.call("sock_send", connection, 100, 1, 0, 800));
            assertEquals(4, h.i32(800));
            assertEquals(Errno.SUCCESS, h.call("sock_shutdown", connection, WasiConstants.SDFLAGS_WR));
            assertEquals("pong", readAll(client));
            assertEquals(Errno.INVAL, h.call("sock_shutdown", connection, 4));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void nonBlockingAcceptWithoutAConnectionIsAgain(TestEngine engine) throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             WasiHarness h = harness(engine, listener)) {
            assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_flags", LISTENER, WasiConstants.FDFLAGS_NONBLOCK));
            assertEquals(Errno.AGAIN, h.call("sock_accept", LISTENER, 0, 700));
            assertEquals(Errno.NOTSOCK, h.call("sock_accept", 1, 0, 700));
            assertEquals(Errno.BADF, h.call("sock_accept", 9, 0, 700));
            iovec(h, 4);
            assertEquals(Errno.NOTCONN, h.call("sock_recv", LISTENER, 100, 1, 0, 800, 804));
        }
    }
}
