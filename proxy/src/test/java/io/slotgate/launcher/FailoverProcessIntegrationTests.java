package io.slotgate.launcher;

import io.slotgate.routing.slot.SlotHash;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.RespConnection;
import io.slotgate.routing.topology.ClusterNode;
import io.slotgate.routing.topology.Shard;
import io.slotgate.routing.topology.SlotMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automatic failover with real processes: 3 masters + 3 replicas ({@code bin/slotgate node}, node timeout 2 s),
 * a master killed with SIGKILL while it takes writes.
 */
class FailoverProcessIntegrationTests {

    private static final int NODE_TIMEOUT_MS = 2000;
    private NodeProcesses nodes;

    @AfterEach
    void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void shouldPromoteTheReplicaKeepEveryAcknowledgedWriteAndRejoinTheOldMasterAsItsReplica() throws Exception {
        nodes = NodeProcesses.start(6, "--cluster-node-timeout", String.valueOf(NODE_TIMEOUT_MS));
        RedisCli.Result create = nodes.createWithRedisCli(1);
        assertThat(create.exitCode()).as(create.output()).isZero();
        awaitAllOk(List.of(0, 1, 2, 3, 4, 5), Duration.ofSeconds(30));

        SlotMap map = nodes.slotMap(0);
        Shard victim = map.shard(0);
        int masterIndex = nodes.indexOf(victim.master());
        await().atMost(Duration.ofSeconds(30)).until(() -> !victim.replicas().isEmpty()
                || !nodes.slotMap(0).shard(0).replicas().isEmpty());
        ClusterNode replica = nodes.slotMap(0).shard(0).replicas().get(0);
        int replicaIndex = nodes.indexOf(replica);
        await().atMost(Duration.ofSeconds(30)).until(() -> nodes.call(replicaIndex, "INFO", "replication")
                .contains("master_link_status:up"));

        // Writes to the victim's slots, each batch acknowledged by its replica (WAIT 1).
        List<String> acknowledged = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        try (RespConnection master = RespConnection.open(nodes.port(masterIndex))) {
            for (int i = 0; acknowledged.size() < 2_000; i++) {
                String key = "k" + i;
                if (map.shard(SlotHash.slot(key.getBytes(StandardCharsets.UTF_8))) != victim) {
                    continue;
                }
                assertThat(master.callText("SET", key, "v" + i)).isEqualTo("OK");
                pending.add(key);
                if (pending.size() == 100) {
                    assertThat(master.call("WAIT", "1", "5000")).isEqualTo(1L);
                    acknowledged.addAll(pending);
                    pending.clear();
                }
            }
        }

        long killedAt = System.nanoTime();
        nodes.kill(masterIndex);
        List<Integer> survivors = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        survivors.remove(Integer.valueOf(masterIndex));
        await().atMost(Duration.ofMillis(NODE_TIMEOUT_MS + 3000 + 2000)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(nodes.call(replicaIndex, "INFO", "replication")).contains("role:master");
                    for (int i : survivors) {
                        assertThat(nodes.call(i, "CLUSTER", "INFO")).contains("cluster_state:ok");
                    }
                });
        long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.println("failover took " + failoverMillis + " ms from kill -9 to cluster_state:ok everywhere");

        try (RespConnection promoted = RespConnection.open(nodes.port(replicaIndex))) {
            for (String key : acknowledged) {
                assertThat(promoted.callText("GET", key)).as(key).isEqualTo("v" + key.substring(1));
            }
        }

        // The old master comes back as a replica of the promoted one and catches up.
        nodes.launch(masterIndex);
        nodes.awaitListening(masterIndex);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> {
                    String replication = nodes.call(masterIndex, "INFO", "replication");
                    assertThat(replication).contains("role:slave").contains("master_port:" + nodes.port(replicaIndex))
                            .contains("master_link_status:up");
                });
        try (RespConnection old = RespConnection.open(nodes.port(masterIndex));
             RespConnection promoted = RespConnection.open(nodes.port(replicaIndex))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> old.call("DBSIZE").equals(promoted.call("DBSIZE")));
        }
        RedisCli.Result check = RedisCli.run(60, "--cluster", "check", nodes.address(replicaIndex));
        assertThat(check.output()).contains("[OK] All nodes agree about slots configuration.")
                .contains("[OK] All 16384 slots covered.");
    }

    private void awaitAllOk(List<Integer> which, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
            for (int i : which) {
                assertThat(nodes.call(i, "CLUSTER", "INFO")).contains("cluster_state:ok");
            }
        });
    }
}
