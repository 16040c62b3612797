package dev.wasmrt.wasi;

import java.nio.file.Path;

/**
 * An open directory: a capability for everything below its canonical host path, and nothing
 * above it. A preopen also has the guest-visible name reported by fd_prestat_dir_name.
 */
final class DirectoryDescriptor extends Descriptor {
    final Path path;
    /** The preopen's guest name, or null for a directory the guest opened itself. */
    final String preopenName;

    DirectoryDescriptor(Path path, String preopenName, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.path = path;
        this.preopenName = preopenName;
    }

    @Override
    int filetype() { return WasiConstants.FILETYPE_DIRECTORY; }

    @Override
    void close() {}
}
