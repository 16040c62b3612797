package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.HostCall;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** sock_accept, sock_recv, sock_send and sock_shutdown on sockets the host handed in. */
final class SocketCalls {
    private final FdTable fds;
    private final GuestMemory memory;

    SocketCalls(FdTable fds, GuestMemory memory) {
        this.fds = fds;
        this.memory = memory;
    }

    void defineIn(WasiFunctions f) {
        f.define("sock_accept", "iii", this::accept);
        f.define("sock_recv", "iiiiii", this::recv);
        f.define("sock_send", "iiiii", this::send);
        f.define("sock_shutdown", "ii", this::shutdown);
    }

    private SocketDescriptor socket(int fd, long rights) throws WasiError {
        Descriptor d = fds.get(fd);
        if (!(d instanceof SocketDescriptor s)) throw new WasiError(Errno.NOTSOCK);
        s.require(rights);
        return s;
    }

    private static SocketChannel connection(SocketDescriptor s) throws WasiError {
        if (s.connection == null) throw new WasiError(Errno.NOTCONN);
        return s.connection;
    }

    private int accept(HostCall c) throws WasiError, IOException {
        SocketDescriptor s = socket(c.argI32(0), Rights.SOCK_ACCEPT);
        int flags = c.argI32(1);
        if (s.listener == null) throw new WasiError(Errno.INVAL);
        if ((flags & ~WasiConstants.FDFLAGS_NONBLOCK) != 0) throw new WasiError(Errno.INVAL);
        SocketChannel accepted = s.pendingAccept != null ? s.pendingAccept : s.listener.accept();
        s.pendingAccept = null;
        if (accepted == null) throw new WasiError(Errno.AGAIN);
        SocketDescriptor connection = new SocketDescriptor(null, accepted);
        setNonBlocking(connection, (flags & WasiConstants.FDFLAGS_NONBLOCK) != 0);
        connection.fdflags = flags;
        try {
            memory.putI32(c.argI32(2), fds.add(connection));
        } catch (WasiError e) {
            accepted.close();
            throw e;
        }
        return Errno.SUCCESS;
    }

    private int recv(HostCall c) throws WasiError, IOException {
        SocketDescriptor s = socket(c.argI32(0), Rights.FD_READ);
        int iovs = c.argI32(1);
        int count = c.argI32(2);
        int riflags = c.argI32(3);
        if ((riflags & ~(WasiConstants.RIFLAGS_RECV_PEEK | WasiConstants.RIFLAGS_RECV_WAITALL)) != 0) throw new WasiError(Errno.INVAL);
        int capacity = Iovecs.totalLength(memory, iovs, count);
        byte[] buffer = memory.scratch(capacity);
        int n = receive(s, buffer, capacity, (riflags & WasiConstants.RIFLAGS_RECV_PEEK) != 0,
                (riflags & WasiConstants.RIFLAGS_RECV_WAITALL) != 0);
        Iovecs.scatter(memory, iovs, count, buffer, n);
        memory.putI32(c.argI32(4), n);
        memory.putI16(c.argI32(5), 0);
        return Errno.SUCCESS;
    }

    private int send(HostCall c) throws WasiError, IOException {
        SocketDescriptor s = socket(c.argI32(0), Rights.FD_WRITE);
        if (c.argI32(3) != 0) throw new WasiError(Errno.INVAL);
        byte[] data = Iovecs.gather(memory, c.argI32(1), c.argI32(2));
        int n = send(s, data, Iovecs.totalLength(memory, c.argI32(1), c.argI32(2)));
        memory.putI32(c.argI32(4), n);
        return Errno.SUCCESS;
    }

    private int shutdown(HostCall c) throws WasiError, IOException {
        SocketDescriptor s = socket(c.argI32(0), Rights.SOCK_SHUTDOWN);
        int how = c.argI32(1);
        if (how == 0 || (how & ~(WasiConstants.SDFLAGS_RD | WasiConstants.SDFLAGS_WR)) != 0) throw new WasiError(Errno.INVAL);
        SocketChannel channel = connection(s);
        if ((how & WasiConstants.SDFLAGS_RD) != 0) channel.shutdownInput();
        if ((how & WasiConstants.SDFLAGS_WR) != 0) channel.shutdownOutput();
        return Errno.SUCCESS;
    }

    static void setNonBlocking(SocketDescriptor s, boolean nonBlocking) throws IOException {
        if (s.connection != null) s.connection.configureBlocking(!nonBlocking);
        if (s.listener != null) s.listener.configureBlocking(!nonBlocking);
    }

    /**
     * Receives up to {@code capacity} bytes: first those a peek left waiting, then from the
     * channel. Returns 0 at end of stream; AGAIN when non-blocking and nothing is there.
     */
    static int receive(SocketDescriptor s, byte[] buffer, int capacity, boolean peek, boolean waitAll) throws WasiError, IOException {
        SocketChannel channel = connection(s);
        int fromPeeked = Math.min(s.peeked.remaining(), capacity);
        s.peeked.get(buffer, 0, fromPeeked);
        int total = fromPeeked;
        ByteBuffer into = ByteBuffer.wrap(buffer, total, capacity - total);
        while (into.hasRemaining() && (total == 0 || waitAll)) {
            int n = channel.read(into);
            if (n < 0) break;
            if (n == 0) {
                if (total == 0) throw new WasiError(Errno.AGAIN);
                break;
            }
            total += n;
        }
        if (peek) {
            ByteBuffer kept = ByteBuffer.allocate(total + s.peeked.remaining());
            kept.put(buffer, 0, total).put(s.peeked).flip();
            s.peeked = kept;
        }
        return total;
    }

    /** Sends all of {@code data} (blocking) or what the channel takes (non-blocking; AGAIN for nothing). */
    static int send(SocketDescriptor s, byte[] data, int length) throws WasiError, IOException {
        SocketChannel channel = connection(s);
        ByteBuffer out = ByteBuffer.wrap(data, 0, length);
        while (out.hasRemaining()) {
            int n = channel.write(out);
            if (n == 0) {
                if (out.position() == 0 && length > 0) throw new WasiError(Errno.AGAIN);
                break;
            }
        }
        return out.position();
    }
}
