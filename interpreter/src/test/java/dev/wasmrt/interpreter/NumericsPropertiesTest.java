package dev.wasmrt.interpreter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Unsigned conversions checked against exact arithmetic on BigInteger/BigDecimal. */
class NumericsPropertiesTest {
    private static BigInteger unsigned(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }

    @Property
    void unsignedLongToFloatRoundsLikeExactArithmetic(@ForAll long x) {
        assertEquals(new BigDecimal(unsigned(x)).floatValue(), Numerics.f32ConvertI64U(x));
    }

    @Property
    void unsignedLongToDoubleRoundsLikeExactArithmetic(@ForAll long x) {
        assertEquals(new BigDecimal(unsigned(x)).doubleValue(), Numerics.f64ConvertI64U(x));
    }

    @Property
    void unsignedTruncationMatchesExactTruncation(@ForAll @DoubleRange(min = 0, max = 1.8446744073709550E19) double d) {
        BigInteger exact = new BigDecimal(d).setScale(0, RoundingMode.DOWN).toBigInteger();
        assertEquals(exact.longValue(), Numerics.i64TruncU(d));
        assertEquals(exact.longValue(), Numerics.i64TruncSatU(d));
    }

    @Property
    void signedTruncationAgreesWithSaturationInRange(@ForAll @DoubleRange(min = -2147483648.99, max = 2147483647.99) double d) {
        assertEquals(Numerics.i32TruncSatS(d), Numerics.i32TruncS(d));
        assertEquals(new BigDecimal(d).setScale(0, RoundingMode.DOWN).intValueExact(), Numerics.i32TruncS(d));
    }
}
