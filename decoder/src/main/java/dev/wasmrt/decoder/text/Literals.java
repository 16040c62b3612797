package dev.wasmrt.decoder.text;

import java.math.BigInteger;

/**
 * Number literals of the text format. Integers accept decimal and {@code 0x} hex with {@code _}
 * separators; floats accept decimal and hex forms, {@code inf}, {@code nan} and
 * {@code nan:0x...}, rounded to nearest-even from the exact value. Methods throw
 * {@link NumberFormatException} for text that is not a literal of the kind, and
 * {@link ArithmeticException} for a literal outside the type's range.
 */
public final class Literals {
    private Literals() {}

    private static final BigInteger TEN = BigInteger.TEN;

    /** An integer of {@code bits} bits: unsigned without a sign, signed with one. Returns the bits. */
    public static long parseInt(String text, int bits) {
        boolean negative = text.startsWith("-");
        boolean signed = negative || text.startsWith("+");
        BigInteger magnitude = parseMagnitude(text, signed ? 1 : 0);
        BigInteger limit = signed
                ? BigInteger.ONE.shiftLeft(bits - 1).subtract(negative ? BigInteger.ZERO : BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (magnitude.compareTo(limit) > 0) throw new ArithmeticException("constant out of range");
        return negative ? magnitude.negate().longValue() : magnitude.longValue();
    }

    /** An unsigned integer (an index, a limit, an offset) that must fit in {@code bits} bits. */
    public static long parseUnsigned(String text, int bits) {
        BigInteger magnitude = parseMagnitude(text, 0);
        if (magnitude.bitLength() > bits) throw new ArithmeticException("constant out of range");
        return magnitude.longValue();
    }

    /** True when the text has the syntax of an unsigned integer. */
    public static boolean isUnsigned(String text) {
        try {
            parseMagnitude(text, 0);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BigInteger parseMagnitude(String text, int from) {
        if (text.startsWith("0x", from)) return digits(text, from + 2, text.length(), 16);
        return digits(text, from, text.length(), 10);
    }

    /** Digits with single {@code _} between digits; empty or misplaced separators are errors. */
    private static BigInteger digits(String text, int from, int to, int radix) {
        if (from >= to) throw new NumberFormatException(text);
        StringBuilder clean = new StringBuilder(to - from);
        boolean lastWasDigit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                if (!lastWasDigit) throw new NumberFormatException(text);
                lastWasDigit = false;
            } else if (Character.digit(c, radix) >= 0 && c < 0x80) {
                clean.append(c);
                lastWasDigit = true;
            } else {
                throw new NumberFormatException(text);
            }
        }
        if (!lastWasDigit) throw new NumberFormatException(text);
        return new BigInteger(clean.toString(), radix);
    }

    public static int parseF32(String text) {
        return (int) parseFloat(text, FloatFormat.F32);
    }

    public static long parseF64(String text) {
        return parseFloat(text, FloatFormat.F64);
    }

    private enum FloatFormat {
        F32(24, -126, 8), F64(53, -1022, 11);

        final int precision;
        final int minExponent;
        final int exponentBits;

        FloatFormat(int precision, int minExponent, int exponentBits) {
            this.precision = precision;
            this.minExponent = minExponent;
            this.exponentBits = exponentBits;
        }

        long signBit() { return 1L << (precision - 1 + exponentBits); }

        long infinity() { return ((1L << exponentBits) - 1) << (precision - 1); }

        long mantissaMask() { return (1L << (precision - 1)) - 1; }
    }

    private static long parseFloat(String text, FloatFormat f) {
        boolean negative = text.startsWith("-");
        int from = negative || text.startsWith("+") ? 1 : 0;
        long sign = negative ? f.signBit() : 0;
        String body = text.substring(from);
        if (body.equals("inf")) return sign | f.infinity();
        if (body.equals("nan")) return sign | f.infinity() | (1L << (f.precision - 2));
        if (body.startsWith("nan:0x")) {
            BigInteger payload = digits(body, 6, body.length(), 16);
            if (payload.signum() == 0 || payload.bitLength() > f.precision - 1) throw new ArithmeticException("constant out of range");
            return sign | f.infinity() | payload.longValue();
        }
        long magnitude = body.startsWith("0x") ? hexFloat(body, f) : decimalFloat(body, f);
        return sign | magnitude;
    }

    /** Splits {@code [int][.frac][marker exp]} and returns {int, frac, exp} (frac and exp may be null). */
    private static String[] splitFloat(String s, int from, char marker, int radix) {
        int exp = -1;
        for (int i = from; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c == marker) { exp = i; break; }
        }
        int mantissaEnd = exp < 0 ? s.length() : exp;
        int dot = s.indexOf('.', from);
        if (dot >= mantissaEnd) dot = -1;
        String intPart = s.substring(from, dot < 0 ? mantissaEnd : dot);
        String fracPart = dot < 0 ? null : s.substring(dot + 1, mantissaEnd);
        String expPart = exp < 0 ? null : s.substring(exp + 1);
        digits(intPart, 0, intPart.length(), radix); // syntax check: at least one digit
        if (fracPart != null && !fracPart.isEmpty()) digits(fracPart, 0, fracPart.length(), radix);
        if (expPart != null) {
            int e = expPart.startsWith("+") || expPart.startsWith("-") ? 1 : 0;
            digits(expPart, e, expPart.length(), 10);
        }
        return new String[] {intPart, fracPart, expPart};
    }

