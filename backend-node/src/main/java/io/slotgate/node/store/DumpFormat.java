package io.slotgate.node.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * DUMP / RESTORE payloads in Redis's format: one RDB-encoded value, the RDB version (10 for 7.0) and a CRC-64
 * (cluster-protocol.md §10.2). Values are written with the plain RDB types (string 0, list 1, set 2, hash 4,
 * sorted set 5), which every Redis 7.0 still loads; strings use Redis's integer encoding like DUMP does, without
 * LZF compression. Reading accepts those types plus LZF-compressed strings.
 */
public final class DumpFormat {

    public static final int RDB_VERSION = 10;

    private static final int TYPE_STRING = 0;
    private static final int TYPE_LIST = 1;
    private static final int TYPE_SET = 2;
    private static final int TYPE_HASH = 4;
    private static final int TYPE_ZSET_2 = 5;

    private DumpFormat() {
    }

    /** The payload is malformed: the error text Redis answers. */
    public static final class BadPayload extends RuntimeException {
        public BadPayload(String redisError) {
            super(redisError, null, false, false);
        }
    }

    public static byte[] dump(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (value instanceof byte[] s) {
            out.write(TYPE_STRING);
            writeString(out, s);
        } else if (value instanceof ListValue l) {
            out.write(TYPE_LIST);
            writeLength(out, l.size());
            for (int i = 0; i < l.size(); i++) {
                writeString(out, l.get(i));
            }
        } else if (value instanceof SetValue s) {
            out.write(TYPE_SET);
            writeLength(out, s.size());
            s.members().forEach(m -> writeString(out, m.bytes()));
        } else if (value instanceof HashValue h) {
            out.write(TYPE_HASH);
            writeLength(out, h.size());
            h.forEach((f, v) -> {
                writeString(out, f.bytes());
                writeString(out, v);
            });
        } else {
            ZSetValue z = (ZSetValue) value;
            out.write(TYPE_ZSET_2);
            writeLength(out, z.size());
            for (ZSetValue.Entry e : z.descending()) { // Redis writes from the tail: cheaper reinsertion
                writeString(out, e.member().bytes());
                long bits = Double.doubleToLongBits(e.score());
                for (int i = 0; i < 8; i++) {
                    out.write((int) (bits >>> (8 * i)));
                }
            }
        }
        out.write(RDB_VERSION & 0xFF);
        out.write(RDB_VERSION >>> 8);
        byte[] body = out.toByteArray();
        long crc = Crc64.crc(body, 0, body.length);
        byte[] payload = java.util.Arrays.copyOf(body, body.length + 8);
        ByteBuffer.wrap(payload, body.length, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc);
        return payload;
    }

