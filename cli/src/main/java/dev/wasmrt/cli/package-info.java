/**
 * The {@code wasm-runtime} executable: Sysinspect's {@code runtime.wasm} module.
 *
 * <p>Without arguments it speaks the JSON protocol ({@link dev.wasmrt.cli.ProtocolMode}): one
 * request on standard input, one response on standard output, exit status 0. The request is
 * read by {@code protocol.RequestParser}, the runtime's {@code rt.} names are separated from
 * what the guest sees by {@code protocol.RuntimeCall}, modules are found only among the files
 * that {@code protocol.ModuleDirectory} lists, and the guest's output becomes {@code data} in
 * {@code protocol.GuestOutput}. Engines sit behind {@code engine.GuestLauncher}: the
 * protocol runs the compiler (with its {@code .cwasm} cache beside the module) unless
 * {@code WASM_RUNTIME_ENGINE=interpreter}; {@code run} runs the interpreter unless
 * {@code --engine compiler}.
 *
 * <p>Where the original runtime was weak, this one differs on purpose: a bad request is answered
 * in JSON (retcode 4) instead of plain text; {@code timeout} is honoured by interrupting the
 * guest (retcode 5); guest output is not capped at 64 KiB but at a configurable limit
 * ({@code rt.max-output}, 256 MiB by default) with a clear error; the guest's own
 * {@code __module-logs} entries are kept ahead of the host's log lines; {@code -l} and
 * {@code -i} honour {@code -s}; and {@code .wat} text modules are accepted beside {@code .wasm}.
 */
package dev.wasmrt.cli;
