package io.slotgate.node.persistence.rdb;

/**
 * Redis's CRC-64 (Jones polynomial 0xad93d23594c935a9, reflected input and output, initial value 0, no final
 * xor): the checksum that ends every RDB file and DUMP payload. Check value: "123456789" gives
 * 0xe9c6d914c4b8d9ca.
 */
public final class Crc64 {

    /** The Jones polynomial bit-reversed, for the LSB-first (reflected) table. */
    private static final long REFLECTED_POLY = Long.reverse(0xad93d23594c935a9L);
    private static final long[] TABLE = new long[256];

    static {
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLY : crc >>> 1;
            }
            TABLE[n] = crc;
        }
    }

    private Crc64() {
    }

    /** Continues {@code crc} over {@code len} bytes of {@code data} from {@code off}. */
    public static long update(long crc, byte[] data, int off, int len) {
        long c = crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(int) ((c ^ data[i]) & 0xff)] ^ (c >>> 8);
        }
        return c;
    }

    public static long update(long crc, int b) {
        return TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }

    public static long of(byte[] data, int off, int len) {
        return update(0, data, off, len);
    }

    public static long of(byte[] data) {
        return of(data, 0, data.length);
    }
}
