package dev.wasmrt.wasi;

import java.io.IOException;

/** One open descriptor of the guest: what it refers to, its rights and its fdflags. */
abstract sealed class Descriptor permits StreamDescriptor, FileDescriptor, DirectoryDescriptor, SocketDescriptor {
    long rightsBase;
    long rightsInheriting;
    int fdflags;

    Descriptor(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    abstract int filetype();

    /** Fails with NOTCAPABLE unless every bit of {@code rights} is among the base rights. */
    final void require(long rights) throws WasiError {
        if ((rightsBase & rights) != rights) throw new WasiError(Errno.NOTCAPABLE);
    }

    abstract void close() throws IOException;
}
