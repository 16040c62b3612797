package dev.wasmrt.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a guest sees of the world: arguments, environment, standard streams, preopened
 * directories and sockets. Descriptors are numbered stdin 0, stdout 1, stderr 2, then the
 * preopens in the order added, then the sockets.
 */
public final class WasiConfig {
    record Preopen(String guestPath, Path hostPath, boolean readOnly) {}

    final List<String> args = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final List<Preopen> preopens = new ArrayList<>();
    final List<Object> sockets = new ArrayList<>();
    InputStream stdin = InputStream.nullInputStream();
    OutputStream stdout = OutputStream.nullOutputStream();
    OutputStream stderr = OutputStream.nullOutputStream();
    int stdinType = WasiConstants.FILETYPE_UNKNOWN;
    int stdoutType = WasiConstants.FILETYPE_UNKNOWN;
    int stderrType = WasiConstants.FILETYPE_UNKNOWN;
    Random random = new SecureRandom();

    /** Appends to argv (argv[0] is conventionally the program name). */
    public WasiConfig arg(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    public WasiConfig env(String name, String value) {
        if (name.indexOf('=') >= 0) throw new IllegalArgumentException("environment name contains '=': " + name);
        env.put(name, value);
        return this;
    }

    public WasiConfig stdin(InputStream in) {
        stdin = in;
        stdinType = WasiConstants.FILETYPE_UNKNOWN;
        return this;
    }

    public WasiConfig stdout(OutputStream out) {
        stdout = out;
        stdoutType = WasiConstants.FILETYPE_UNKNOWN;
        return this;
    }

    public WasiConfig stderr(OutputStream out) {
        stderr = out;
        stderrType = WasiConstants.FILETYPE_UNKNOWN;
        return this;
    }

    /** Connects the guest to this process's own stdin, stdout and stderr (seen as a terminal). */
    public WasiConfig inheritStdio() {
        stdin = System.in;
        stdout = System.out;
        stderr = System.err;
        stdinType = stdoutType = stderrType = WasiConstants.FILETYPE_CHARACTER_DEVICE;
        return this;
    }

    /** Offers host directory {@code hostPath} to the guest as {@code guestPath}, read-write. */
    public WasiConfig preopen(String guestPath, Path hostPath) {
        return preopen(guestPath, hostPath, false);
    }

    /** Offers a host directory; when {@code readOnly}, nothing in it can be created, changed or removed. */
    public WasiConfig preopen(String guestPath, Path hostPath, boolean readOnly) {
        try {
            Path canonical = hostPath.toRealPath();
            if (!Files.isDirectory(canonical)) throw new IllegalArgumentException("not a directory: " + hostPath);
            preopens.add(new Preopen(guestPath, canonical, readOnly));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Hands the guest a listening socket, for sock_accept. */
    public WasiConfig socket(ServerSocketChannel listener) {
        sockets.add(listener);
        return this;
    }

    /** Hands the guest a connected socket, for sock_recv, sock_send and sock_shutdown. */
    public WasiConfig socket(SocketChannel connection) {
        sockets.add(connection);
        return this;
    }

    /** Replaces the SecureRandom behind random_get, e.g. with a seeded one for reproducible runs. */
    public WasiConfig random(Random source) {
        random = source;
        return this;
    }
}
