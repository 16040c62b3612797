/**
 * SIMD ({@code v128}) and relaxed-SIMD semantics, shared by the interpreter and the compiler.
 *
 * <p>A {@code v128} travels as two {@code long} halves: {@code lo} holds bytes 0-7 and
 * {@code hi} bytes 8-15, each little-endian, so lane 0 sits in the lowest bits of {@code lo}.
 * Every operation is a static, allocation-free method on halves:
 * <ul>
 *   <li>lane-wise operations ({@link SimdInt}, {@link SimdCompare}, {@link SimdFloat}, most of
 *       {@link SimdConvert} and {@link SimdWiden}) take one half of each operand and return that
 *       half of the result; an engine calls them once for {@code lo} and once for {@code hi},
 *       through {@link SimdLanewise}, the one mapping from opcode to helper;</li>
 *   <li>operations that move lanes between halves take the halves they read and return one half
 *       of the result (their documentation says which), or a scalar.</li>
 * </ul>
 * Integer operations that exist for several lane shapes take the lane width in bits (8, 16, 32
 * or 64) as their last argument. Scalars follow the engines' slot conventions: an i32 is an
 * {@code int}, f32 and f64 lanes are raw bits.
 *
 * <p>Relaxed SIMD takes one deterministic choice everywhere: relaxed swizzle, truncation,
 * laneselect, min/max and q15mulr behave like their strict counterparts, madd/nmadd are fused,
 * and the relaxed dot products multiply signed by signed.
 */
package dev.wasmrt.interpreter.simd;
