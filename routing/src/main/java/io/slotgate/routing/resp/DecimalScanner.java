package io.slotgate.routing.resp;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Fast path for the common length line "&lt;digits&gt;\r": reads the digits in one bounds-checked pass
 * ({@link ByteBuf#forEachByte}) instead of searching for '\r' and then parsing. Anything unusual (sign, leading
 * zero, too many digits, no '\r') is left to the general, Redis-exact path. One instance per decoder.
 */
final class DecimalScanner implements ByteProcessor {

    /** At most 18 digits, so the value cannot overflow and every accepted value is also valid for string2ll. */
    private static final int MAX_DIGITS = 18;

    private long value;
    private int digits;
    private boolean leadingZero;

    /**
     * Parses the non-negative decimal starting at {@code index}, which must be followed by '\r' and one more byte.
     *
     * @return the index of the '\r', or -1 to use the general path
     */
    int scan(ByteBuf buf, int index, int limit) {
        value = 0;
        digits = 0;
        leadingZero = false;
        int stop = buf.forEachByte(index, limit - index, this);
        if (stop < 0 || stop + 1 >= limit || digits == 0 || digits > MAX_DIGITS || leadingZero && digits > 1
                || buf.getByte(stop) != '\r') {
            return -1;
        }
        return stop;
    }

    long value() {
        return value;
    }

    @Override
    public boolean process(byte b) {
        int d = b - '0';
        if (d < 0 || d > 9 || digits > MAX_DIGITS) {
            return false;
        }
        if (digits == 0 && d == 0) {
            leadingZero = true;
        }
        value = value * 10 + d;
        digits++;
        return true;
    }
}
