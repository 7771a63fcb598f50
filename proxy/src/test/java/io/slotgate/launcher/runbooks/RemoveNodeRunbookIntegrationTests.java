package io.slotgate.launcher.runbooks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README runbook "Remove a node": a replica goes with {@code redis-cli --cluster del-node}; a whole shard goes by
 * resharding its master's slots away, deleting its replica, then the master. A client keeps working through the
 * proxy, and each removed node leaves the proxy's INFO within a few refresh intervals (1 s each by default).
 */
class RemoveNodeRunbookIntegrationTests {

    /** "A few refresh intervals", with room for a loaded test machine. */
    private static final Duration LEAVES_INFO_WITHIN = Duration.ofSeconds(10);
    private static final int EXTRA_MASTER = 6;
    private static final int EXTRA_REPLICA = 7;
    private static RunbookCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = RunbookCluster.start(2, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldDropADeletedReplicaFromTheProxysInfo() throws Exception {
        try (CheckingClient client = CheckingClient.start(cluster.proxyPort())) {
            String replicaId = cluster.myId(3);
            String out = cluster.clusterTool("del-node", cluster.address(0), replicaId);
            assertThat(out).contains(">>> Sending CLUSTER RESET SOFT to the deleted node.");
            long deletedAt = System.nanoTime();
            cluster.stopNode(3);

            ProxyInfo after = cluster.awaitProxyInfo(info ->
                    assertThat(info.server(cluster.address(3))).isNull());
            Duration took = Duration.ofNanos(System.nanoTime() - deletedAt);
            System.out.println("the deleted replica left the proxy's INFO " + took.toMillis() + " ms after del-node");
            cluster.show("after del-node of replica 7003", after, "slot_map_masters");
            assertThat(took).isLessThan(LEAVES_INFO_WITHIN);
            assertThat(after.server(cluster.address(0)).slots()).isPositive();

            client.awaitMoreRounds(10, RunbookCluster.PATIENCE);
            client.stopAndVerifyEveryKey();
            assertThat(client.errors()).isEmpty();
            assertThat(client.wrongAnswers()).isEmpty();
        }
    }

    @Test
    void shouldDropAWholeShardAfterItsSlotsAreReshardedAway() throws Exception {
        // Given a fourth shard: a master with 200 slots and its replica (the add-master and add-replica runbooks).
        int nodesBefore = count();
        cluster.clusterTool("add-node", cluster.address(EXTRA_MASTER), cluster.address(1));
        cluster.awaitCheckOk(1, nodesBefore + 1);
        cluster.awaitKnownEverywhere(EXTRA_MASTER);
        cluster.awaitClusterOk(EXTRA_MASTER);
        String extraId = cluster.myId(EXTRA_MASTER);
        String targetId = cluster.myId(1);
        cluster.clusterTool("reshard", cluster.address(1), "--cluster-from", targetId, "--cluster-to", extraId,
                "--cluster-slots", "200", "--cluster-yes");
        cluster.clusterTool("add-node", cluster.address(EXTRA_REPLICA), cluster.address(1), "--cluster-slave",
                "--cluster-master-id", extraId);
        cluster.awaitCheckOk(1, nodesBefore + 2);
        cluster.awaitProxyInfo(info -> {
            assertThat(info.server(cluster.address(EXTRA_MASTER)).slots()).isEqualTo(200);
            assertThat(info.server(cluster.address(EXTRA_REPLICA))).isNotNull();
        });

        try (CheckingClient client = CheckingClient.start(cluster.proxyPort())) {
            ProxyInfo before = cluster.proxyInfo();
            cluster.show("before removing the shard of 7006", before, "slot_map_masters");
            cluster.clusterTool("reshard", cluster.address(1), "--cluster-from", extraId, "--cluster-to", targetId,
                    "--cluster-slots", "200", "--cluster-yes");
            cluster.clusterTool("del-node", cluster.address(1), cluster.myId(EXTRA_REPLICA));
            cluster.clusterTool("del-node", cluster.address(1), extraId);
            long deletedAt = System.nanoTime();
            cluster.stopNode(EXTRA_REPLICA);
            cluster.stopNode(EXTRA_MASTER);

            ProxyInfo after = cluster.awaitProxyInfo(info -> {
                assertThat(info.server(cluster.address(EXTRA_MASTER))).isNull();
                assertThat(info.server(cluster.address(EXTRA_REPLICA))).isNull();
                assertThat(info.server(cluster.address(1)).slots()).isEqualTo(5462);
                assertThat(info.fields()).containsEntry("slot_map_masters", "3");
            });
            Duration took = Duration.ofNanos(System.nanoTime() - deletedAt);
            System.out.println("the deleted shard left the proxy's INFO " + took.toMillis() + " ms after del-node");
            cluster.show("after removing the shard of 7006", after, "moved_followed", "ask_followed",
                    "slot_map_masters");
            assertThat(took).isLessThan(LEAVES_INFO_WITHIN);
            assertThat(after.stat("moved_followed") + after.stat("ask_followed"))
                    .isGreaterThan(before.stat("moved_followed") + before.stat("ask_followed"));

            client.awaitMoreRounds(10, RunbookCluster.PATIENCE);
            client.stopAndVerifyEveryKey();
            assertThat(client.errors()).isEmpty();
            assertThat(client.wrongAnswers()).isEmpty();
        }
    }

    /** Nodes in the cluster now (the other test may already have removed one). */
    private static int count() {
        return (int) cluster.cli(0, "cluster", "nodes").lines().count();
    }
}
