package io.slotgate.node.replication;

import io.lettuce.core.ScoredValue;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real redis-server 7.0 as a replica of our node: it loads our RDB snapshot and follows our stream. */
class RedisReplicaCompatibilityIntegrationTests {

    @Test
    void shouldFeedARealRedisReplicaWithOurSnapshotAndStream() {
        try (NodeHarness master = NodeHarness.start(); RedisServerProcess redis = RedisServerProcess.standalone();
             ReplicaClient m = new ReplicaClient(master.port()); ReplicaClient r = new ReplicaClient(redis.port())) {
            m.pipeline(1000, (a, i) -> a.set("s" + i, "v" + i));
            m.sync().rpush("list", "a", "b", "c");
            m.sync().sadd("set", "x", "y");
            m.sync().hset("hash", Map.of("f", "1"));
            m.sync().zadd("zset", ScoredValue.just(2.5, "m"));
            m.sync().set("ttl", "t", io.lettuce.core.SetArgs.Builder.px(600_000));

            r.sync().replicaof("127.0.0.1", master.port());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "up".equals(r.info("replication", "master_link_status")));
            await().atMost(Duration.ofSeconds(30)).until(() -> r.sync().dbsize() == 1005L);
            assertThat(r.sync().get("s7")).isEqualTo("v7");
            assertThat(r.sync().lrange("list", 0, -1)).containsExactly("a", "b", "c");
            assertThat(r.sync().smembers("set")).containsExactlyInAnyOrder("x", "y");
            assertThat(r.sync().hget("hash", "f")).isEqualTo("1");
            assertThat(r.sync().zscore("zset", "m")).isEqualTo(2.5);
            assertThat(r.sync().pttl("ttl")).isBetween(1L, 600_000L);

            m.sync().incr("counter");
            m.sync().lpush("list", "z");
            m.sync().expire("s1", 1000);
            assertThat(m.sync().waitForReplication(1, 5000)).isEqualTo(1L);
            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(r.sync().get("counter")));
            assertThat(r.sync().lrange("list", 0, 0)).containsExactly("z");
            assertThat(r.sync().pexpiretime("s1")).isEqualTo(m.sync().pexpiretime("s1"));
            assertThat(m.info("replication", "slave0")).contains("state=online");
            await().atMost(Duration.ofSeconds(30)).until(() -> r.info("replication", "master_repl_offset")
                    .equals(m.info("replication", "master_repl_offset")));

            try (RedisServerProcess realMaster = RedisServerProcess.standalone();
                 RedisServerProcess realReplica = RedisServerProcess.standalone();
                 ReplicaClient rm = new ReplicaClient(realMaster.port());
                 ReplicaClient rr = new ReplicaClient(realReplica.port())) {
                rr.sync().replicaof("127.0.0.1", realMaster.port());
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> "up".equals(rr.info("replication", "master_link_status")));
                await().atMost(Duration.ofSeconds(30)).until(() -> rm.info("replication", "slave0") != null
                        && rm.info("replication", "slave0").contains("state=online"));
                assertThat(fieldNames(m.sync().info("replication")))
                        .as("INFO replication of a master with one replica, field by field as redis-server 7.0")
                        .isEqualTo(fieldNames(rm.sync().info("replication")));
            }
        }
    }

    /** The field names of an INFO section in order (slaveN lines included). */
    private static java.util.List<String> fieldNames(String info) {
        return java.util.Arrays.stream(info.split("\r\n")).filter(l -> l.contains(":"))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    @Test
    void shouldHandRedisCliItsRdbSnapshots() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("slotgate-backup-");
        try (NodeHarness node = NodeHarness.start(); ReplicaClient c = new ReplicaClient(node.port())) {
            c.pipeline(100, (a, i) -> a.set("k" + i, "v" + i));
            java.nio.file.Path rdb = dir.resolve("dump.rdb");
            RedisCli.Result result = RedisCli.run(30, "-h", "127.0.0.1", "-p", String.valueOf(node.port()),
                    "--rdb", rdb.toString());
            assertThat(result.exitCode()).as(result.output()).isZero();
            byte[] bytes = java.nio.file.Files.readAllBytes(rdb);
            assertThat(new String(bytes, 0, 9, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("REDIS0010");
            try (var in = new java.io.ByteArrayInputStream(bytes)) {
                var summary = io.slotgate.node.persistence.rdb.RdbFileReader.read(in, e -> { });
                assertThat(summary.keys()).isEqualTo(100);
            }

            RedisCli.Result backup = RedisCli.run(30, "--cluster", "backup", "127.0.0.1:" + node.port(),
                    dir.toString());
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            try (var files = java.nio.file.Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("redis-node-"));
            }
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
