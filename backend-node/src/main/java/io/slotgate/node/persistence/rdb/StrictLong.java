package io.slotgate.node.persistence.rdb;

/**
 * Parses a decimal the way Redis's string2ll does before integer-encoding a string: no sign other than a
 * leading '-', no leading zeros, no "-0", fits 64 bits. Only such strings survive an integer round trip
 * byte for byte, so only they may be stored as integers.
 */
final class StrictLong {

    private StrictLong() {
    }

    static Long parse(byte[] s) {
        int n = s.length;
        if (n == 0 || n > 20) {
            return null;
        }
        if (n == 1 && s[0] == '0') {
            return 0L;
        }
        int i = 0;
        boolean negative = false;
        if (s[0] == '-') {
            negative = true;
            i = 1;
            if (n == 1) {
                return null;
            }
        }
        if (s[i] < '1' || s[i] > '9') {
            return null;
        }
        long v = 0;
        for (; i < n; i++) {
            int d = s[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            // accumulate negatively so Long.MIN_VALUE fits
            if (v < (Long.MIN_VALUE + d) / 10) {
                return null;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return null;
            }
            v = -v;
        }
        return v;
    }
}
