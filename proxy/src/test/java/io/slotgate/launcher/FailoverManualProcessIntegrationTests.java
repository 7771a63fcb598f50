package io.slotgate.launcher;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.slotgate.routing.slot.SlotHash;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.RespConnection;
import io.slotgate.routing.topology.Shard;
import io.slotgate.routing.topology.SlotMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CLUSTER FAILOVER (default mode, cluster-engine.md §8.4) with real processes ({@code bin/slotgate node}, 3 masters
 * + 3 replicas, node timeout 2 s) while a Lettuce cluster client keeps writing: the paused master holds the
 * writes it receives and answers them with MOVED once its replica took over, so the client sees no error and
 * every acknowledged SET is on the new master.
 */
class FailoverManualProcessIntegrationTests {

    private static final int NODE_TIMEOUT_MS = 2000;
    private NodeProcesses nodes;
    private RedisClusterClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void shouldLoseNoAcknowledgedWriteAndShowTheClientNoErrorDuringAManualFailover() throws Exception {
        nodes = NodeProcesses.start(6, "--cluster-node-timeout", String.valueOf(NODE_TIMEOUT_MS));
        RedisCli.Result create = nodes.createWithRedisCli(1);
        assertThat(create.exitCode()).as(create.output()).isZero();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> {
                    for (int i = 0; i < nodes.count(); i++) {
                        assertThat(nodes.call(i, "CLUSTER", "INFO")).contains("cluster_state:ok");
                    }
                    assertThat(nodes.slotMap(0).shard(0).replicas()).isNotEmpty();
                });
        SlotMap initial = nodes.slotMap(0);
        Shard victim = initial.shard(0);
        int masterIndex = nodes.indexOf(victim.master());
        int replicaIndex = nodes.indexOf(victim.replicas().get(0));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> nodes.call(replicaIndex, "INFO",
                "replication").contains("master_link_status:up"));

        client = RedisClusterClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(nodes.port(0))
                .withTimeout(Duration.ofSeconds(30)).build());
        client.setOptions(ClusterClientOptions.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions
                .builder().enableAllAdaptiveRefreshTriggers().build()).build());
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger victimWrites = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer;
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            RedisAdvancedClusterCommands<String, String> sync = connection.sync();
            writer = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String key = "w" + i;
                    try {
                        sync.set(key, "v" + i);
                        acknowledged.add(key);
                        if (victim.equals(initial.shard(SlotHash.slot(key.getBytes(StandardCharsets.UTF_8))))) {
                            victimWrites.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
            }, "writer");
            writer.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> victimWrites.get() >= 200);

                assertThat(nodes.call(replicaIndex, "CLUSTER", "FAILOVER")).isEqualTo("OK");
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(nodes.call(replicaIndex, "INFO", "replication")).contains("role:master");
                            assertThat(nodes.call(masterIndex, "INFO", "replication")).contains("role:slave");
                        });
                int afterSwitch = victimWrites.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> victimWrites.get() >= afterSwitch + 200);
            } finally {
                running.set(false);
                writer.join(60_000);
            }
            assertThat(errors).as("client errors during the failover").isEmpty();

            for (String key : acknowledged) {
                assertThat(sync.get(key)).as(key).isEqualTo("v" + key.substring(1));
            }
        }
        try (RespConnection promoted = RespConnection.open(nodes.port(replicaIndex))) {
            String victimKey = acknowledged.stream()
                    .filter(k -> victim.equals(initial.shard(SlotHash.slot(k.getBytes(StandardCharsets.UTF_8)))))
                    .findFirst().orElseThrow();
            assertThat(promoted.callText("GET", victimKey)).isEqualTo("v" + victimKey.substring(1));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            RedisCli.Result check = RedisCli.run(60, "--cluster", "check", nodes.address(replicaIndex));
            assertThat(check.output()).contains("[OK] All nodes agree about slots configuration.")
                    .contains("[OK] All 16384 slots covered.");
        });
    }
}
