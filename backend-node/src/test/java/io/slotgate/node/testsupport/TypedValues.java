package io.slotgate.node.testsupport;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keys of every Redis type in every encoding Redis 7.0 picks for them, written through a binary Lettuce
 * connection, and a server-neutral description of a key's content to compare two servers.
 */
public final class TypedValues {

    private TypedValues() {
    }

    public static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** One key per type and encoding Redis 7.0 chooses: key name to the encoding Redis should report. */
    public static Map<String, String> populate(RedisCommands<byte[], byte[]> r) {
        Map<String, String> keys = new LinkedHashMap<>();
        r.set(b("str:raw"), b("hello world"));
        keys.put("str:raw", "embstr");
        r.set(b("str:int"), b("-12345"));
        keys.put("str:int", "int");
        r.set(b("str:int64"), b("1234567890123456"));
        keys.put("str:int64", "int");
        r.set(b("str:long"), b("abc".repeat(300)));
        keys.put("str:long", "raw");
        r.set(b("str:binary"), new byte[] {0, (byte) 0xff, 13, 10, 7});
        keys.put("str:binary", "embstr");
        r.rpush(b("list:small"), b("a"), b("1"), b("-70000"), b(""), b("x".repeat(100)));
        keys.put("list:small", "quicklist");
        List<byte[]> big = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            big.add(b(i % 4 == 0 ? Integer.toString(i * 1000) : "item-" + i + "-" + "y".repeat(i % 40)));
        }
        r.rpush(b("list:big"), big.toArray(byte[][]::new));
        keys.put("list:big", "quicklist");
        r.sadd(b("set:ints"), b("1"), b("-5"), b("70000"), b("9999999999"));
        keys.put("set:ints", "intset");
        r.sadd(b("set:strings"), b("apple"), b("pear"), b("12"));
        keys.put("set:strings", "hashtable");
        r.zadd(b("zset:small"), 1.5, b("a"));
        r.zadd(b("zset:small"), -3, b("b"));
        r.zadd(b("zset:small"), 1e20, b("c"));
        r.zadd(b("zset:small"), Double.POSITIVE_INFINITY, b("d"));
        keys.put("zset:small", "listpack");
        List<ScoredValue<byte[]>> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // zset-max-listpack-entries is 128
            members.add(ScoredValue.just(i * 0.25, b("member-" + i)));
        }
        r.zadd(b("zset:big"), members.toArray(ScoredValue[]::new));
        keys.put("zset:big", "skiplist");
        r.hset(b("hash:small"), Map.of(b("f1"), b("v1"), b("n"), b("42")));
        keys.put("hash:small", "listpack");
        Map<byte[], byte[]> bigHash = new LinkedHashMap<>();
        for (int i = 0; i < 600; i++) { // hash-max-listpack-entries is 512
            bigHash.put(b("field-" + i), b(i % 2 == 0 ? Integer.toString(i) : "value-" + i));
        }
        r.hset(b("hash:big"), bigHash);
        keys.put("hash:big", "hashtable");
        return keys;
    }

    /** The key's type and content in a form equal across servers (sets and hashes sorted). */
    public static String describe(RedisCommands<byte[], byte[]> r, String key) {
        byte[] k = b(key);
        String type = r.type(k);
        return type + ":" + switch (type) {
            case "string" -> s(r.get(k));
            case "list" -> r.lrange(k, 0, -1).stream().map(TypedValues::s).toList().toString();
            case "set" -> r.smembers(k).stream().map(TypedValues::s).sorted().toList().toString();
            case "zset" -> r.zrangeWithScores(k, 0, -1).stream()
                    .map((ScoredValue<byte[]> v) -> s(v.getValue()) + "=" + v.getScore()).toList().toString();
            case "hash" -> {
                TreeMap<String, String> m = new TreeMap<>();
                r.hgetall(k).forEach((f, v) -> m.put(s(f), s(v)));
                yield m.toString();
            }
            default -> "?";
        };
    }
}
