package io.slotgate.node.persistence.rdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis's listpack blob: total bytes (LE u32), element count (LE u16, 65535 = unknown), entries, 0xFF.
 * Each entry is an encoding byte (7-bit uint, 6/12/32-bit string lengths, 13/16/24/32/64-bit integers), its
 * data, then a "backlen" of 1-5 bytes holding the size of encoding+data for backward walks. Integers come back
 * as their decimal text, as Redis returns them.
 */
final class Listpack {

    private static final int HEADER = 6;
    private static final int EOF = 0xff;

    private Listpack() {
    }

    static List<byte[]> decode(byte[] lp) throws RdbFormatException {
        if (lp.length < HEADER + 1) {
            throw new RdbFormatException("listpack too short");
        }
        if (Intset.le(lp, 0, 4) != lp.length || (lp[lp.length - 1] & 0xff) != EOF) {
            throw new RdbFormatException("listpack header does not match its size");
        }
        int declared = (int) Intset.le(lp, 4, 2);
        List<byte[]> out = new ArrayList<>(declared == 65535 ? 16 : declared);
        int p = HEADER;
        try {
            while ((lp[p] & 0xff) != EOF) {
                int start = p;
                int b = lp[p] & 0xff;
                byte[] value;
                if ((b & 0x80) == 0) {
                    value = ascii(b);
                    p += 1;
                } else if ((b & 0xc0) == 0x80) {
                    int len = b & 0x3f;
                    value = slice(lp, p + 1, len);
                    p += 1 + len;
                } else if ((b & 0xe0) == 0xc0) {
                    int v = ((b & 0x1f) << 8) | (lp[p + 1] & 0xff);
                    value = ascii(v >= 1 << 12 ? v - (1 << 13) : v);
                    p += 2;
                } else if ((b & 0xf0) == 0xe0) {
                    int len = ((b & 0x0f) << 8) | (lp[p + 1] & 0xff);
                    value = slice(lp, p + 2, len);
                    p += 2 + len;
                } else {
                    switch (b) {
                        case 0xf0 -> {
                            long len = Intset.le(lp, p + 1, 4);
                            if (len > lp.length) {
                                throw new RdbFormatException("listpack string too long");
                            }
                            value = slice(lp, p + 5, (int) len);
                            p += 5 + (int) len;
                        }
                        case 0xf1 -> {
                            value = ascii((short) Intset.le(lp, p + 1, 2));
                            p += 3;
                        }
                        case 0xf2 -> {
                            long v = Intset.le(lp, p + 1, 3);
                            value = ascii((v << 40) >> 40);
                            p += 4;
                        }
                        case 0xf3 -> {
                            value = ascii((int) Intset.le(lp, p + 1, 4));
                            p += 5;
                        }
                        case 0xf4 -> {
                            value = ascii(Intset.le(lp, p + 1, 8));
                            p += 9;
                        }
                        default -> throw new RdbFormatException("bad listpack encoding 0x" + Integer.toHexString(b));
                    }
                }
                p += backlenSize(p - start);
                if (p >= lp.length) {
                    throw new RdbFormatException("listpack entry runs past the end");
                }
                out.add(value);
            }
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new RdbFormatException("truncated listpack");
        }
        if (p != lp.length - 1 || (declared != 65535 && declared != out.size())) {
            throw new RdbFormatException("listpack count or size mismatch");
        }
        return out;
    }

    private static byte[] slice(byte[] b, int off, int len) {
        if (off + len > b.length) {
            throw new ArrayIndexOutOfBoundsException();
        }
        return java.util.Arrays.copyOfRange(b, off, off + len);
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    static int backlenSize(int entrySize) {
        if (entrySize <= 127) {
            return 1;
        } else if (entrySize < 16383) {
            return 2;
        } else if (entrySize < 2097151) {
            return 3;
        } else if (entrySize < 268435455) {
            return 4;
        }
        return 5;
    }

    /** Builds a listpack of the elements, integer-encoding canonical decimals as Redis does. */
    static byte[] encode(List<byte[]> elements) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] e : elements) {
            appendEntry(body, e);
        }
        int total = HEADER + body.size() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        writeLe(out, total, 4);
        writeLe(out, elements.size() < 65535 ? elements.size() : 65535, 2);
        out.writeBytes(body.toByteArray());
        out.write(EOF);
        return out.toByteArray();
    }

    /** Bytes an element takes in a listpack (to split quicklist nodes by size). */
    static int entrySize(byte[] e) {
        ByteArrayOutputStream tmp = new ByteArrayOutputStream();
        appendEntry(tmp, e);
        return tmp.size();
    }

    private static void appendEntry(ByteArrayOutputStream out, byte[] e) {
        int start = out.size();
        Long v = StrictLong.parse(e);
        if (v != null) {
            long x = v;
            if (x >= 0 && x <= 127) {
                out.write((int) x);
            } else if (x >= -4096 && x <= 4095) {
                int u = (int) x & 0x1fff;
                out.write(0xc0 | (u >> 8));
                out.write(u & 0xff);
            } else if (x >= Short.MIN_VALUE && x <= Short.MAX_VALUE) {
                out.write(0xf1);
                writeLe(out, x, 2);
            } else if (x >= -(1 << 23) && x < (1 << 23)) {
                out.write(0xf2);
                writeLe(out, x, 3);
            } else if (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) {
                out.write(0xf3);
                writeLe(out, x, 4);
            } else {
                out.write(0xf4);
                writeLe(out, x, 8);
            }
        } else if (e.length < 64) {
            out.write(0x80 | e.length);
            out.writeBytes(e);
        } else if (e.length < 4096) {
            out.write(0xe0 | (e.length >> 8));
            out.write(e.length & 0xff);
            out.writeBytes(e);
        } else {
            out.write(0xf0);
            writeLe(out, e.length, 4);
            out.writeBytes(e);
        }
        writeBacklen(out, out.size() - start);
    }

    private static void writeBacklen(ByteArrayOutputStream out, int l) {
        int n = backlenSize(l);
        // most significant 7-bit group first; every byte but the first has the high bit set
        for (int i = n - 1; i >= 0; i--) {
            int group = (l >>> (7 * i)) & 0x7f;
            out.write(i == n - 1 ? group : group | 0x80);
        }
    }

    private static void writeLe(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
