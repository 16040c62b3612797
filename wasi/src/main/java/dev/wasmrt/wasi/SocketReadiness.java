package dev.wasmrt.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Looks whether a socket is ready without blocking: a connection by reading what is there
 * into its peek buffer, a listener by accepting a waiting connection ahead of sock_accept.
 */
final class SocketReadiness {
    private static final int LOOK_AHEAD = 4096;

    private SocketReadiness() {}

    /** Bytes ready to read (0 at end of stream or for a waiting connection), or -1 when not ready. */
    static long readable(SocketDescriptor s) throws IOException {
        if (s.peeked.hasRemaining()) return s.peeked.remaining();
        if (s.listener != null) {
            if (s.pendingAccept == null) {
                boolean blocking = s.listener.isBlocking();
                s.listener.configureBlocking(false);
                try {
                    s.pendingAccept = s.listener.accept();
                } finally {
                    s.listener.configureBlocking(blocking);
                }
            }
            return s.pendingAccept == null ? -1 : 0;
        }
        SocketChannel channel = s.connection;
        boolean blocking = channel.isBlocking();
        channel.configureBlocking(false);
        try {
            ByteBuffer look = ByteBuffer.allocate(LOOK_AHEAD);
            int n = channel.read(look);
            if (n < 0) return 0;
            if (n == 0) return -1;
            look.flip();
            s.peeked = look;
            return n;
        } finally {
            channel.configureBlocking(blocking);
        }
    }

    static boolean writable(SocketDescriptor s) {
        return s.connection != null && s.connection.isConnected();
    }
}
