package io.slotgate.routing.slot;

import io.netty.buffer.ByteBuf;

/**
 * Key to hash slot: CRC16/XMODEM of the key (or of its hash tag) modulo 16384.
 * Rules and vectors: shared/reference/cluster-protocol.md section 1.
 */
public final class SlotHash {

    /** Number of hash slots in a Redis cluster. */
    public static final int SLOT_COUNT = 16384;

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private SlotHash() {
    }

    /** CRC16/XMODEM over {@code len} bytes of {@code data} starting at {@code off}. */
    public static int crc16(byte[] data, int off, int len) {
        int crc = 0;
        for (int i = off, end = off + len; i < end; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    /** CRC16/XMODEM over {@code len} readable bytes of {@code buf} starting at absolute index {@code index}. */
    public static int crc16(ByteBuf buf, int index, int len) {
        int crc = 0;
        for (int i = index, end = index + len; i < end; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ buf.getByte(i)) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    /** Slot of a whole key given as a byte array. */
    public static int slot(byte[] key) {
        return slot(key, 0, key.length);
    }

    /** Slot of the key stored in {@code key[off, off+len)}, honouring the hash-tag rule. */
    public static int slot(byte[] key, int off, int len) {
        int end = off + len;
        int open = -1;
        for (int i = off; i < end; i++) {
            if (key[i] == '{') {
                open = i;
                break;
            }
        }
        if (open >= 0) {
            for (int i = open + 1; i < end; i++) {
                if (key[i] == '}') {
                    if (i > open + 1) {
                        return crc16(key, open + 1, i - open - 1) & (SLOT_COUNT - 1);
                    }
                    break;
                }
            }
        }
        return crc16(key, off, len) & (SLOT_COUNT - 1);
    }

    /** Slot of the key stored in {@code buf[index, index+len)} (absolute indexes), honouring the hash-tag rule. */
    public static int slot(ByteBuf buf, int index, int len) {
        int end = index + len;
        int open = buf.indexOf(index, end, (byte) '{');
        if (open >= 0) {
            int close = buf.indexOf(open + 1, end, (byte) '}');
            if (close > open + 1) {
                return crc16(buf, open + 1, close - open - 1) & (SLOT_COUNT - 1);
            }
        }
        return crc16(buf, index, len) & (SLOT_COUNT - 1);
    }
}
