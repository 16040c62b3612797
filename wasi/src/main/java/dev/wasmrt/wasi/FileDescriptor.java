package dev.wasmrt.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** An open regular file. Keeps its host path for the calls Java only offers by path (times). */
final class FileDescriptor extends Descriptor {
    final FileChannel channel;
    final Path path;

    FileDescriptor(FileChannel channel, Path path, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting);
        this.channel = channel;
        this.path = path;
        this.fdflags = fdflags;
    }

    @Override
    int filetype() { return WasiConstants.FILETYPE_REGULAR_FILE; }

    @Override
    void close() throws IOException { channel.close(); }
}
