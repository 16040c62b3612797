package dev.wasmrt.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A socket handed in by the host: a listening socket (sock_accept) or a connected one
 * (sock_recv, sock_send, sock_shutdown). Bytes read by a peeking receive wait in {@link #peeked}
 * for the next receive, since NIO channels cannot peek.
 */
final class SocketDescriptor extends Descriptor {
    final ServerSocketChannel listener;
    final SocketChannel connection;
    ByteBuffer peeked = ByteBuffer.allocate(0);
    /** A connection a poll found waiting, handed out by the next sock_accept. */
    SocketChannel pendingAccept;

    SocketDescriptor(ServerSocketChannel listener, SocketChannel connection) {
        super(Rights.SOCKET, Rights.SOCKET);
        this.listener = listener;
        this.connection = connection;
    }

    @Override
    int filetype() { return WasiConstants.FILETYPE_SOCKET_STREAM; }

    @Override
    void close() throws IOException {
        if (pendingAccept != null) pendingAccept.close();
        if (listener != null) listener.close();
        if (connection != null) connection.close();
    }
}
