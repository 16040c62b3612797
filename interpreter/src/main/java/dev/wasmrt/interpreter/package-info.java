/**
 * The runtime model shared by every engine, and the embedding API.
 *
 * <h2>Embedding</h2>
 * <pre>{@code
 * ValidatedModule m = Wasm.parse("(module (func (export \"add\") (param i32 i32) (result i32) ...))");
 * Store store = new Store();
 * Imports imports = new Imports()
 *     .define("env", "log", new HostFunction("log", FuncType.of(List.of(ValType.I32), List.of()),
 *             call -> System.out.println(call.argI32(0))));
 * Instance instance = store.instantiate(m, imports);
 * long sum = instance.call("add", 2, 3)[0];
 * }</pre>
 * Values cross the API as raw bits: i32/i64 in a {@code long}, f32/f64 as their IEEE bits, a
 * {@code v128} as two longs (low half first); references as Objects (null is the null
 * reference, a function reference is its {@link dev.wasmrt.interpreter.FunctionInstance}, an
 * externref is an {@link dev.wasmrt.interpreter.ExternRef}, an exnref an
 * {@link dev.wasmrt.interpreter.ExceptionRef}; GC values are
 * {@link dev.wasmrt.interpreter.gc.WasmStruct}, {@link dev.wasmrt.interpreter.gc.WasmArray} and
 * {@link dev.wasmrt.interpreter.gc.I31Ref}, and a host value passed as an anyref stays its
 * ExternRef). Failures: {@link dev.wasmrt.interpreter.LinkException}
 * (assert_unlinkable), {@link dev.wasmrt.interpreter.Trap} (assert_trap; its subclass
 * {@link dev.wasmrt.interpreter.InterruptTrap} for interruption, deadline and fuel),
 * {@link dev.wasmrt.interpreter.WasmException} (an uncaught Wasm exception with tag and payload).
 *
 * <h2>Calling convention (all engines)</h2>
 * Every function is a {@link dev.wasmrt.interpreter.FunctionInstance}. Its
 * {@code invoke(ExecContext ctx, int base)} finds its arguments in {@code ctx.slots} (raw bits)
 * and {@code ctx.refs} (references) from {@code base}, one slot per value and two for v128, and
 * leaves its results from {@code base}; {@code ctx.top} marks the first free slot. The
 * interpreter uses the same arrays as its value stack, so calls between interpreted functions
 * copy nothing, and an interpreted, compiled or host function can call any other.
 * Host functions ({@link dev.wasmrt.interpreter.HostFunction}) read arguments and write results
 * through {@link dev.wasmrt.interpreter.HostCall}, which is the context itself: no allocation
 * per call.
 *
 * <h2>Contract for compiled code (module jit-asm)</h2>
 * <ul>
 *   <li>An engine implements {@link dev.wasmrt.interpreter.Engine}: {@code prepare} once per
 *       module, then {@code createFunctions(instance)} per instance. The functions are created
 *       before the instance's memories, tables and globals exist (their initialisers may take
 *       {@code ref.func}), so generated code binds them on first call, e.g. into final fields of
 *       a per-instance object.</li>
 *   <li>Memories: keep the {@link dev.wasmrt.interpreter.Memory} object in a final field (it
 *       never changes identity; growth happens inside) and call its final methods
 *       ({@code effectiveAddress}, {@code loadI32}, {@code storeI64}, ...); they are small and
 *       inline, and they raise the spec's trap.</li>
 *   <li>Tables: keep the {@link dev.wasmrt.interpreter.Table}; read its public
 *       {@code elements} array on each access (growth replaces it).</li>
 *   <li>Globals: keep the {@link dev.wasmrt.interpreter.Global}; read and write its public
 *       {@code bits} / {@code high} / {@code ref} fields.</li>
 *   <li>Functions: {@code instance.functions[i]}; call a function of the same compiled module
 *       directly, any other through {@code invoke}. Check {@code FuncType.isSubtypeOf} for
 *       call_indirect (a store interns its modules' types: identity is the fast path).</li>
 *   <li>Numeric semantics: call {@link dev.wasmrt.interpreter.Numerics}, never re-implement.</li>
 *   <li>Pass the {@link dev.wasmrt.interpreter.ExecContext} along every call; call
 *       {@code ctx.enter()}/{@code ctx.leave()} around each Wasm call (call depth), or carry
 *       {@code ctx.callBudget()} down the calls and {@code ctx.descendTo} it before calling
 *       out, and {@code ctx.tick()} at loop back-edges and function entries (interruption,
 *       fuel).</li>
 *   <li>Wasm exceptions cross engine boundaries as {@link dev.wasmrt.interpreter.WasmException};
 *       traps as {@link dev.wasmrt.interpreter.Trap}, to which each engine adds the Wasm frames
 *       it unwinds ({@code addFrame}).</li>
 * </ul>
 */
package dev.wasmrt.interpreter;
