package dev.wasmrt.wasi;

import dev.wasmrt.interpreter.Imports;
import dev.wasmrt.interpreter.Instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * wasi_snapshot_preview1 for one guest, implemented on the host's Java APIs. Usage:
 * <pre>{@code
 * Wasi wasi = new Wasi(new WasiConfig().arg("prog").inheritStdio().preopen("/data", dir));
 * Instance instance = store.instantiate(module, wasi.define(new Imports()));
 * int exitCode = wasi.run(instance);
 * }</pre>
 * Every path the guest names is resolved inside one of its directory descriptors (see
 * {@link PathResolver}); rights are checked on every call. One Wasi serves one guest instance
 * on one thread.
 */
public final class Wasi implements AutoCloseable {
    public static final String MODULE = "wasi_snapshot_preview1";

    private final WasiConfig config;
    private final FdTable fds = new FdTable();
    private final GuestMemory memory = new GuestMemory();

    public Wasi(WasiConfig config) {
        this.config = config;
        try {
            fds.add(StreamDescriptor.input(config.stdin, config.stdinType));
            fds.add(StreamDescriptor.output(config.stdout, config.stdoutType));
            fds.add(StreamDescriptor.output(config.stderr, config.stderrType));
            for (WasiConfig.Preopen p : config.preopens) {
                long rights = p.readOnly() ? Rights.READ_ONLY_DIRECTORY : Rights.DIRECTORY;
                long inheriting = rights | (p.readOnly() ? Rights.READ_ONLY_FILE : Rights.FILE);
                fds.add(new DirectoryDescriptor(p.hostPath(), p.guestPath(), rights, inheriting));
            }
            for (Object socket : config.sockets) {
                fds.add(socket instanceof ServerSocketChannel listener
                        ? new SocketDescriptor(listener, null)
                        : new SocketDescriptor(null, (SocketChannel) socket));
            }
        } catch (WasiError e) {
            throw new IllegalArgumentException("too many preopened descriptors", e);
        }
    }

    /** Adds every function of {@value #MODULE} to {@code imports} and returns it. */
    public Imports define(Imports imports) {
        WasiFunctions functions = new WasiFunctions(imports, memory);
        Clocks clocks = new Clocks();
        new ProcessCalls(config, clocks, memory).defineIn(functions);
        new FdCalls(fds, memory).defineIn(functions);
        new PathCalls(fds, memory).defineIn(functions);
        new PollCalls(fds, clocks, memory).defineIn(functions);
        new SocketCalls(fds, memory).defineIn(functions);
        return imports;
    }

    /**
     * Runs the command's {@code _start} export and returns its exit status: 0 when it returns,
     * the proc_exit code, or 128 + signal after a terminating proc_raise. Output streams are
     * flushed either way.
     */
    public int run(Instance instance) {
        try {
            instance.call("_start");
            return 0;
        } catch (WasiExit exit) {
            return exit.code();
        } finally {
            flush();
        }
    }

    private void flush() {
        try {
            config.stdout.flush();
            config.stderr.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the guest's files and sockets (the host's standard streams stay open). */
    @Override
    public void close() {
        try {
            fds.closeAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
