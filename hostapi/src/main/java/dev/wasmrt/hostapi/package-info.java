/**
 * The {@code api} import module that Sysinspect guests link besides WASI: {@code log},
 * {@code exec}, {@code header}, {@code header_has}, {@code header_get} and the
 * {@code packagekit_*} functions, with the original runtime's signatures and answers.
 *
 * <p>Where this module differs from the original, on purpose:
 * <ul>
 *   <li>{@code last_output_len() -> i32} is new: the full size of the last JSON answer, so a guest
 *       whose answer was cut to {@code out_cap} bytes can ask again with a buffer that fits.</li>
 *   <li>{@code packagekit_available()} answers 1 only when the PackageKit daemon answers a call,
 *       not merely when a bus connection can be made; a host without a system bus answers 0 at once.</li>
 *   <li>{@code exec} reports a program killed by signal N as exit code 128 + N (the original said 1).</li>
 * </ul>
 * {@link dev.wasmrt.hostapi.ApiModule} holds one run's state and defines the functions into an
 * {@link dev.wasmrt.interpreter.Imports}; {@link dev.wasmrt.hostapi.dbus.DbusPackageKit} talks to
 * PackageKit on the system bus (or any bus address).
 */
package dev.wasmrt.hostapi;
