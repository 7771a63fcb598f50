package io.slotgate.node.persistence.rdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Redis's older ziplist blob (RDB types 10, 12, 13 and the nodes of 14): zlbytes (LE u32), zltail
 * (LE u32), zllen (LE u16), entries, 0xFF. Each entry: previous entry length (1 byte, or 0xFE plus LE u32), an
 * encoding (6/14/32-bit string lengths, 16/32/64/24/8-bit integers, or 4-bit immediates 0..12), the data.
 */
final class Ziplist {

    private static final int HEADER = 10;

    private Ziplist() {
    }

    static List<byte[]> decode(byte[] zl) throws RdbFormatException {
        if (zl.length < HEADER + 1 || Intset.le(zl, 0, 4) != zl.length || (zl[zl.length - 1] & 0xff) != 0xff) {
            throw new RdbFormatException("ziplist header does not match its size");
        }
        List<byte[]> out = new ArrayList<>();
        int p = HEADER;
        try {
            while ((zl[p] & 0xff) != 0xff) {
                p += (zl[p] & 0xff) == 0xfe ? 5 : 1;
                int b = zl[p] & 0xff;
                switch (b >> 6) {
                    case 0 -> {
                        out.add(slice(zl, p + 1, b & 0x3f));
                        p += 1 + (b & 0x3f);
                    }
                    case 1 -> {
                        int len = ((b & 0x3f) << 8) | (zl[p + 1] & 0xff);
                        out.add(slice(zl, p + 2, len));
                        p += 2 + len;
                    }
                    case 2 -> {
                        long len = ((long) (zl[p + 1] & 0xff) << 24) | ((zl[p + 2] & 0xff) << 16)
                                | ((zl[p + 3] & 0xff) << 8) | (zl[p + 4] & 0xff);
                        if (len > zl.length) {
                            throw new RdbFormatException("ziplist string too long");
                        }
                        out.add(slice(zl, p + 5, (int) len));
                        p += 5 + (int) len;
                    }
                    default -> {
                        long v;
                        int size;
                        switch (b) {
                            case 0xc0 -> {
                                v = (short) Intset.le(zl, p + 1, 2);
                                size = 2;
                            }
                            case 0xd0 -> {
                                v = (int) Intset.le(zl, p + 1, 4);
                                size = 4;
                            }
                            case 0xe0 -> {
                                v = Intset.le(zl, p + 1, 8);
                                size = 8;
                            }
                            case 0xf0 -> {
                                v = (Intset.le(zl, p + 1, 3) << 40) >> 40;
                                size = 3;
                            }
                            case 0xfe -> {
                                v = zl[p + 1];
                                size = 1;
                            }
                            default -> {
                                if (b < 0xf1 || b > 0xfd) {
                                    throw new RdbFormatException("bad ziplist encoding 0x" + Integer.toHexString(b));
                                }
                                v = (b & 0x0f) - 1;
                                size = 0;
                            }
                        }
                        out.add(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
                        p += 1 + size;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new RdbFormatException("truncated ziplist");
        }
        if (p != zl.length - 1) {
            throw new RdbFormatException("ziplist size mismatch");
        }
        return out;
    }

    private static byte[] slice(byte[] b, int off, int len) {
        if (off + len > b.length) {
            throw new ArrayIndexOutOfBoundsException();
        }
        return java.util.Arrays.copyOfRange(b, off, off + len);
    }
}
