package io.slotgate.node.replication;

import io.slotgate.node.replication.RdbReader.RdbFormatException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the compact blobs a real Redis 7.0 master puts in its RDB: listpacks (small hashes, sorted sets,
 * quicklist nodes) and intsets (small integer sets). Each element comes back as bytes (integers in decimal).
 */
final class CompactEncodings {

    private CompactEncodings() {
    }

    /** The elements of an intset blob: encoding width, count, then little-endian integers. */
    static List<byte[]> intset(byte[] blob) {
        int width = (int) le(blob, 0, 4);
        int count = (int) le(blob, 4, 4);
        if (width != 2 && width != 4 && width != 8 || 8 + (long) width * count > blob.length) {
            throw new RdbFormatException("bad intset");
        }
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long v = le(blob, 8 + i * width, width);
            long signed = width == 8 ? v : (v << (64 - 8 * width)) >> (64 - 8 * width);
            out.add(decimal(signed));
        }
        return out;
    }

    /** The elements of a listpack blob: total bytes, count, entries (encoding, data, back-length), 0xFF. */
    static List<byte[]> listpack(byte[] lp) {
        if (lp.length < 7) {
            throw new RdbFormatException("bad listpack");
        }
        List<byte[]> out = new ArrayList<>();
        int p = 6;
        while (true) {
            if (p >= lp.length) {
                throw new RdbFormatException("listpack without end marker");
            }
            int b = lp[p] & 0xFF;
            if (b == 0xFF) {
                return out;
            }
            int start = p;
            if ((b & 0x80) == 0) {
                out.add(decimal(b & 0x7F));
                p += 1;
            } else if ((b & 0xC0) == 0x80) {
                int len = b & 0x3F;
                out.add(slice(lp, p + 1, len));
                p += 1 + len;
            } else if ((b & 0xE0) == 0xC0) {
                int v = ((b & 0x1F) << 8) | (lp[p + 1] & 0xFF);
                out.add(decimal(v >= 1 << 12 ? v - (1 << 13) : v));
                p += 2;
            } else if ((b & 0xF0) == 0xE0) {
                int len = ((b & 0x0F) << 8) | (lp[p + 1] & 0xFF);
                out.add(slice(lp, p + 2, len));
                p += 2 + len;
            } else if (b == 0xF0) {
                int len = (int) le(lp, p + 1, 4);
                out.add(slice(lp, p + 5, len));
                p += 5 + len;
            } else if (b >= 0xF1 && b <= 0xF4) {
                int width = b == 0xF1 ? 2 : b == 0xF2 ? 3 : b == 0xF3 ? 4 : 8;
                long v = le(lp, p + 1, width);
                out.add(decimal(width == 8 ? v : (v << (64 - 8 * width)) >> (64 - 8 * width)));
                p += 1 + width;
            } else {
                throw new RdbFormatException("unknown listpack encoding " + b);
            }
            int entry = p - start;
            p += entry <= 127 ? 1 : entry < 16383 ? 2 : entry < 2097151 ? 3 : entry < 268435455 ? 4 : 5;
        }
    }

    private static long le(byte[] b, int off, int width) {
        if (off + width > b.length) {
            throw new RdbFormatException("truncated compact encoding");
        }
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static byte[] slice(byte[] b, int off, int len) {
        if (off + len > b.length) {
            throw new RdbFormatException("truncated listpack string");
        }
        byte[] out = new byte[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }

    private static byte[] decimal(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }
}
