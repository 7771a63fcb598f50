package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.HashValue;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.Numbers;
import io.slotgate.node.store.SetValue;
import io.slotgate.node.store.ZSetValue;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads an RDB snapshot (versions up to 10): the plain encodings {@link RdbWriter} produces, the integer and LZF
 * string encodings, and the compact encodings a Redis 7.0 master writes (intset, listpack, quicklist 2). Older
 * compact encodings (ziplist, zipmap, quicklist 1) fail with a clear error.
 */
public final class RdbReader {

    /** Receives each key in file order; {@code expireAtMs} is -1 without a TTL. */
    @FunctionalInterface
    public interface EntrySink {
        void entry(byte[] key, Object value, long expireAtMs);
    }

    /** Thrown for a malformed or unsupported snapshot. */
    public static final class RdbFormatException extends RuntimeException {
        public RdbFormatException(String message) {
            super(message);
        }
    }

    private static final int TYPE_SET_INTSET = 11;
    private static final int TYPE_HASH_LISTPACK = 16;
    private static final int TYPE_ZSET_LISTPACK = 17;
    private static final int TYPE_LIST_QUICKLIST_2 = 18;
    private static final long QUICKLIST_PLAIN = 1;

    private final ByteBuf in;

    private RdbReader(ByteBuf in) {
        this.in = in;
    }

    /** Reads the whole snapshot in {@code rdb} (consumed), checking its CRC64 when it is not zero. */
    public static void read(ByteBuf rdb, EntrySink sink) {
        int start = rdb.readerIndex();
        new RdbReader(rdb).readAll(sink);
        int crcEnd = rdb.readerIndex() - 8;
        long stored = rdb.getLongLE(crcEnd);
        if (stored != 0) {
            long actual = Crc64.update(0, rdb.slice(start, crcEnd - start));
            if (actual != stored) {
                throw new RdbFormatException("RDB checksum mismatch");
            }
        }
    }

    private void readAll(EntrySink sink) {
        if (in.readableBytes() < 9 || !"REDIS".equals(in.readCharSequence(5, StandardCharsets.US_ASCII).toString())) {
            throw new RdbFormatException("not an RDB file");
        }
        int version = Integer.parseInt(in.readCharSequence(4, StandardCharsets.US_ASCII).toString());
        if (version < 1 || version > 10) {
            throw new RdbFormatException("unsupported RDB version " + version);
        }
        long expireAt = -1;
        while (true) {
            int op = in.readUnsignedByte();
            switch (op) {
                case RdbWriter.OP_EOF -> {
                    in.skipBytes(version >= 5 ? 8 : 0);
                    return;
                }
                case RdbWriter.OP_AUX -> {
                    readString();
                    readString();
                }
                case RdbWriter.OP_SELECTDB -> readLength();
                case RdbWriter.OP_RESIZEDB -> {
                    readLength();
                    readLength();
                }
                case RdbWriter.OP_EXPIRETIME_MS -> expireAt = in.readLongLE();
                case RdbWriter.OP_EXPIRETIME -> expireAt = in.readIntLE() * 1000L;
                case RdbWriter.OP_IDLE -> readLength();
                case RdbWriter.OP_FREQ -> in.skipBytes(1);
                default -> {
                    byte[] key = readString();
                    sink.entry(key, readValue(op), expireAt);
                    expireAt = -1;
                }
            }
        }
    }

