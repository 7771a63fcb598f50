package io.slotgate.launcher;

import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.slot.SlotHash;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.RespConnection;
import io.slotgate.routing.topology.ClusterSlotsParser;
import io.slotgate.routing.topology.SlotMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Six backend nodes as separate {@code bin/slotgate node} processes, built into a cluster by the real
 * {@code redis-cli --cluster create --cluster-replicas 1} and used by real clients.
 */
class NodeClusterIntegrationTests {

    private static NodeProcesses nodes;

    @BeforeAll
    static void createCluster() throws Exception {
        nodes = NodeProcesses.start(6, "--cluster-node-timeout", "5000");
        RedisCli.Result create = nodes.createWithRedisCli(1);
        assertThat(create.exitCode()).as(create.output()).isZero();
        awaitClusterOk(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void shouldPassRedisClisClusterCheck() {
        RedisCli.Result check = RedisCli.run(60, "--cluster", "check", nodes.address(0));
        assertThat(check.output())
                .contains("[OK] All nodes agree about slots configuration.")
                .contains("[OK] All 16384 slots covered.")
                .contains("1 additional replica(s)")
                .doesNotContain("[ERR]");
        assertThat(check.exitCode()).isZero();
    }

    @Test
    void shouldStoreTenThousandKeysWrittenByRedisCliAcrossTheMasters() throws Exception {
        for (int m : masterPorts()) {
            try (RespConnection c = RespConnection.open(m)) {
                assertThat(c.callText("FLUSHALL")).isEqualTo("OK");
            }
        }
        StringBuilder writes = new StringBuilder();
        StringBuilder reads = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            writes.append("SET key:").append(i).append(" value-").append(i).append('\n');
        }
        for (int i = 0; i < 10_000; i += 97) {
            reads.append("GET key:").append(i).append('\n');
        }
        assertThat(pipeThroughRedisCli(writes.toString()).lines().filter("OK"::equals)).hasSize(10_000);
        // redis-cli -c announces each redirect it follows on a line of its own.
        List<String> values = pipeThroughRedisCli(reads.toString()).lines()
                .filter(l -> !l.startsWith("-> Redirected")).toList();
        for (int j = 0, i = 0; i < 10_000; i += 97, j++) {
            assertThat(values.get(j)).isEqualTo("value-" + i);
        }
        long total = 0;
        for (int m : masterPorts()) {
            try (RespConnection c = RespConnection.open(m)) {
                long size = (Long) c.call("DBSIZE");
                assertThat(size).as("every master holds a share").isGreaterThan(2_000);
                total += size;
            }
        }
        assertThat(total).isEqualTo(10_000);
    }

    @Test
    void shouldAnswerMovedWithTheOwnersAddressWhenAskedTheWrongNode() {
        SlotMap map = slotMap();
        int slot = SlotHash.slot("foo".getBytes(StandardCharsets.UTF_8));
        String owner = map.shard(slot).master().address();
        int wrong = masterPorts().stream().filter(p -> !owner.endsWith(":" + p)).findFirst().orElseThrow();
        try (RespConnection c = RespConnection.open(wrong)) {
            assertThat(c.call("GET", "foo")).isEqualTo(new RespError("MOVED " + slot + " " + owner));
        }
    }

    @Test
    void shouldServeLettucesClusterClientWithEveryDataType() {
        RedisClusterClient client = RedisClusterClient.create(RedisURI.create("127.0.0.1", nodes.port(0)));
        try (StatefulRedisClusterConnection<String, String> conn = client.connect()) {
            assertThat(client.getPartitions().size()).isEqualTo(6);
            assertThat(client.getPartitions().stream().filter(n -> n.is(RedisClusterNode.NodeFlag.UPSTREAM)))
                    .hasSize(3);
            RedisAdvancedClusterCommands<String, String> redis = conn.sync();
            for (int i = 0; i < 300; i++) {
                String tag = "{user" + i + "}";
                redis.set(tag + ":name", "n" + i);
                redis.incrby(tag + ":visits", i);
                redis.hset(tag + ":profile", Map.of("age", String.valueOf(i), "city", "c" + (i % 7)));
                redis.rpush(tag + ":events", "login", "view", "logout");
                redis.sadd(tag + ":tags", "a", "b", "a");
                redis.zadd(tag + ":scores", i, "m" + i);
            }
            for (int i = 0; i < 300; i++) {
                String tag = "{user" + i + "}";
                assertThat(redis.get(tag + ":name")).isEqualTo("n" + i);
                assertThat(redis.get(tag + ":visits")).isEqualTo(String.valueOf(i));
                assertThat(redis.hget(tag + ":profile", "city")).isEqualTo("c" + (i % 7));
                assertThat(redis.lrange(tag + ":events", 0, -1)).containsExactly("login", "view", "logout");
                assertThat(redis.smembers(tag + ":tags")).containsExactlyInAnyOrder("a", "b");
                assertThat(redis.zrangeWithScores(tag + ":scores", 0, -1))
                        .containsExactly(ScoredValue.just(i, "m" + i));
            }
            // Multi-key commands on one hash tag stay on one slot.
            redis.mset(Map.of("{acct}:a", "1", "{acct}:b", "2"));
            assertThat(redis.mget("{acct}:a", "{acct}:b").stream().map(kv -> kv.getValue()))
                    .containsExactly("1", "2");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void shouldComeBackWithTheSameIdsAndSlotsAfterEveryNodeIsKilled() throws Exception {
        TreeMap<String, String> before = idsAndSlots();
        for (int i = 0; i < nodes.count(); i++) {
            nodes.kill(i);
        }
        for (int i = 0; i < nodes.count(); i++) {
            nodes.launch(i);
        }
        for (int i = 0; i < nodes.count(); i++) {
            nodes.awaitListening(i);
        }
        awaitClusterOk(Duration.ofSeconds(60));
        assertThat(idsAndSlots()).isEqualTo(before);
    }

    /** node id -> "role slots" as node 0 sees it, myself flag removed. */
    private static TreeMap<String, String> idsAndSlots() {
        TreeMap<String, String> out = new TreeMap<>();
        try (RespConnection c = RespConnection.open(nodes.port(0))) {
            for (String line : RespConnection.text(c.call("CLUSTER", "NODES")).split("\n")) {
                String[] f = line.split(" ");
                String role = f[2].contains("master") ? "master" : "slave of " + f[3];
                StringBuilder slots = new StringBuilder();
                for (int k = 8; k < f.length; k++) {
                    slots.append(' ').append(f[k]);
                }
                out.put(f[0], f[1] + " " + role + slots);
            }
        }
        return out;
    }

    private static SlotMap slotMap() {
        try (RespConnection c = RespConnection.open(nodes.port(0))) {
            return ClusterSlotsParser.parse(c.call("CLUSTER", "SLOTS"), "127.0.0.1");
        }
    }

    private static List<Integer> masterPorts() {
        TreeSet<Integer> ports = new TreeSet<>();
        slotMap().shards().forEach(s -> ports.add(s.master().port()));
        return new ArrayList<>(ports);
    }

    private static String pipeThroughRedisCli(String commands) throws Exception {
        Process p = new ProcessBuilder("redis-cli", "-c", "-p", String.valueOf(nodes.port(0)))
                .redirectErrorStream(true).start();
        Thread writer = new Thread(() -> {
            try (var in = p.getOutputStream()) {
                in.write(commands.getBytes(StandardCharsets.UTF_8));
            } catch (Exception ignored) {
                // redis-cli exiting early shows up in the output assertions
            }
        });
        writer.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        writer.join();
        return out;
    }

    private static void awaitClusterOk(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
            for (int i = 0; i < nodes.count(); i++) {
                try (RespConnection c = RespConnection.open(nodes.port(i))) {
                    assertThat(RespConnection.text(c.call("CLUSTER", "INFO"))).contains("cluster_state:ok");
                }
            }
        });
    }
}
