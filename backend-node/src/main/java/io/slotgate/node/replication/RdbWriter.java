package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.slotgate.node.persistence.rdb.Crc64;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.HashValue;
import io.slotgate.node.store.KeyTable;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.Partition;
import io.slotgate.node.store.SetValue;
import io.slotgate.node.store.ZSetValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the snapshot in Redis's RDB format, version 10 (replication.md §2.2 "RDB essentials"), with plain
 * encodings only (string, list, set, hash, zset_2), which every Redis 7 can load. A snapshot is assembled from one
 * segment per partition (written on that partition's loop) between a header and the EOF/CRC64 trailer.
 */
public final class RdbWriter {

    static final int TYPE_STRING = 0;
    static final int TYPE_LIST = 1;
    static final int TYPE_SET = 2;
    static final int TYPE_HASH = 4;
    static final int TYPE_ZSET_2 = 5;
    static final int OP_AUX = 0xFA;
    static final int OP_RESIZEDB = 0xFB;
    static final int OP_EXPIRETIME_MS = 0xFC;
    static final int OP_SELECTDB = 0xFE;
    static final int OP_EOF = 0xFF;
    static final String REDIS_VERSION = "7.0.15";
    private static final int CHUNK = 1 << 20;

    private RdbWriter() {
    }

    /** One partition's entries and how many keys (and keys with a TTL) it holds. */
    public record Segment(CompositeByteBuf bytes, long keys, long expires) {
    }

    /** Serializes every key of {@code p}; must run on its loop. Keys of unknown value types are skipped. */
    public static Segment writePartition(Partition p) {
        // fixed-size chunks: no doubling copies, no single huge array for a big partition
        CompositeByteBuf all = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        ByteBuf out = Unpooled.buffer(CHUNK + 1024);
        KeyTable table = p.table();
        long keys = 0;
        long expires = 0;
        for (int i = 0; i < table.capacity(); i++) {
            byte[] key = table.keyAt(i);
            if (key == null) {
                continue;
            }
            Object value = table.valueAt(i);
            int type = typeOf(value);
            if (type < 0) {
                continue;
            }
            long when = p.expireAt(key);
            if (when >= 0) {
                out.writeByte(OP_EXPIRETIME_MS);
                out.writeLongLE(when);
                expires++;
            }
            out.writeByte(type);
            writeString(out, key);
            writeValue(out, value);
            keys++;
            if (out.readableBytes() >= CHUNK) {
                all.addComponent(true, out);
                out = Unpooled.buffer(CHUNK + 1024);
            }
        }
        all.addComponent(true, out);
        return new Segment(all, keys, expires);
    }

    private static int typeOf(Object value) {
        if (value instanceof byte[]) {
            return TYPE_STRING;
        } else if (value instanceof ListValue) {
            return TYPE_LIST;
        } else if (value instanceof SetValue) {
            return TYPE_SET;
        } else if (value instanceof HashValue) {
            return TYPE_HASH;
        } else if (value instanceof ZSetValue) {
            return TYPE_ZSET_2;
        }
        return -1;
    }

    private static void writeValue(ByteBuf out, Object value) {
        if (value instanceof byte[] s) {
            writeString(out, s);
        } else if (value instanceof ListValue l) {
            writeLength(out, l.size());
            for (int i = 0; i < l.size(); i++) {
                writeString(out, l.get(i));
            }
        } else if (value instanceof SetValue s) {
            List<Bytes> members = s.members();
            writeLength(out, members.size());
            for (Bytes m : members) {
                writeString(out, m.bytes());
            }
        } else if (value instanceof HashValue h) {
            writeLength(out, h.size());
            for (Map.Entry<Bytes, byte[]> e : h.entrySet()) {
                writeString(out, e.getKey().bytes());
                writeString(out, e.getValue());
            }
        } else if (value instanceof ZSetValue z) {
            writeLength(out, z.size());
            for (ZSetValue.Entry e : z.ascending()) {
                writeString(out, e.member().bytes());
                out.writeLongLE(Double.doubleToRawLongBits(e.score()));
            }
        }
    }

    /** The RDB length encoding: 6, 14, 32 or 64 bits. */
    static void writeLength(ByteBuf out, long len) {
        if (len < (1 << 6)) {
            out.writeByte((int) len);
        } else if (len < (1 << 14)) {
            out.writeByte(0x40 | (int) (len >> 8));
            out.writeByte((int) (len & 0xFF));
        } else if (len <= 0xFFFFFFFFL) {
            out.writeByte(0x80);
            out.writeInt((int) len);
        } else {
            out.writeByte(0x81);
            out.writeLong(len);
        }
    }

    static void writeString(ByteBuf out, byte[] s) {
        writeLength(out, s.length);
        out.writeBytes(s);
    }

    /** CRC64 over a heap buffer's readable bytes (all our buffers are heap buffers). */
    private static long crc(long crc, ByteBuf b) {
        if (b.hasArray()) {
            return Crc64.update(crc, b.array(), b.arrayOffset() + b.readerIndex(), b.readableBytes());
        }
        byte[] copy = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), copy);
        return Crc64.update(crc, copy, 0, copy.length);
    }

    private static void aux(ByteBuf out, String key, String value) {
        out.writeByte(OP_AUX);
        writeString(out, key.getBytes(StandardCharsets.US_ASCII));
        writeString(out, value.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The whole RDB: header with the aux fields a replica reads (repl-id, repl-offset), db 0 with its sizes, the
     * segments (ownership passes to the result), EOF and the CRC64 of everything before it.
     */
    public static ByteBuf assemble(String replid, long replOffset, List<Segment> segments) {
        long keys = 0;
        long expires = 0;
        for (Segment s : segments) {
            keys += s.keys();
            expires += s.expires();
        }
        ByteBuf head = Unpooled.buffer(256);
        head.writeCharSequence("REDIS0010", StandardCharsets.US_ASCII);
        aux(head, "redis-ver", REDIS_VERSION);
        aux(head, "redis-bits", "64");
        aux(head, "ctime", String.valueOf(System.currentTimeMillis() / 1000));
        aux(head, "used-mem", String.valueOf(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
        aux(head, "repl-stream-db", "0");
        aux(head, "repl-id", replid);
        aux(head, "repl-offset", String.valueOf(replOffset));
        aux(head, "aof-base", "0");
        head.writeByte(OP_SELECTDB);
        writeLength(head, 0);
        head.writeByte(OP_RESIZEDB);
        writeLength(head, keys);
        writeLength(head, expires);
        CompositeByteBuf all = Unpooled.compositeBuffer(segments.size() + 2);
        long crc = crc(0, head);
        all.addComponent(true, head);
        for (Segment s : segments) {
            for (int i = 0; i < s.bytes().numComponents(); i++) {
                ByteBuf chunk = s.bytes().internalComponent(i);
                crc = crc(crc, chunk);
            }
            all.addComponent(true, s.bytes());
        }
        ByteBuf tail = Unpooled.buffer(9);
        tail.writeByte(OP_EOF);
        crc = crc(crc, tail);
        tail.writeLongLE(crc);
        all.addComponent(true, tail);
        return all;
    }
}
