package io.slotgate.launcher.runbooks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README runbook "Add a master and reshard": a seventh node joins with {@code redis-cli --cluster add-node}, then
 * {@code redis-cli --cluster reshard} moves 1000 slots to it from all masters while a client works through the
 * proxy. The proxy follows the MOVED/ASK replies and lists the new master with its slots.
 */
class AddMasterRunbookIntegrationTests {

    private static final int NEW = 6;
    private RunbookCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldShowTheNewMasterWithItsSlotsWhileTheClientKeepsGettingCorrectAnswers() throws Exception {
        cluster = RunbookCluster.start(1, Duration.ofSeconds(5));
        try (CheckingClient client = CheckingClient.start(cluster.proxyPort())) {
            ProxyInfo before = cluster.proxyInfo();
            cluster.show("before", before, "moved_followed", "ask_followed", "slot_map_masters");

            String added = cluster.clusterTool("add-node", cluster.address(NEW), cluster.address(0));
            assertThat(added).contains("[OK] New node added correctly.");
            cluster.awaitCheckOk(0, 7);
            cluster.awaitKnownEverywhere(NEW);
            cluster.awaitClusterOk(NEW);
            assertThat(cluster.proxyInfo().server(cluster.address(NEW)))
                    .as("a master without slots is not in CLUSTER SLOTS, so not yet in the proxy's INFO").isNull();

            String newId = cluster.myId(NEW);
            cluster.clusterTool("reshard", cluster.address(0), "--cluster-from", "all", "--cluster-to", newId,
                    "--cluster-slots", "1000", "--cluster-yes");
            cluster.awaitCheckOk(0, 7);

            ProxyInfo after = cluster.awaitProxyInfo(info -> {
                assertThat(info.server(cluster.address(NEW))).isNotNull();
                assertThat(info.server(cluster.address(NEW)).role()).isEqualTo("master");
                assertThat(info.server(cluster.address(NEW)).slots()).isEqualTo(1000);
                assertThat(info.withRole("master")).hasSize(4);
                assertThat(info.fields()).containsEntry("slot_map_masters", "4")
                        .containsEntry("slot_map_assigned_slots", "16384");
            });
            cluster.show("after the reshard", after, "moved_followed", "ask_followed", "slot_map_masters");
            assertThat(after.stat("moved_followed") + after.stat("ask_followed"))
                    .as("the client's requests met slots on the move").isGreaterThan(
                            before.stat("moved_followed") + before.stat("ask_followed"));

            client.awaitMoreRounds(10, RunbookCluster.PATIENCE);
            client.stopAndVerifyEveryKey();
            assertThat(client.errors()).isEmpty();
            assertThat(client.wrongAnswers()).isEmpty();
        }
        assertThat(cluster.cli(NEW, "dbsize")).as("the new master holds its share of the keys")
                .matches(n -> Long.parseLong(n) > CheckingClient.KEYS / 40);
    }
}
