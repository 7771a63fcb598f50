package io.slotgate.node.store;

/**
 * Redis's CRC-64 ("Jones": reflected, polynomial 0xAD93D23594C935A9, init 0, no final xor), the checksum of DUMP
 * payloads (cluster-protocol.md §10.2). Check value: crc("123456789") = 0xE9C6D914C4B8D9CA.
 */
public final class Crc64 {

    private static final long[] TABLE = new long[256];

    static {
        long poly = 0x95AC9329AC4BC9B5L; // reflected form of 0xAD93D23594C935A9
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc64() {
    }

    public static long crc(byte[] data, int off, int len) {
        long crc = 0;
        for (int i = off; i < off + len; i++) {
            crc = TABLE[(int) ((crc ^ data[i]) & 0xFF)] ^ (crc >>> 8);
        }
        return crc;
    }
}