    /** Decodes a payload; throws {@link BadPayload} with Redis's error text when it is not acceptable. */
    public static Object restore(byte[] p) {
        if (p.length < 10) {
            throw new BadPayload("ERR DUMP payload version or checksum are wrong");
        }
        int version = (p[p.length - 10] & 0xFF) | (p[p.length - 9] & 0xFF) << 8;
        long crc = ByteBuffer.wrap(p, p.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (version > RDB_VERSION || crc != Crc64.crc(p, 0, p.length - 8)) {
            throw new BadPayload("ERR DUMP payload version or checksum are wrong");
        }
        try {
            Reader r = new Reader(p, p.length - 10);
            int type = r.u8();
            Object v = switch (type) {
                case TYPE_STRING -> r.string();
                case TYPE_LIST -> {
                    ListValue l = new ListValue();
                    for (long i = 0, n = r.length(); i < n; i++) {
                        l.addLast(r.string());
                    }
                    yield l;
                }
                case TYPE_SET -> {
                    SetValue s = new SetValue();
                    for (long i = 0, n = r.length(); i < n; i++) {
                        s.add(new Bytes(r.string()));
                    }
                    yield s;
                }
                case TYPE_HASH -> {
                    HashValue h = new HashValue();
                    for (long i = 0, n = r.length(); i < n; i++) {
                        h.put(new Bytes(r.string()), r.string());
                    }
                    yield h;
                }
                case TYPE_ZSET_2 -> {
                    ZSetValue z = new ZSetValue();
                    for (long i = 0, n = r.length(); i < n; i++) {
                        Bytes m = new Bytes(r.string());
                        z.put(m, Double.longBitsToDouble(r.int64le()));
                    }
                    yield z;
                }
                default -> throw new BadPayload("ERR Bad data format");
            };
            if (r.pos != r.end || isEmptyCollection(v)) {
                throw new BadPayload("ERR Bad data format");
            }
            return v;
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new BadPayload("ERR Bad data format");
        }
    }

    private static boolean isEmptyCollection(Object v) {
        return v instanceof ListValue l && l.isEmpty() || v instanceof SetValue s && s.isEmpty()
                || v instanceof HashValue h && h.isEmpty() || v instanceof ZSetValue z && z.isEmpty();
    }

    private static void writeLength(ByteArrayOutputStream out, long len) {
        if (len < (1 << 6)) {
            out.write((int) len);
        } else if (len < (1 << 14)) {
            out.write((int) (0x40 | (len >> 8)));
            out.write((int) len);
        } else if (len <= 0xFFFFFFFFL) {
            out.write(0x80);
            for (int i = 3; i >= 0; i--) {
                out.write((int) (len >>> (8 * i)));
            }
        } else {
            out.write(0x81);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (len >>> (8 * i)));
            }
        }
    }

    /** Redis's rdbTryIntegerEncoding: short decimal strings that round-trip become 1, 2 or 4 byte integers. */
    private static void writeString(ByteArrayOutputStream out, byte[] s) {
        if (s.length <= 11) {
            Long v = Numbers.parseLong(s);
            if (v != null && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                if (v >= -128 && v <= 127) {
                    out.write(0xC0);
                    out.write(v.intValue());
                    return;
                }
                if (v >= -32768 && v <= 32767) {
                    out.write(0xC1);
                    out.write(v.intValue());
                    out.write(v.intValue() >> 8);
                    return;
                }
                out.write(0xC2);
                for (int i = 0; i < 4; i++) {
                    out.write(v.intValue() >> (8 * i));
                }
                return;
            }
        }
        writeLength(out, s.length);
        out.write(s, 0, s.length);
    }

    private static final class Reader {
        private final byte[] b;
        private final int end;
        private int pos;

        Reader(byte[] b, int end) {
            this.b = b;
            this.end = end;
        }

        int u8() {
            if (pos >= end) {
                throw new IndexOutOfBoundsException();
            }
            return b[pos++] & 0xFF;
        }

        long int64le() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) u8() << (8 * i);
            }
            return v;
        }

        /** A length, or -(encoding + 1) for the special string encodings. */
        long lengthOrEncoding() {
            int first = u8();
            switch (first >> 6) {
                case 0:
                    return first & 0x3F;
                case 1:
                    return ((first & 0x3F) << 8) | u8();
                case 2:
                    if (first == 0x80) {
                        long v = 0;
                        for (int i = 0; i < 4; i++) {
                            v = (v << 8) | u8();
                        }
                        return v;
                    }
                    if (first == 0x81) {
                        long v = 0;
                        for (int i = 0; i < 8; i++) {
                            v = (v << 8) | u8();
                        }
                        return v;
                    }
                    throw new BadPayload("ERR Bad data format");
                default:
                    return -((first & 0x3F) + 1);
            }
        }

        /** A count of elements or compressed bytes, each taking at least one byte of the payload. */
        long length() {
            long n = lengthOrEncoding();
            if (n < 0 || n > end) {
                throw new BadPayload("ERR Bad data format");
            }
            return n;
        }

        byte[] string() {
            long n = lengthOrEncoding();
            if (n >= 0) {
                if (n > end - pos) {
                    throw new BadPayload("ERR Bad data format");
                }
                byte[] s = java.util.Arrays.copyOfRange(b, pos, pos + (int) n);
                pos += (int) n;
                return s;
            }
            int enc = (int) (-n - 1);
            long v;
            switch (enc) {
                case 0 -> v = (byte) u8();
                case 1 -> v = (short) (u8() | u8() << 8);
                case 2 -> v = u8() | u8() << 8 | u8() << 16 | (long) (u8() << 24);
                case 3 -> {
                    return lzf();
                }
                default -> throw new BadPayload("ERR Bad data format");
            }
            if (enc == 2) {
                v = (int) v;
            }
            return Numbers.format(v);
        }

        private byte[] lzf() {
            int clen = (int) length();
            long len = lengthOrEncoding();
            if (len < 0 || len > 512L * 1024 * 1024) {
                throw new BadPayload("ERR Bad data format");
            }
            if (clen > end - pos) {
                throw new BadPayload("ERR Bad data format");
            }
            byte[] out = Lzf.decompress(b, pos, clen, (int) len);
            pos += clen;
            return out;
        }
    }

}
