package dev.wasmrt.interpreter.simd;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lane-wise results agree with Java's narrow integer arithmetic applied lane by lane. */
class LaneArithmeticPropertiesTest {
    private static byte b(long half, int i) { return (byte) (half >>> (8 * i)); }

    private static short s(long half, int i) { return (short) (half >>> (16 * i)); }

    private static int w(long half, int i) { return (int) (half >>> (32 * i)); }

    @Property
    void byteLanesWrapLikeJavaBytes(@ForAll long x, @ForAll long y) {
        long sum = SimdInt.add(x, y, 8);
        long diff = SimdInt.sub(x, y, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals((byte) (b(x, i) + b(y, i)), b(sum, i));
            assertEquals((byte) (b(x, i) - b(y, i)), b(diff, i));
        }
    }

    @Property
    void shortLanesMultiplyAndCompareLikeJavaShorts(@ForAll long x, @ForAll long y) {
        long product = SimdInt.mul(x, y, 16);
        long lessU = SimdCompare.ints(x, y, 16, SimdCompare.LT_U);
        for (int i = 0; i < 4; i++) {
            assertEquals((short) (s(x, i) * s(y, i)), s(product, i));
            assertEquals(Integer.compareUnsigned(s(x, i) & 0xFFFF, s(y, i) & 0xFFFF) < 0 ? (short) -1 : 0, s(lessU, i));
        }
    }

    @Property
    void intLaneShiftsMatchJavaIntShifts(@ForAll long x, @ForAll @IntRange(min = -100, max = 100) int count) {
        long left = SimdInt.shl(x, count, 32);
        long right = SimdInt.shrS(x, count, 32);
        long rightU = SimdInt.shrU(x, count, 32);
        for (int i = 0; i < 2; i++) {
            assertEquals(w(x, i) << count, w(left, i));
            assertEquals(w(x, i) >> count, w(right, i));
            assertEquals(w(x, i) >>> count, w(rightU, i));
        }
    }

    @Property
    void saturatingByteAdditionClampsTheExactSum(@ForAll long x, @ForAll long y) {
        long sat = SimdInt.addSatS(x, y, 8);
        for (int i = 0; i < 8; i++) {
            int exact = b(x, i) + b(y, i);
            assertEquals((byte) Math.max(-128, Math.min(127, exact)), b(sat, i));
        }
    }
}