    private Object readValue(int type) {
        switch (type) {
            case RdbWriter.TYPE_STRING -> {
                return readString();
            }
            case RdbWriter.TYPE_LIST -> {
                ListValue l = new ListValue();
                for (long n = readLength(); n > 0; n--) {
                    l.addLast(readString());
                }
                return l;
            }
            case RdbWriter.TYPE_SET -> {
                SetValue s = new SetValue();
                for (long n = readLength(); n > 0; n--) {
                    s.add(new Bytes(readString()));
                }
                return s;
            }
            case RdbWriter.TYPE_HASH -> {
                HashValue h = new HashValue();
                for (long n = readLength(); n > 0; n--) {
                    byte[] field = readString();
                    h.put(new Bytes(field), readString());
                }
                return h;
            }
            case RdbWriter.TYPE_ZSET, RdbWriter.TYPE_ZSET_2 -> {
                ZSetValue z = new ZSetValue();
                for (long n = readLength(); n > 0; n--) {
                    Bytes member = new Bytes(readString());
                    double score = type == RdbWriter.TYPE_ZSET_2 ? Double.longBitsToDouble(in.readLongLE())
                            : readTextScore();
                    z.put(member, score);
                }
                return z;
            }
            case TYPE_SET_INTSET -> {
                SetValue s = new SetValue();
                CompactEncodings.intset(readString()).forEach(m -> s.add(new Bytes(m)));
                return s;
            }
            case TYPE_HASH_LISTPACK -> {
                HashValue h = new HashValue();
                List<byte[]> items = CompactEncodings.listpack(readString());
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    h.put(new Bytes(items.get(i)), items.get(i + 1));
                }
                return h;
            }
            case TYPE_ZSET_LISTPACK -> {
                ZSetValue z = new ZSetValue();
                List<byte[]> items = CompactEncodings.listpack(readString());
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    Double score = Numbers.parseDouble(items.get(i + 1));
                    if (score == null) {
                        throw new RdbFormatException("bad score in listpack");
                    }
                    z.put(new Bytes(items.get(i)), score);
                }
                return z;
            }
            case TYPE_LIST_QUICKLIST_2 -> {
                ListValue l = new ListValue();
                for (long nodes = readLength(); nodes > 0; nodes--) {
                    long container = readLength();
                    byte[] blob = readString();
                    if (container == QUICKLIST_PLAIN) {
                        l.addLast(blob);
                    } else {
                        CompactEncodings.listpack(blob).forEach(l::addLast);
                    }
                }
                return l;
            }
            default -> throw new RdbFormatException("unsupported RDB value type " + type
                    + " (plain encodings, intset, listpack and quicklist 2 are read)");
        }
    }

    private double readTextScore() {
        int len = in.readUnsignedByte();
        if (len >= 253) {
            return len == 253 ? Double.NaN : len == 254 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        byte[] b = new byte[len];
        in.readBytes(b);
        Double d = Numbers.parseDouble(b);
        if (d == null) {
            throw new RdbFormatException("bad score in RDB");
        }
        return d;
    }

    /** A length, or -(1 + encoding) for the special string encodings (0xC0..0xC3). */
    private long readLengthOrEncoding() {
        int first = in.readUnsignedByte();
        return switch (first >> 6) {
            case 0 -> first & 0x3F;
            case 1 -> ((first & 0x3F) << 8) | in.readUnsignedByte();
            case 2 -> {
                if (first == 0x80) {
                    yield in.readUnsignedInt();
                } else if (first == 0x81) {
                    yield in.readLong();
                }
                throw new RdbFormatException("bad RDB length");
            }
            default -> -1 - (first & 0x3F);
        };
    }

    private long readLength() {
        long len = readLengthOrEncoding();
        if (len < 0) {
            throw new RdbFormatException("unexpected encoded value where a length was expected");
        }
        return len;
    }

    private byte[] readString() {
        long len = readLengthOrEncoding();
        if (len >= 0) {
            if (len > in.readableBytes()) {
                throw new RdbFormatException("truncated RDB");
            }
            byte[] b = new byte[(int) len];
            in.readBytes(b);
            return b;
        }
        int enc = (int) (-1 - len);
        return switch (enc) {
            case 0 -> ascii(in.readByte());
            case 1 -> ascii(in.readShortLE());
            case 2 -> ascii(in.readIntLE());
            case 3 -> lzf();
            default -> throw new RdbFormatException("unknown RDB string encoding " + enc);
        };
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    /** LZF-compressed string: compressed length, plain length, then LZF data. */
    private byte[] lzf() {
        int clen = (int) readLength();
        int len = (int) readLength();
        byte[] src = new byte[clen];
        in.readBytes(src);
        byte[] out = new byte[len];
        int ip = 0;
        int op = 0;
        while (ip < clen) {
            int ctrl = src[ip++] & 0xFF;
            if (ctrl < 32) {
                int n = ctrl + 1;
                System.arraycopy(src, ip, out, op, n);
                ip += n;
                op += n;
            } else {
                int n = ctrl >> 5;
                if (n == 7) {
                    n += src[ip++] & 0xFF;
                }
                int ref = op - ((ctrl & 0x1F) << 8) - 1 - (src[ip++] & 0xFF);
                if (ref < 0) {
                    throw new RdbFormatException("bad LZF data");
                }
                for (int i = 0; i < n + 2; i++) {
                    out[op++] = out[ref++];
                }
            }
        }
        if (op != len) {
            throw new RdbFormatException("bad LZF length");
        }
        return out;
    }
}
