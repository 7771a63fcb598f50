package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;

/** Decimal parsing of RESP length and integer lines with Redis's strictness (its string2ll). */
final class RespNumbers {

    /** Returned by {@link #parseLong} for text that is not a valid integer; never a valid RESP length. */
    static final long INVALID = Long.MIN_VALUE;

    /** Redis rejects numbers of 21 or more characters outright (LONG_STR_SIZE). */
    private static final int MAX_DIGITS_WITH_SIGN = 20;

    private RespNumbers() {
    }

    /**
     * Parses {@code buf[index, index+len)} as Redis's string2ll does: no '+', no spaces, no leading zeros except
     * "0" itself, no "-0", no overflow.
     *
     * @return the value, or {@link #INVALID} (Long.MIN_VALUE itself is reported as invalid, harmless for lengths)
     */
    static long parseLong(ByteBuf buf, int index, int len) {
        if (len <= 0 || len > MAX_DIGITS_WITH_SIGN) {
            return INVALID;
        }
        if (len == 1 && buf.getByte(index) == '0') {
            return 0;
        }
        int p = index;
        int end = index + len;
        boolean negative = false;
        if (buf.getByte(p) == '-') {
            negative = true;
            p++;
            if (p == end) {
                return INVALID;
            }
        }
        int first = buf.getByte(p) - '0';
        if (first < 1 || first > 9) {
            return INVALID;
        }
        long value = first;
        for (p++; p < end; p++) {
            int d = buf.getByte(p) - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                return INVALID;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }
}
