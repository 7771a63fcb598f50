package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;

/**
 * CRC-64/Jones as Redis uses it for RDB trailers and DUMP payloads (reflected, polynomial 0xad93d23594c935a9,
 * init 0, no final xor); check value of "123456789" is 0xe9c6d914c4b8d9ca.
 */
public final class Crc64 {

    private static final long POLY_REFLECTED = 0x95AC9329AC4BC9B5L;
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY_REFLECTED : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc64() {
    }

    public static long update(long crc, byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            crc = TABLE[(int) ((crc ^ b[i]) & 0xFF)] ^ (crc >>> 8);
        }
        return crc;
    }

    /** Updates over the readable bytes of {@code buf} without consuming them. */
    public static long update(long crc, ByteBuf buf) {
        if (buf.hasArray()) {
            return update(crc, buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
        }
        int end = buf.writerIndex();
        for (int i = buf.readerIndex(); i < end; i++) {
            crc = TABLE[(int) ((crc ^ buf.getByte(i)) & 0xFF)] ^ (crc >>> 8);
        }
        return crc;
    }
}
