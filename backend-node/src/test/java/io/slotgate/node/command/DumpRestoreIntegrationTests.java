package io.slotgate.node.command;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RedisReference;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DUMP payloads travel both ways between redis-server 7.0 and the node. */
class DumpRestoreIntegrationTests {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(Object reply) {
        return ((List<?>) reply).stream().map(RespConnection::text).toList();
    }

    @Test
    void shouldExchangeDumpPayloadsWithRedis() {
        try (RedisReference redis = RedisReference.start(); NodeHarness node = NodeHarness.start();
             RespConnection r = RespConnection.open(redis.port()); RespConnection n = RespConnection.open(node.port())) {
            // Short strings dump to identical bytes.
            for (String v : List.of("10", "hello", "-32768", "4294967296")) {
                r.call("SET", "s", v);
                n.call("SET", "s", v);
                assertThat((byte[]) n.call("DUMP", "s")).as(v).isEqualTo((byte[]) r.call("DUMP", "s"));
            }
            // Redis's payload (LZF-compressed long string) restores here.
            r.call("SET", "long", "a".repeat(200));
            byte[] fromRedis = (byte[]) r.call("DUMP", "long");
            assertThat(n.call(b("RESTORE"), b("long"), b("0"), fromRedis)).isEqualTo("OK");
            assertThat(n.callText("GET", "long")).isEqualTo("a".repeat(200));
            // Our collections restore on Redis.
            n.call("RPUSH", "l", "x", "y", "1");
            n.call("HSET", "h", "f", "v");
            n.call("SADD", "set", "a", "b");
            n.call("ZADD", "z", "1.5", "m", "2", "n");
            for (String key : List.of("l", "h", "set", "z")) {
                byte[] payload = (byte[]) n.call("DUMP", key);
                assertThat(r.call(b("RESTORE"), b(key), b("0"), payload, b("REPLACE"))).as(key).isEqualTo("OK");
            }
            assertThat(texts(r.call("LRANGE", "l", "0", "-1"))).containsExactly("x", "y", "1");
            assertThat(r.callText("HGET", "h", "f")).isEqualTo("v");
            assertThat(r.call("SCARD", "set")).isEqualTo(2L);
            assertThat(r.callText("ZSCORE", "z", "m")).isEqualTo("1.5");
            // Errors as Redis words them.
            byte[] payload = (byte[]) n.call("DUMP", "l");
            assertThat(((RespError) n.call(b("RESTORE"), b("l"), b("0"), payload)).text())
                    .isEqualTo("BUSYKEY Target key name already exists.");
            assertThat(((RespError) n.call(b("RESTORE"), b("new"), b("-1"), payload)).text())
                    .isEqualTo("ERR Invalid TTL value, must be >= 0");
            assertThat(((RespError) n.call("RESTORE", "new", "0", "garbage-payload")).text())
                    .isEqualTo("ERR DUMP payload version or checksum are wrong");
            assertThat(n.call(b("RESTORE"), b("ttl"), b("100000"), payload)).isEqualTo("OK");
            assertThat((Long) n.call("PTTL", "ttl")).isBetween(90_000L, 100_000L);
            assertThat(n.call("DUMP", "none")).isNull();
        }
    }
}
