package dev.wasmrt.interpreter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Edge cases from the Wasm numeric semantics; expected values follow the spec text and suite. */
class NumericsTest {
    private static void assertTrap(String reason, Runnable body) {
        assertEquals(reason, assertThrows(Trap.class, body::run).reason());
    }

    @Test
    void signedDivisionOverflowAndZeroTrap() {
        assertTrap("integer overflow", () -> Numerics.i32DivS(Integer.MIN_VALUE, -1));
        assertTrap("integer overflow", () -> Numerics.i64DivS(Long.MIN_VALUE, -1));
        assertTrap("integer divide by zero", () -> Numerics.i32DivU(1, 0));
        assertTrap("integer divide by zero", () -> Numerics.i64RemS(1, 0));
        assertEquals(0, Numerics.i32RemS(Integer.MIN_VALUE, -1));
        assertEquals(0, Numerics.i64RemS(Long.MIN_VALUE, -1));
        assertEquals(-1, Numerics.i32RemS(-7, 2));
        assertEquals(0x7FFFFFFF, Numerics.i32DivU(-1, 2));
        assertEquals(1, Numerics.i32RemU(-1, 2));
    }

    @Test
    void truncationTrapsAtTheExactBounds() {
        assertEquals(Integer.MIN_VALUE, Numerics.i32TruncS(-2147483648.9));
        assertEquals(Integer.MAX_VALUE, Numerics.i32TruncS(2147483647.9));
        assertTrap("integer overflow", () -> Numerics.i32TruncS(2147483648.0));
        assertTrap("integer overflow", () -> Numerics.i32TruncS(-2147483649.0));
        assertTrap("invalid conversion to integer", () -> Numerics.i32TruncS(Double.NaN));
        assertEquals(0, Numerics.i32TruncU(-0.9));
        assertEquals(-1, Numerics.i32TruncU(4294967295.9));
        assertTrap("integer overflow", () -> Numerics.i32TruncU(-1.0));
        assertTrap("integer overflow", () -> Numerics.i32TruncU(4294967296.0));
        assertEquals(Long.MIN_VALUE, Numerics.i64TruncS(-9.223372036854775808E18));
        assertTrap("integer overflow", () -> Numerics.i64TruncS(9.223372036854775808E18));
        assertEquals(0xFFFFFFFFFFFFF800L, Numerics.i64TruncU(1.8446744073709550E19));
        assertTrap("integer overflow", () -> Numerics.i64TruncU(1.8446744073709551616E19));
        assertTrap("integer overflow", () -> Numerics.i64TruncU(Double.NEGATIVE_INFINITY));
    }

    @Test
    void saturatingTruncationClampsAndMapsNanToZero() {
        assertEquals(0, Numerics.i32TruncSatS(Double.NaN));
        assertEquals(Integer.MAX_VALUE, Numerics.i32TruncSatS(1e10));
        assertEquals(Integer.MIN_VALUE, Numerics.i32TruncSatS(Double.NEGATIVE_INFINITY));
        assertEquals(0, Numerics.i32TruncSatU(-5.0));
        assertEquals(-1, Numerics.i32TruncSatU(1e10));
        assertEquals(-1L, Numerics.i64TruncSatU(Double.POSITIVE_INFINITY));
        assertEquals(0L, Numerics.i64TruncSatU(Double.NaN));
        assertEquals(Long.MIN_VALUE, Numerics.i64TruncSatS(-1e30));
    }

    @Test
    void nearestRoundsHalfToEvenAndKeepsTheSignOfZero() {
        assertEquals(2.0f, Numerics.f32Nearest(2.5f));
        assertEquals(4.0f, Numerics.f32Nearest(3.5f));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Numerics.f32Nearest(-0.5f)));
        assertEquals(-4.0, Numerics.f64Nearest(-4.5));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Numerics.f64Trunc(-0.7)));
    }

    @Test
    void minMaxOrderSignedZerosAndQuietNans() {
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Numerics.f32Min(0.0f, -0.0f)));
        assertEquals(Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(Numerics.f32Max(-0.0f, 0.0f)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Numerics.f64Min(0.0, -0.0)));
        float signalling = Float.intBitsToFloat(0x7FA00000);
        int result = Float.floatToRawIntBits(Numerics.f32Min(signalling, 1.0f));
        assertEquals(0x7FC00000, result & 0x7FC00000, "an arithmetic NaN has the quiet bit set");
        long d = Double.doubleToRawLongBits(Numerics.f64Max(1.0, Double.longBitsToDouble(0x7FF4000000000000L)));
        assertEquals(0x7FF8000000000000L, d & 0x7FF8000000000000L);
    }

    @Test
    void signOperationsWorkOnBitsAndPreserveNanPayloads() {
        assertEquals(0x7FA00001, Numerics.f32Abs(0xFFA00001));
        assertEquals(0xFFA00001, Numerics.f32Neg(0x7FA00001));
        assertEquals(0xBF800000, Numerics.f32Copysign(0x3F800000, 0x80000000));
        assertEquals(0x7FF0000000000001L, Numerics.f64Abs(0xFFF0000000000001L));
        assertEquals(0x8000000000000000L, Numerics.f64Neg(0L));
        assertEquals(0x7FF8000000000000L, Numerics.f64Copysign(0xFFF8000000000000L, 0L));
    }

    @Test
    void unsignedConversionRoundsOnceToNearestEven() {
        assertEquals(Float.intBitsToFloat(0x5F800000), Numerics.f32ConvertI64U(-1L));
        // 2^63 + 2^39 + 1: the low bit decides the rounding direction (conversions.wast).
        assertEquals(Float.intBitsToFloat(0x5F000001), Numerics.f32ConvertI64U(0x8000008000000001L));
        assertEquals(9223372036854777856.0, Numerics.f64ConvertI64U(0x8000000000000401L));
        assertEquals(4294967295.0f, Numerics.f32ConvertI32U(-1));
        assertEquals(4294967295.0, Numerics.f64ConvertI32U(-1));
    }

    @Test
    void wideArithmeticCarriesAndBorrowsAcrossWords() {
        assertEquals(1, Numerics.add128High(-1L, 0, 1, 0));
        assertEquals(-1, Numerics.sub128High(0, 0, 1, 0));
        assertEquals(-2, Numerics.mulWideHighU(-1L, -1L));
        assertEquals(0, Numerics.mulWideHighS(-1L, -1L));
        assertEquals(-1, Numerics.mulWideHighS(Long.MIN_VALUE, 1));
    }
}
