/**
 * wasi_snapshot_preview1 implemented natively in Java for guests on any wasmrt engine.
 *
 * <h2>Use</h2>
 * {@link dev.wasmrt.wasi.WasiConfig} describes the guest's world (arguments, environment,
 * standard streams as in-memory buffers or the process's own, preopened directories optionally
 * read-only, sockets handed in by the host); {@link dev.wasmrt.wasi.Wasi#define} adds the 46
 * functions to an {@code Imports}; {@link dev.wasmrt.wasi.Wasi#run} calls {@code _start} and
 * returns the exit status. {@code proc_exit} unwinds as {@link dev.wasmrt.wasi.WasiExit}.
 *
 * <h2>Sandbox</h2>
 * A directory descriptor is a capability for its own subtree only. Guest paths are resolved
 * here, component by component without following symlinks ({@code PathResolver}): {@code ..}
 * cannot climb above the descriptor's directory, absolute paths and absolute symlink targets are
 * refused, symlinks are expanded at most 40 times (then LOOP), and the host call receives a
 * path whose directories were all seen to be real. The way to the path is checked again right
 * before (and, for path_open, right after) the host call, so a directory swapped for a symlink
 * meanwhile is refused; Java offers no openat, so the host call itself remains a window.
 *
 * <h2>Rights</h2>
 * Preopens get every directory right and pass on every file right (read-only preopens lose the
 * writing ones). path_open grants the requested rights masked to what the new descriptor's kind
 * can do, and refuses (NOTCAPABLE) requests beyond the directory's inheriting rights.
 *
 * <h2>Choices where hosts differ</h2>
 * fd_readdir lists "." and ".." first, then names in sorted order (cookie = index of the next
 * entry). path_readlink truncates to the buffer; fd_prestat_dir_name into a short buffer is
 * NOBUFS; path_open of a final symlink without SYMLINK_FOLLOW is LOOP; an empty path is NOENT;
 * fd_advise checks its arguments and has no effect (the JDK has no fadvise). proc_raise of a
 * terminating signal ends the guest with status 128 + signal; ignored and stop signals return.
 * Node's own WASI departs from several of these (guests/wasi/README.md).
 */
package dev.wasmrt.wasi;
