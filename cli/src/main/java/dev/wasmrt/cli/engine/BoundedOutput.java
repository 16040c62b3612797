package dev.wasmrt.cli.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Collects a guest's standard output up to a limit. A write past the limit fails (the guest
 * sees an I/O error) and is remembered, so the runtime can report it clearly afterwards.
 */
public final class BoundedOutput extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile boolean exceeded;

    public BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (len > limit - bytes.size()) {
            exceeded = true;
            throw new IOException("standard output is limited to " + limit + " bytes");
        }
        bytes.write(b, off, len);
    }

    public boolean exceeded() {
        return exceeded;
    }

    public int limit() {
        return limit;
    }

    public synchronized byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
