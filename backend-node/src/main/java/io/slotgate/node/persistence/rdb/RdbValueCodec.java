package io.slotgate.node.persistence.rdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes one RDB value (the part after the type byte). Reading accepts every non-stream,
 * non-module type up to RDB 11: plain encodings, the compact ones Redis 7.0 emits (intset, listpack hash/zset,
 * quicklist of listpacks) and the older ziplist forms. Writing uses the plain encodings Redis 7.0 loads and
 * converts itself (string, set, zset_2, hash), and for lists the quicklist-2 of listpacks Redis itself writes.
 * Empty collections and duplicate members are rejected, as Redis rejects them.
 */
public final class RdbValueCodec {

    /** Redis's default list-max-listpack-size -2: a quicklist node holds at most 8 KB of listpack. */
    static final int LIST_NODE_BYTES = 8 * 1024;

    private RdbValueCodec() {
    }

    /** The type byte {@link #write} uses for this value. */
    public static int typeOf(RdbValue value) {
        if (value instanceof RdbValue.Str) {
            return RdbType.STRING;
        } else if (value instanceof RdbValue.ListOf) {
            return RdbType.LIST_QUICKLIST_2;
        } else if (value instanceof RdbValue.SetOf) {
            return RdbType.SET;
        } else if (value instanceof RdbValue.ZSetOf) {
            return RdbType.ZSET_2;
        }
        return RdbType.HASH;
    }

    /** Writes the value's body (not its type byte; see {@link #typeOf}). */
    public static void write(RdbValue value, RdbOutput out) {
        if (value instanceof RdbValue.Str s) {
            out.writeString(s.value());
        } else if (value instanceof RdbValue.ListOf l) {
            writeQuicklist(l.elements(), out);
        } else if (value instanceof RdbValue.SetOf s) {
            out.writeLength(s.members().size());
            for (byte[] m : s.members()) {
                out.writeString(m);
            }
        } else if (value instanceof RdbValue.ZSetOf z) {
            out.writeLength(z.entries().size());
            for (RdbValue.ScoredMember e : z.entries()) {
                out.writeString(e.member());
                out.writeBinaryDouble(e.score());
            }
        } else {
            RdbValue.HashOf h = (RdbValue.HashOf) value;
            out.writeLength(h.entries().size());
            for (RdbValue.FieldValue e : h.entries()) {
                out.writeString(e.field());
                out.writeString(e.value());
            }
        }
    }

    private static void writeQuicklist(List<byte[]> elements, RdbOutput out) {
        List<List<byte[]>> nodes = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int bytes = 7; // listpack header + terminator
        for (byte[] e : elements) {
            int size = Listpack.entrySize(e);
            if (!current.isEmpty() && bytes + size > LIST_NODE_BYTES) {
                nodes.add(current);
                current = new ArrayList<>();
                bytes = 7;
            }
            current.add(e);
            bytes += size;
        }
        if (!current.isEmpty()) {
            nodes.add(current);
        }
        out.writeLength(nodes.size());
        for (List<byte[]> node : nodes) {
            out.writeLength(RdbType.QUICKLIST_NODE_PACKED);
            out.writeString(Listpack.encode(node));
        }
    }

    /** Reads a value of the given type. */
    public static RdbValue read(int type, RdbInput in) throws RdbFormatException {
        return switch (type) {
            case RdbType.STRING -> new RdbValue.Str(in.readString());
            case RdbType.LIST -> new RdbValue.ListOf(nonEmpty(readStrings(in)));
            case RdbType.SET -> new RdbValue.SetOf(unique(nonEmpty(readStrings(in))));
            case RdbType.ZSET, RdbType.ZSET_2 -> readZSet(in, type == RdbType.ZSET_2);
            case RdbType.HASH -> readHash(in);
            case RdbType.SET_INTSET -> new RdbValue.SetOf(unique(nonEmpty(Intset.decode(in.readString()))));
            case RdbType.SET_LISTPACK -> new RdbValue.SetOf(unique(nonEmpty(Listpack.decode(in.readString()))));
            case RdbType.LIST_ZIPLIST -> new RdbValue.ListOf(nonEmpty(Ziplist.decode(in.readString())));
            case RdbType.LIST_QUICKLIST -> readQuicklist(in, false);
            case RdbType.LIST_QUICKLIST_2 -> readQuicklist(in, true);
            case RdbType.ZSET_ZIPLIST -> zsetFromPairs(Ziplist.decode(in.readString()));
            case RdbType.ZSET_LISTPACK -> zsetFromPairs(Listpack.decode(in.readString()));
            case RdbType.HASH_ZIPLIST -> hashFromPairs(Ziplist.decode(in.readString()));
            case RdbType.HASH_LISTPACK -> hashFromPairs(Listpack.decode(in.readString()));
            default -> throw new RdbFormatException("unsupported RDB value type " + type);
        };
    }

