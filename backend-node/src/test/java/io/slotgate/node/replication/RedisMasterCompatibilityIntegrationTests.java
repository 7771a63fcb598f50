package io.slotgate.node.replication;

import io.lettuce.core.ScoredValue;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Our node as a replica of a real redis-server 7.0: it loads Redis's compact RDB encodings and its stream. */
class RedisMasterCompatibilityIntegrationTests {

    @Test
    void shouldReplicateFromARealRedisMaster() {
        try (RedisServerProcess redis = RedisServerProcess.standalone("--repl-diskless-sync-delay", "0");
             NodeHarness replica = NodeHarness.start();
             ReplicaClient m = new ReplicaClient(redis.port()); ReplicaClient r = new ReplicaClient(replica.port())) {
            m.sync().set("str", "hello");
            m.sync().set("int", "12345");
            m.sync().set("negative", "-70000");
            m.sync().rpush("list", "a", "1", "-5", "x".repeat(300));
            m.sync().sadd("intset", "1", "-2", "300000", "5000000000");
            m.sync().sadd("set", "a", "b");
            m.sync().hset("smallhash", Map.of("f", "v", "n", "42"));
            Map<String, String> big = new HashMap<>();
            for (int i = 0; i < 600; i++) {
                big.put("field" + i, "value" + i);
            }
            m.sync().hset("bighash", big);
            m.sync().zadd("zset", ScoredValue.just(1.5, "a"), ScoredValue.just(-3, "b"), ScoredValue.just(1e20, "c"));
            m.sync().set("ttl", "t", io.lettuce.core.SetArgs.Builder.px(600_000));

            replica.node().replication().replicateFrom("127.0.0.1", redis.port());
            await().atMost(Duration.ofSeconds(60)).until(() -> "up".equals(r.info("replication", "master_link_status")));
            await().atMost(Duration.ofSeconds(30)).until(() -> r.sync().dbsize() == 10L);
            assertThat(r.sync().get("str")).isEqualTo("hello");
            assertThat(r.sync().get("int")).isEqualTo("12345");
            assertThat(r.sync().get("negative")).isEqualTo("-70000");
            assertThat(r.sync().lrange("list", 0, -1)).containsExactly("a", "1", "-5", "x".repeat(300));
            assertThat(r.sync().smembers("intset")).containsExactlyInAnyOrder("1", "-2", "300000", "5000000000");
            assertThat(r.sync().smembers("set")).containsExactlyInAnyOrder("a", "b");
            assertThat(r.sync().hgetall("smallhash")).isEqualTo(Map.of("f", "v", "n", "42"));
            assertThat(r.sync().hgetall("bighash")).isEqualTo(big);
            assertThat(r.sync().zrangeWithScores("zset", 0, -1)).containsExactly(ScoredValue.just(-3, "b"),
                    ScoredValue.just(1.5, "a"), ScoredValue.just(1e20, "c"));
            assertThat(r.sync().pttl("ttl")).isBetween(1L, 600_000L);

            m.sync().incr("counter");
            m.sync().incrbyfloat("float", 0.5);
            m.sync().expire("str", 1000);
            m.sync().lpush("list", "head");
            assertThat(m.sync().waitForReplication(1, 5000)).isEqualTo(1L);
            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(r.sync().get("counter")));
            assertThat(r.sync().get("float")).isEqualTo("0.5");
            assertThat(r.sync().pexpiretime("str")).isEqualTo(m.sync().pexpiretime("str"));
            assertThat(r.sync().lindex("list", 0)).isEqualTo("head");
            await().atMost(Duration.ofSeconds(30)).until(() -> m.info("replication", "master_repl_offset")
                    .equals(r.info("replication", "master_repl_offset")));

            try (RedisServerProcess redisReplica = RedisServerProcess.standalone();
                 ReplicaClient rr = new ReplicaClient(redisReplica.port())) {
                rr.sync().replicaof("127.0.0.1", redis.port());
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> "up".equals(rr.info("replication", "master_link_status")));
                assertThat(fieldNames(r.sync().info("replication")))
                        .as("INFO replication of a replica, field by field as redis-server 7.0")
                        .isEqualTo(fieldNames(rr.sync().info("replication")));
                assertThat(fieldNames(m.sync().info("replication")))
                        .contains("connected_slaves", "slave0", "slave1", "repl_backlog_histlen");
            }
        }
    }

    /** The field names of an INFO section in order (slaveN lines included). */
    private static java.util.List<String> fieldNames(String info) {
        return java.util.Arrays.stream(info.split("\r\n")).filter(l -> l.contains(":"))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
    }
}
