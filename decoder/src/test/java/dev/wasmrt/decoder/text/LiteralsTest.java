package dev.wasmrt.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralsTest {

    @Test
    void integersAcceptUnsignedAndSignedRanges() {
        assertEquals(0xFFFFFFFFL, Literals.parseInt("4294967295", 32));
        assertEquals(0xFFFFFFFFL, Literals.parseInt("0xffff_ffff", 32));
        assertEquals(-0x80000000L, Literals.parseInt("-0x80000000", 32));
        assertEquals(42, Literals.parseInt("+42", 32));
        assertEquals(Long.MIN_VALUE, Literals.parseInt("-9223372036854775808", 64));
        assertEquals(-1L, Literals.parseInt("18446744073709551615", 64));
        assertEquals(1_000_000, Literals.parseInt("1_000_000", 32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "-2147483649", "+2147483648", "0x1_0000_0000"})
    void integersOutOfRangeAreRejected(String text) {
        assertThrows(ArithmeticException.class, () -> Literals.parseInt(text, 32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_1", "1_", "1__0", "0x", "0x_1", "1.0", "1e3", "0xg", "+", "--1"})
    void malformedIntegersAreNoNumbers(String text) {
        assertThrows(NumberFormatException.class, () -> Literals.parseInt(text, 32));
    }

    private static int f32(String text) { return Literals.parseF32(text); }

    private static long f64(String text) { return Literals.parseF64(text); }

    @Test
    void hexFloatsRoundToNearestEven() {
        // 1 + 2^-24 lies exactly between 1 and the next float: ties go to the even mantissa (1)
        assertEquals(Float.floatToRawIntBits(0x1p-50f), f32("0x1.00000100000000000p-50"));
        // a bit above the tie rounds up
        assertEquals(Float.floatToRawIntBits(0x1.000002p-50f), f32("0x1.00000100000000001p-50"));
        // 1 + 3 * 2^-24 is a tie between odd 1+2^-23 and even 1+2^-22
        assertEquals(Float.floatToRawIntBits(0x1.000004p-50f), f32("0x1.000003p-50"));
        assertEquals(Double.doubleToRawLongBits(0x1p0), f64("0x1.00000000000008p0"));
        assertEquals(Double.doubleToRawLongBits(0x1.0000000000002p0), f64("0x1.00000000000018p0"));
    }

    @Test
    void hexFloatsWithoutExponentOrFraction() {
        assertEquals(Float.floatToRawIntBits(10f), f32("0xa"));
        assertEquals(Float.floatToRawIntBits(1.5f), f32("0x1.8"));
        assertEquals(Float.floatToRawIntBits(0.5f), f32("0x1P-1"));
        assertEquals(Double.doubleToRawLongBits(255.0), f64("0xf_f."));
    }

    @Test
    void decimalFloatsRoundToNearestEven() {
        // the midpoint between 1 and 1 + 2^-23 is 1 + 2^-24 = 1.000000059604644775390625
        assertEquals(Float.floatToRawIntBits(1f), f32("1.000000059604644775390625"));
        assertEquals(Float.floatToRawIntBits(Math.nextUp(1f)), f32("1.000000059604644775390626"));
        assertEquals(Float.floatToRawIntBits(1f), f32("1.000000059604644775390624"));
        assertEquals(Double.doubleToRawLongBits(0.1), f64("0.1"));
        assertEquals(Double.doubleToRawLongBits(1e23), f64("1e23"));
        assertEquals(Double.doubleToRawLongBits(1e23), f64("1_0e2_2"));
    }

    @Test
    void largestFiniteValuesAndOverflow() {
        assertEquals(Float.floatToRawIntBits(Float.MAX_VALUE), f32("0x1.fffffep127"));
        assertEquals(Float.floatToRawIntBits(Float.MAX_VALUE), f32("0x1.fffffefffffffffp127"));
        assertThrows(ArithmeticException.class, () -> f32("0x1.ffffffp127"));
        assertThrows(ArithmeticException.class, () -> f32("1e39"));
        assertEquals(Double.doubleToRawLongBits(Double.MAX_VALUE), f64("0x1.fffffffffffff7ffffffp1023"));
        assertThrows(ArithmeticException.class, () -> f64("0x1.fffffffffffff8p1023"));
        assertThrows(ArithmeticException.class, () -> f64("1e309"));
        assertThrows(ArithmeticException.class, () -> f64("1e1000000000000"));
    }

    @Test
    void subnormalsAndUnderflow() {
        assertEquals(1, f32("0x1p-149"));
        assertEquals(0, f32("0x1p-150"));
        assertEquals(1, f32("0x1.000001p-150"));
        assertEquals(2, f32("0x1.8p-149"));
        assertEquals(1L, f64("0x1p-1074"));
        assertEquals(0L, f64("0x1p-1075"));
        assertEquals(2L, f64("0x1.8p-1074"));
        assertEquals(Double.doubleToRawLongBits(Double.MIN_NORMAL), f64("2.2250738585072014e-308"));
        assertEquals(Long.MIN_VALUE, f64("-1e-1000000"));
    }

    @Test
    void infinitiesAndNans() {
        assertEquals(0x7F800000, f32("inf"));
        assertEquals(0xFF800000, f32("-inf"));
        assertEquals(0x7FC00000, f32("nan"));
        assertEquals(0xFFC00000, f32("-nan"));
        assertEquals(0x7FA00000, f32("nan:0x200000"));
        assertEquals(0x7FF0000000000001L, f64("+nan:0x1"));
        assertEquals(0x7FF8000000000000L, f64("nan"));
        assertThrows(ArithmeticException.class, () -> f32("nan:0x0"));
        assertThrows(ArithmeticException.class, () -> f32("nan:0x800000"));
        assertThrows(ArithmeticException.class, () -> f64("nan:0x10000000000000"));
    }

    @Test
    void hugeLiteralsAreReadExactlyAndQuickly() {
        String long1 = "1" + "0".repeat(200_000) + "e-200000";
        String tiny = "0." + "0".repeat(100_000) + "1";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(Double.doubleToRawLongBits(1.0), f64(long1));
            assertEquals(0L, f64(tiny));
            assertEquals(Float.floatToRawIntBits(1f), f32("0x" + "0".repeat(100_000) + "1p0"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.e", "0x1p", ".5", "1..0", "1e+", "0x.8", "infinity", "nan:1", "1.0f", "0x1.8q", "1_.0"})
    void malformedFloatsAreNoNumbers(String text) {
        assertThrows(NumberFormatException.class, () -> f64(text));
    }

    @Property
    void decimalDoublesMatchJavasCorrectlyRoundedParser(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return;
        String text = Double.toString(d).replace("E", "e");
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), f64(text));
    }

    @Property
    void decimalFloatsMatchJavasCorrectlyRoundedParser(@ForAll float f, @ForAll("digits") String extra) {
        if (Float.isNaN(f) || Float.isInfinite(f)) return;
        // extra digits move the value off the shortest representation, so rounding matters
        String text = new java.math.BigDecimal(f).toPlainString();
        if (!text.contains(".")) text += ".";
        text += extra;
        assertEquals(Float.floatToRawIntBits(Float.parseFloat(text)), f32(text));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> digits() {
        return net.jqwik.api.Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12);
    }

    @Property
    void hexDoublesReadBackExactly(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return;
        assertEquals(Double.doubleToRawLongBits(d), f64(Double.toHexString(d)));
    }
}