    private static List<byte[]> readStrings(RdbInput in) throws RdbFormatException {
        int n = in.readIntLength();
        List<byte[]> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return out;
    }

    private static RdbValue readZSet(RdbInput in, boolean binaryScores) throws RdbFormatException {
        int n = in.readIntLength();
        List<RdbValue.ScoredMember> out = new ArrayList<>(Math.min(n, 1024));
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            byte[] member = in.readString();
            double score = binaryScores ? in.readBinaryDouble() : in.readStringDouble();
            if (Double.isNaN(score)) {
                throw new RdbFormatException("NaN score");
            }
            if (!seen.add(ByteBuffer.wrap(member))) {
                throw new RdbFormatException("duplicate sorted set member");
            }
            out.add(new RdbValue.ScoredMember(member, score));
        }
        return new RdbValue.ZSetOf(nonEmpty(out));
    }

    private static RdbValue readHash(RdbInput in) throws RdbFormatException {
        int n = in.readIntLength();
        List<byte[]> pairs = new ArrayList<>(Math.min(n, 1024) * 2);
        for (int i = 0; i < n; i++) {
            pairs.add(in.readString());
            pairs.add(in.readString());
        }
        return hashFromPairs(pairs);
    }

    private static RdbValue readQuicklist(RdbInput in, boolean v2) throws RdbFormatException {
        int nodes = in.readIntLength();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            int container = v2 ? in.readIntLength() : RdbType.QUICKLIST_NODE_PACKED;
            byte[] blob = in.readString();
            if (container == RdbType.QUICKLIST_NODE_PLAIN) {
                out.add(blob);
            } else if (container == RdbType.QUICKLIST_NODE_PACKED) {
                out.addAll(v2 ? Listpack.decode(blob) : Ziplist.decode(blob));
            } else {
                throw new RdbFormatException("unknown quicklist container " + container);
            }
        }
        return new RdbValue.ListOf(nonEmpty(out));
    }

    private static RdbValue zsetFromPairs(List<byte[]> pairs) throws RdbFormatException {
        if (pairs.size() % 2 != 0) {
            throw new RdbFormatException("odd number of sorted set entries");
        }
        List<RdbValue.ScoredMember> out = new ArrayList<>(pairs.size() / 2);
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (!seen.add(ByteBuffer.wrap(pairs.get(i)))) {
                throw new RdbFormatException("duplicate sorted set member");
            }
            out.add(new RdbValue.ScoredMember(pairs.get(i), parseScore(pairs.get(i + 1))));
        }
        return new RdbValue.ZSetOf(nonEmpty(out));
    }

    private static double parseScore(byte[] text) throws RdbFormatException {
        String s = new String(text, StandardCharsets.US_ASCII);
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    double d = Double.parseDouble(s);
                    if (Double.isNaN(d)) {
                        throw new RdbFormatException("NaN score");
                    }
                    return d;
                } catch (NumberFormatException e) {
                    throw new RdbFormatException("bad score " + s);
                }
            }
        }
    }

    private static RdbValue hashFromPairs(List<byte[]> pairs) throws RdbFormatException {
        if (pairs.size() % 2 != 0) {
            throw new RdbFormatException("odd number of hash entries");
        }
        List<RdbValue.FieldValue> out = new ArrayList<>(pairs.size() / 2);
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (!seen.add(ByteBuffer.wrap(pairs.get(i)))) {
                throw new RdbFormatException("duplicate hash field");
            }
            out.add(new RdbValue.FieldValue(pairs.get(i), pairs.get(i + 1)));
        }
        return new RdbValue.HashOf(nonEmpty(out));
    }

    private static List<byte[]> unique(List<byte[]> members) throws RdbFormatException {
        Set<ByteBuffer> seen = new HashSet<>();
        for (byte[] m : members) {
            if (!seen.add(ByteBuffer.wrap(m))) {
                throw new RdbFormatException("duplicate set member");
            }
        }
        return members;
    }

    private static <T> List<T> nonEmpty(List<T> items) throws RdbFormatException {
        if (items.isEmpty()) {
            throw new RdbFormatException("empty collection");
        }
        return items;
    }
}
