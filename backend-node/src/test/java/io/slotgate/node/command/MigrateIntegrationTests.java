package io.slotgate.node.command;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.node.testsupport.RedisReference;
import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisServerProcess;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** MIGRATE moves keys to another node (ours or redis-server) with RESTORE-ASKING, as redis-cli resharding does. */
class MigrateIntegrationTests {

    @Test
    void shouldMoveKeysBetweenNodesKeepingTtls() {
        try (NodeHarness source = NodeHarness.start(); NodeHarness target = NodeHarness.start();
             RawRespClient s = source.connect(); RawRespClient t = target.connect()) {
            String port = String.valueOf(target.port());
            s.call("SET", "{m}a", "1");
            s.call("RPUSH", "{m}b", "x", "y");
            s.call("SET", "{m}c", "v", "EX", "100");
            assertThat(s.call("MIGRATE", "127.0.0.1", port, "", "0", "5000", "KEYS", "{m}a", "{m}b", "{m}c",
                    "{m}none")).isEqualTo("+OK\r\n");
            assertThat(s.call("EXISTS", "{m}a", "{m}b", "{m}c")).isEqualTo(":0\r\n");
            assertThat(t.call("GET", "{m}a")).isEqualTo("$1\r\n1\r\n");
            assertThat(t.call("LRANGE", "{m}b", "0", "-1")).isEqualTo("*2\r\n$1\r\nx\r\n$1\r\ny\r\n");
            assertThat(t.call("TTL", "{m}c")).isIn(":100\r\n", ":99\r\n");
            assertThat(s.call("MIGRATE", "127.0.0.1", port, "", "0", "5000", "KEYS", "{m}a"))
                    .isEqualTo("+NOKEY\r\n");

            s.call("SET", "{m}a", "again");
            assertThat(s.call("MIGRATE", "127.0.0.1", port, "{m}a", "0", "5000")).isEqualTo(
                    "-ERR Target instance replied with error: BUSYKEY Target key name already exists.\r\n");
            assertThat(s.call("MIGRATE", "127.0.0.1", port, "{m}a", "0", "5000", "COPY", "REPLACE"))
                    .isEqualTo("+OK\r\n");
            assertThat(s.call("GET", "{m}a")).isEqualTo("$5\r\nagain\r\n");
            assertThat(t.call("GET", "{m}a")).isEqualTo("$5\r\nagain\r\n");

            assertThat(s.call("MIGRATE", "127.0.0.1", port, "k", "0", "5000", "KEYS", "{m}a")).isEqualTo(
                    "-ERR When using MIGRATE KEYS option, the key argument must be set to the empty string\r\n");
            assertThat(s.call("MIGRATE", "127.0.0.1", port, "{m}a", "0", "5000", "BOGUS"))
                    .isEqualTo("-ERR syntax error\r\n");
        }
    }

    @Test
    void shouldMigrateIntoRedisServer() {
        try (RedisReference redis = RedisReference.start(); NodeHarness source = NodeHarness.start();
             RawRespClient s = source.connect(); RawRespClient r = redis.connect()) {
            s.call("HSET", "h", "f", "v");
            s.call("ZADD", "z", "2.5", "m");
            assertThat(s.call("MIGRATE", "127.0.0.1", String.valueOf(redis.port()), "h", "0", "5000"))
                    .isEqualTo("+OK\r\n");
            assertThat(s.call("MIGRATE", "127.0.0.1", String.valueOf(redis.port()), "z", "0", "5000"))
                    .isEqualTo("+OK\r\n");
            assertThat(r.call("HGET", "h", "f")).isEqualTo("$1\r\nv\r\n");
            assertThat(r.call("ZSCORE", "z", "m")).isEqualTo("$3\r\n2.5\r\n");
        }
    }

    @Test
    void shouldReuseItsConnectionAndReconnectOnceWhenTheTargetRestarted() {
        int port = FreePorts.any();
        try (NodeHarness source = NodeHarness.start(); RawRespClient s = source.connect()) {
            String p = String.valueOf(port);
            s.call("SET", "{x}1", "1");
            s.call("SET", "{x}2", "2");
            s.call("SET", "{x}3", "3");
            try (RedisServerProcess target = RedisServerProcess.start(port);
                 RespConnection t = RespConnection.open(port)) {
                long before = connectionsReceived(t);
                assertThat(s.call("MIGRATE", "127.0.0.1", p, "{x}1", "0", "5000")).isEqualTo("+OK\r\n");
                assertThat(s.call("MIGRATE", "127.0.0.1", p, "{x}2", "0", "5000")).isEqualTo("+OK\r\n");
                // one connection served both (same slot, so the same partition thread and its cache), as in Redis
                assertThat(connectionsReceived(t) - before).isEqualTo(1);
            }
            // the cached connection now leads nowhere: the next MIGRATE notices and connects again
            try (RedisServerProcess target = RedisServerProcess.start(port);
                 RespConnection t = RespConnection.open(port)) {
                assertThat(s.call("MIGRATE", "127.0.0.1", p, "{x}3", "0", "5000")).isEqualTo("+OK\r\n");
                assertThat(RespConnection.text(t.call("GET", "{x}3"))).isEqualTo("3");
            }
        }
    }

    private static long connectionsReceived(RespConnection c) {
        String info = RespConnection.text(c.call("INFO", "stats"));
        int at = info.indexOf("total_connections_received:") + "total_connections_received:".length();
        return Long.parseLong(info.substring(at, info.indexOf('\r', at)));
    }
}