    private static String strip(String digits) {
        return digits == null ? "" : digits.replace("_", "");
    }

    /** An exponent, saturated far beyond any exponent that can still change the result. */
    private static long exponent(String text) {
        if (text == null) return 0;
        BigInteger e = new BigInteger(strip(text.startsWith("+") ? text.substring(1) : text));
        return e.max(BigInteger.valueOf(-1_000_000_000)).min(BigInteger.valueOf(1_000_000_000)).longValue();
    }

    private static long hexFloat(String s, FloatFormat f) {
        String[] parts = splitFloat(s, 2, 'p', 16);
        String frac = strip(parts[1]);
        BigInteger mantissa = new BigInteger(strip(parts[0]) + frac, 16);
        long binaryExponent = exponent(parts[2]) - 4L * frac.length();
        if (mantissa.signum() == 0) return 0;
        long top = mantissa.bitLength() + binaryExponent;
        if (top > 2000) throw new ArithmeticException("constant out of range");
        if (top < -2000) return 0;
        return round(mantissa, BigInteger.ONE, (int) binaryExponent, f);
    }

    private static long decimalFloat(String s, FloatFormat f) {
        String[] parts = splitFloat(s, 0, 'e', 10);
        String frac = strip(parts[1]);
        String all = strip(parts[0]) + frac;
        BigInteger digits = new BigInteger(all);
        long decimalExponent = exponent(parts[2]) - frac.length();
        if (digits.signum() == 0) return 0;
        int leadingZeros = 0;
        while (all.charAt(leadingZeros) == '0') leadingZeros++;
        long top = all.length() - leadingZeros + decimalExponent;
        if (top > 400) throw new ArithmeticException("constant out of range");
        if (top < -400) return 0;
        if (decimalExponent >= 0) return round(digits.multiply(TEN.pow((int) decimalExponent)), BigInteger.ONE, 0, f);
        return round(digits, TEN.pow((int) -decimalExponent), 0, f);
    }

    /** Rounds {@code num / den * 2^exp2} (positive) to nearest-even in format {@code f}; returns the bits. */
    private static long round(BigInteger num, BigInteger den, int exp2, FloatFormat f) {
        int p = f.precision;
        // floor(log2(value)): the estimate is exact or one too high
        long e = (long) num.bitLength() - den.bitLength() + exp2;
        if (compareScaled(num, den, exp2, e) < 0) e--;
        long lsb = Math.max(e - p + 1, f.minExponent - p + 1);
        BigInteger n = num;
        BigInteger d = den;
        long shift = exp2 - lsb;
        if (shift >= 0) n = n.shiftLeft((int) shift);
        else d = d.shiftLeft((int) -shift);
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(d);
        if (half > 0 || (half == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
        if (q.bitLength() > p) {
            q = q.shiftRight(1);
            lsb++;
        }
        long mantissa = q.longValue();
        if (q.bitLength() < p) return mantissa; // subnormal (or zero after rounding)
        long biased = lsb + p - 1 + ((1L << (f.exponentBits - 1)) - 1);
        if (biased >= (1L << f.exponentBits) - 1) throw new ArithmeticException("constant out of range");
        return biased << (p - 1) | (mantissa & f.mantissaMask());
    }

    /** Compares {@code num / den * 2^exp2} with {@code 2^e}. */
    private static int compareScaled(BigInteger num, BigInteger den, int exp2, long e) {
        long shift = exp2 - e;
        BigInteger left = shift >= 0 ? num.shiftLeft((int) shift) : num;
        BigInteger right = shift >= 0 ? den : den.shiftLeft((int) -shift);
        return left.compareTo(right);
    }
}
