package io.slotgate.node.store;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersUnitTests {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldParseIntegersWithRedisStrictness() {
        assertThat(Numbers.parseLong(b("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
        assertThat(Numbers.parseLong(b("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        assertThat(Numbers.parseLong(b("9223372036854775808"))).isNull();
        assertThat(Numbers.parseLong(b("01"))).isNull();
        assertThat(Numbers.parseLong(b("+1"))).isNull();
        assertThat(Numbers.parseLong(b(" 1"))).isNull();
        assertThat(Numbers.parseLong(b("-"))).isNull();
        assertThat(Numbers.parseLong(b("0"))).isEqualTo(0L);
        assertThat(Numbers.parseLong(b("-0"))).isNull(); // string2ll: after '-' the first digit must be 1-9
        assertThat(Numbers.parseLong(b("-01"))).isNull();
        assertThat(Numbers.parseLong(b(""))).isNull();
        assertThat(Numbers.parseLong(b("12a"))).isNull();
        assertThat(Numbers.parseLong(b("-9223372036854775809"))).isNull();
    }

    @Test
    void shouldFormatIntegersAsTheirDecimalDigits() {
        for (long v : new long[] {0, 7, -7, 10, 99, -100, 123456789012L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(new String(Numbers.format(v), StandardCharsets.US_ASCII)).isEqualTo(Long.toString(v));
            assertThat(Numbers.parseLong(Numbers.format(v))).isEqualTo(v);
        }
    }

    @Test
    void shouldParseFloatsLikeStrtold() {
        assertThat(Numbers.parseDouble(b("1.5"))).isEqualTo(1.5);
        assertThat(Numbers.parseDouble(b("-inf"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Numbers.parseDouble(b("nan"))).isNull();
        assertThat(Numbers.parseDouble(b("1d"))).isNull();
        assertThat(Numbers.parseDouble(b(" 1"))).isNull();
    }

    @Test
    void shouldFormatScoresLikePercent17g() {
        assertThat(Numbers.formatScore(1.1)).isEqualTo("1.1000000000000001");
        assertThat(Numbers.formatScore(3)).isEqualTo("3");
        assertThat(Numbers.formatScore(1e-5)).isEqualTo("1.0000000000000001e-05");
        assertThat(Numbers.formatScore(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(Numbers.formatScore(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }

    @Test
    void shouldAddFloatsLikeLongDoubleArithmetic() {
        assertThat(new String(Numbers.addFloats(new BigDecimal("10.50"), new BigDecimal("0.1"))))
                .isEqualTo("10.6");
        assertThat(new String(Numbers.addFloats(new BigDecimal("10.1"), new BigDecimal("3.0e3"))))
                .isEqualTo("3010.10000000000000009"); // what redis-server 7.0 answers
        assertThat(new String(Numbers.addFloats(new BigDecimal("1.23456789"), new BigDecimal("1e10"))))
                .isEqualTo("10000000001.23456788994371891");
        assertThat(new String(Numbers.addFloats(new BigDecimal("0.1"), new BigDecimal("0.2")))).isEqualTo("0.3");
        assertThat(new String(Numbers.addFloats(new BigDecimal("5.0e3"), new BigDecimal("2.0e2"))))
                .isEqualTo("5200");
    }
}
