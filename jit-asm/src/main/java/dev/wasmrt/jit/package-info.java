/**
 * The compiler: an {@link dev.wasmrt.interpreter.Engine} named "compiler" that turns each Wasm
 * function into JVM bytecode with ASM, and the {@code .cwasm} cache of the generated classes.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * Compiler compiler = new Compiler();
 * Store store = new Store(StoreConfig.defaults().withEngine(compiler));
 *
 * // With the on-disk cache: app.wasm is compiled once into app.cwasm next to it.
 * CompiledModules.Loaded m = CompiledModules.loadOrCompile(Path.of("app.wasm"), compiler);
 * // Ahead of time, to a chosen file (wasm-runtime compile app.wasm -o out.cwasm):
 * CompiledModules.compileTo(Path.of("app.wasm"), Path.of("out.cwasm"), compiler);
 * Instance instance = store.instantiate(m.prepared(), m.module(), imports);
 *
 * // Without it: store.instantiate(Wasm.load(bytes), imports) compiles in memory.
 * }</pre>
 *
 * <h2>The cache ({@link dev.wasmrt.jit.CompiledModules})</h2>
 * <ul>
 *   <li>{@code name.wasm} caches to {@code name.cwasm} in the same directory. The file holds a
 *       header (magic, format version, {@link dev.wasmrt.jit.Compiler#VERSION}, the
 *       code-changing {@link dev.wasmrt.jit.CompilerOptions}, the SHA-256 of the .wasm, the JVM
 *       feature version), the per-function compile decisions, the class files, and a CRC32.</li>
 *   <li>A matching entry is loaded without running ASM and without validating again: the module
 *       is only decoded (instantiation needs its imports and segments). Entries are written only
 *       after validation succeeded, so the cache directory must be as trusted as the code.</li>
 *   <li>A stale (other source, compiler, options or JVM), corrupt or truncated entry is rebuilt,
 *       with one warning line on the given stream (stderr by default). A location that cannot
 *       be written costs one warning and the module runs compiled in memory.</li>
 *   <li>Entries are written to a temporary file in the same directory and renamed atomically, so
 *       concurrent processes or threads never see half a file; racing writers both succeed.</li>
 * </ul>
 *
 * <h2>Generated code</h2>
 * Per module, in a class loader of its own (unloadable with the module): {@code State} (one
 * per instance: a field per memory, global and table, bound on the first call because functions
 * exist before the instance's memories do), {@code Code0..n} (128 functions each: the static
 * method {@code f<i>(params..., State, ExecContext, int budget)} per function, plus an invoker for the
 * engine-neutral {@code FunctionInstance.invoke} convention) and {@code Dispatch} (per JVM
 * signature: generic calls, direct dispatch by function index for call_indirect / call_ref,
 * exception construction).
 * <ul>
 *   <li>Wasm locals are JVM locals; the operand stack is the JVM stack (a typed abstract stack
 *       during translation). Values a branch carries go through locals; unreachable code is
 *       skipped; ASM computes the frames without loading classes.</li>
 *   <li>Calls within a module are static calls with primitive parameters; the first result is
 *       returned and further results are left in {@code ctx.slots}/{@code ctx.refs} from
 *       {@code ctx.top} at their slot offset (two slots per v128), so no call allocates (but for
 *       the {@code V128} of a vector read back). Imported and interpreted functions are called
 *       through {@code FunctionInstance.invoke}.</li>
 *   <li>A v128 is an immutable {@link dev.wasmrt.jit.V128} reference (one JVM slot, so locals,
 *       blocks, select and calls need no special case). Each SIMD instruction but
 *       {@code v128.const} is one static call into {@link dev.wasmrt.jit.SimdOps}, which applies
 *       the interpreter's helpers ({@code dev.wasmrt.interpreter.simd}, lane-wise ones through
 *       {@code SimdLanewise}) to the two halves, so both engines compute the same bits, relaxed
 *       SIMD included.</li>
 *   <li>Memory accesses are static calls into {@link dev.wasmrt.jit.Mem}, which HotSpot inlines
 *       into {@link dev.wasmrt.interpreter.Memory}'s bounds-checked accessors. Numeric semantics
 *       come from {@link dev.wasmrt.interpreter.Numerics}, shared with the interpreter.</li>
 *   <li>Call depth travels as the {@code budget} parameter: a function traps "call stack
 *       exhausted" when it is spent and passes one less to its callees, so calls within compiled
 *       code touch no shared counter. Invokers start from {@code ctx.callBudget()}; calls out to
 *       other engines, hosts and the tail-call trampoline raise the context's depth to match
 *       ({@code ctx.descendTo}) and restore it. Unless
 *       {@link dev.wasmrt.jit.CompilerOptions#interruptChecks()} is off, {@code ctx.tick()} runs
 *       at entry and loop headers: one load and a branch while the store has no interrupt,
 *       deadline or fuel set. A JVM {@code StackOverflowError} becomes the
 *       "call stack exhausted" trap at {@link dev.wasmrt.jit.CompiledFunction}'s boundary.</li>
 *   <li>Wasm exceptions are {@link dev.wasmrt.interpreter.WasmException}s; a try_table or a
 *       legacy try saves the operand stack below it into locals so its handlers can rebuild it.
 *       Each has a handler entry (the JVM handler of its protected range): a try's tests the tags
 *       of its catches in order and throws on when none matches; a {@code delegate} is a JVM
 *       handler that jumps to the entry of the label it names (or of the nearest try_table or try
 *       in its body outside it; with none, to a throw outside every range); {@code rethrow}
 *       throws the exception its catch saved.</li>
 *   <li>Atomic instructions are static calls into {@link dev.wasmrt.jit.Atomics}, GC
 *       instructions into {@link dev.wasmrt.jit.Gc} and the interpreter's {@code Casts},
 *       {@code ExternConversions} and {@code I31Ref}: both engines run the same helpers
 *       ({@code AtomicOps}, {@code GcOps}), so values and traps cannot drift apart. A field or
 *       element access calls the helper for its value's form: raw bits, a reference, or a
 *       {@link dev.wasmrt.jit.V128} whose halves the objects store as two longs. struct.new and
 *       array.new_fixed allocate, then store each operand, without boxing.</li>
 *   <li>A self tail call ({@code return_call} of the function itself) is a jump.</li>
 *   <li>A function with other tail calls ({@code return_call} of another function,
 *       {@code return_call_indirect}, {@code return_call_ref}) is compiled as a body
 *       {@code t<i>} plus a trampoline {@code f<i>}: at a tail call the body returns, leaving the
 *       callee in {@code ctx.pendingTailCall} and the arguments in the context's slots, and
 *       {@link dev.wasmrt.jit.TailCalls} makes the call from the trampoline's frame (directly into
 *       the callee's body when it is trampolined too). Chains of tail calls thus run in constant
 *       JVM stack; functions without such tail calls pay nothing.</li>
 *   <li>A function whose method would exceed {@link dev.wasmrt.jit.CompilerOptions#maxMethodSize()}
 *       (HotSpot's 8000-byte JIT limit by default) is split by {@link dev.wasmrt.jit.MethodSplitter}
 *       at points where its operand stack is empty: chunk methods {@code f<i>_<k>} keep the Wasm
 *       locals in JVM locals, load from a frame array on each entry those touched on paths from
 *       it ({@link dev.wasmrt.jit.ChunkLocals}), write back those they set on exit, and return
 *       the next entry (a chunk start, or a loop head, block end or else-arm reached from
 *       another chunk) to the driver {@code f<i>}, which loops over them (through group
 *       methods past 256 chunks), passing on its call budget.
 *       Values a branch carries across chunks travel in the frame; a br_table with many targets
 *       in other chunks looks their entry ids up in a string constant instead of a switch.</li>
 * </ul>
 *
 * <h2>What runs in the interpreter instead</h2>
 * Functions the compiler does not translate run in the interpreter transparently; the reason
 * is in {@link dev.wasmrt.jit.CompiledCode#fallbacks()}. Every instruction is compiled; only
 * JVM limits remain: more than 250 parameter slots (in the function's own type or in one it
 * calls), more than 60000 local slots, and a method still over the JVM's 64 KiB limit after
 * splitting (one expression too large to cut, which no toolchain emits).
 * {@link dev.wasmrt.jit.CodeStats} reports the generated methods' sizes.
 */
package dev.wasmrt.jit;
