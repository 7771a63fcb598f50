package io.slotgate.node.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Redis's strict number parsing and formatting of values stored as strings. */
public final class Numbers {

    private Numbers() {
    }

    /** The value as a strict 64-bit decimal (Redis string2ll rules), or null. */
    public static Long parseLong(byte[] s) {
        return isLong(s) ? toLong(s) : null;
    }

    /** Whether {@code s} is a strict 64-bit decimal (Redis string2ll rules: no '+', spaces or leading zeros). */
    public static boolean isLong(byte[] s) {
        int len = s.length;
        if (len == 0 || len > 20) {
            return false;
        }
        int p = s[0] == '-' ? 1 : 0;
        if (p == len || (s[p] == '0' && len > 1)) { // "0" is the only number starting with 0 (not "-0")
            return false;
        }
        long v = 0; // accumulated negatively so that Long.MIN_VALUE fits
        for (; p < len; p++) {
            int d = s[p] - '0';
            if (d < 0 || d > 9 || v < (Long.MIN_VALUE + d) / 10) {
                return false;
            }
            v = v * 10 - d;
        }
        return s[0] == '-' || v != Long.MIN_VALUE;
    }

    /** The value of a string {@link #isLong} accepted, without boxing (INCR's path); unspecified for others. */
    public static long toLong(byte[] s) {
        boolean negative = s[0] == '-';
        long v = 0;
        for (int p = negative ? 1 : 0; p < s.length; p++) {
            v = v * 10 - (s[p] - '0');
        }
        return negative ? v : -v;
    }

    /**
     * The value as a double with Redis's rules (strtold: no spaces, "inf"/"-inf" accepted, NaN rejected), or null.
     */
    public static Double parseDouble(byte[] s) {
        if (s.length == 0 || s.length > 5000) {
            return null;
        }
        String t = new String(s, StandardCharsets.US_ASCII);
        char first = t.charAt(0);
        char last = t.charAt(t.length() - 1);
        if (Character.isWhitespace(first) || Character.isWhitespace(last)) {
            return null;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (lower.contains("n") || lower.endsWith("d") || lower.endsWith("f")) {
            return null; // Java would accept NaN/Infinity spellings and "1d"/"1f" suffixes
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isNaN(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Decimal digits of {@code v} as ASCII, written straight into the array (no String on INCR's path). */
    public static byte[] format(long v) {
        if (v == Long.MIN_VALUE) {
            return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
        }
        long u = Math.abs(v);
        int digits = 1;
        for (long t = u; t >= 10; t /= 10) {
            digits++;
        }
        byte[] out = new byte[v < 0 ? digits + 1 : digits];
        int i = out.length;
        do {
            out[--i] = (byte) ('0' + u % 10);
            u /= 10;
        } while (u != 0);
        if (v < 0) {
            out[0] = '-';
        }
        return out;
    }

    /**
     * INCRBYFLOAT arithmetic: Redis adds in long double and prints "%.17Lf" with trailing zeros cut; exact decimal
     * addition rounded to 19 significant digits then 17 decimals reproduces its output for ordinary values.
     */
    public static byte[] addFloats(BigDecimal a, BigDecimal b) {
        BigDecimal sum = toLongDouble(toLongDouble(a).add(toLongDouble(b)));
        BigDecimal scaled = sum.setScale(17, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = scaled.signum() == 0 ? "0" : scaled.toPlainString();
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Rounds to the nearest value with a 64-bit mantissa (x87 long double), exactly as a decimal. */
    static BigDecimal toLongDouble(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        java.math.BigInteger unscaled = x.unscaledValue().abs();
        // value = unscaled * 10^-scale; choose k so that value * 2^k has 64 integer bits.
        double approxLog2 = (unscaled.bitLength() - 1) - x.scale() * (Math.log(10) / Math.log(2));
        int k = 63 - (int) Math.floor(approxLog2);
        BigDecimal scaledUp = x.abs().multiply(pow2(k));
        java.math.BigInteger m = scaledUp.setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
        while (m.bitLength() > 64) {
            k--;
            m = x.abs().multiply(pow2(k)).setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
        }
        while (m.bitLength() < 64) {
            k++;
            m = x.abs().multiply(pow2(k)).setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
        }
        BigDecimal r = new BigDecimal(m).multiply(pow2(-k));
        return x.signum() < 0 ? r.negate() : r;
    }

    private static BigDecimal pow2(int k) {
        return k >= 0 ? new BigDecimal(java.math.BigInteger.ONE.shiftLeft(k))
                : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(-k)));
    }

    /**
     * A score as Redis stores it inside compact sorted sets (its d2string): integral values in the long range as
     * integers, others like {@link #formatScore}. ZSCAN returns this form.
     */
    public static String formatStored(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 9.2e18 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return formatScore(v);
    }

    /** Formats a double like C's "%.17g" (what Redis 7.0 uses for scores and other double replies). */
    public static String formatScore(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal bd = new BigDecimal(v).round(new java.math.MathContext(17, java.math.RoundingMode.HALF_EVEN));
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent < -4 || exponent >= 17) {
            BigDecimal mant = bd.movePointLeft(exponent).stripTrailingZeros();
            String m = mant.toPlainString();
            int ae = Math.abs(exponent);
            return m + "e" + (exponent < 0 ? "-" : "+") + (ae < 10 ? "0" : "") + ae;
        }
        String s = bd.stripTrailingZeros().toPlainString();
        return s;
    }
}
