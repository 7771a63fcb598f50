package io.slotgate.node.persistence.rdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes Redis's intset blob: encoding (2, 4 or 8, LE u32), count (LE u32), then sorted LE integers. */
final class Intset {

    private Intset() {
    }

    static List<byte[]> decode(byte[] blob) throws RdbFormatException {
        if (blob.length < 8) {
            throw new RdbFormatException("intset too short");
        }
        int width = (int) le(blob, 0, 4);
        long count = le(blob, 4, 4) & 0xffffffffL;
        if (width != 2 && width != 4 && width != 8) {
            throw new RdbFormatException("intset encoding " + width);
        }
        if (8 + count * width != blob.length) {
            throw new RdbFormatException("intset length mismatch");
        }
        List<byte[]> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long v = le(blob, 8 + i * width, width);
            // sign-extend the narrower encodings
            long signed = width == 8 ? v : (v << (64 - 8 * width)) >> (64 - 8 * width);
            out.add(Long.toString(signed).getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
