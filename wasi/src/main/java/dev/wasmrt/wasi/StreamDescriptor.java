package dev.wasmrt.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A standard stream: reads from an InputStream or writes to an OutputStream. */
final class StreamDescriptor extends Descriptor {
    final InputStream in;
    final OutputStream out;
    private final int filetype;

    private StreamDescriptor(InputStream in, OutputStream out, long rights, int filetype) {
        super(rights, 0);
        this.in = in;
        this.out = out;
        this.filetype = filetype;
    }

    static StreamDescriptor input(InputStream in, int filetype) {
        return new StreamDescriptor(in, null, Rights.INPUT_STREAM, filetype);
    }

    static StreamDescriptor output(OutputStream out, int filetype) {
        return new StreamDescriptor(null, out, Rights.OUTPUT_STREAM, filetype);
    }

    @Override
    int filetype() { return filetype; }

    /** The host's streams stay open: closing the guest's stdout must not close the JVM's. */
    @Override
    void close() throws IOException {
        if (out != null) out.flush();
    }
}
