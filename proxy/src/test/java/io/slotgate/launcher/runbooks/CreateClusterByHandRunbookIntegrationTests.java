package io.slotgate.launcher.runbooks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * README runbook "Create a cluster by hand": six fresh {@code bin/slotgate node} processes, CLUSTER MEET,
 * ADDSLOTSRANGE and REPLICATE sent with redis-cli, then a proxy in front that lists every node in its INFO.
 */
class CreateClusterByHandRunbookIntegrationTests {

    private RunbookCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldFormThreeMastersWithOneReplicaEachThatTheProxyShowsAndServes() throws Exception {
        cluster = RunbookCluster.startNodes(6, Duration.ofSeconds(5));
        cluster.formByHand();
        cluster.startProxy();

        ProxyInfo info = cluster.awaitProxyInfo(i -> {
            assertThat(i.withRole("master")).extracting(ProxyInfo.Server::address, ProxyInfo.Server::slots)
                    .containsExactlyInAnyOrder(
                            tuple(cluster.address(0), 5461),
                            tuple(cluster.address(1), 5462),
                            tuple(cluster.address(2), 5461));
            assertThat(i.withRole("replica")).extracting(ProxyInfo.Server::address)
                    .containsExactlyInAnyOrder(cluster.address(3), cluster.address(4), cluster.address(5));
            assertThat(i.servers().values()).noneMatch(ProxyInfo.Server::failed);
            assertThat(i.fields()).containsEntry("slot_map_assigned_slots", "16384")
                    .containsEntry("slot_map_masters", "3").containsEntry("slot_map_state", "ok");
        });
        cluster.show("after the cluster is formed by hand", info,
                "slot_map_assigned_slots", "slot_map_masters", "slot_map_state");
        for (int r = 3; r < 6; r++) {
            assertThat(cluster.cli(r, "info", "replication")).contains("role:slave")
                    .contains("master_port:" + cluster.port(r - 3));
        }

        try (CheckingClient client = CheckingClient.start(cluster.proxyPort())) {
            client.awaitMoreRounds(20, RunbookCluster.PATIENCE);
            client.stopAndVerifyEveryKey();
            assertThat(client.errors()).isEmpty();
            assertThat(client.wrongAnswers()).isEmpty();
        }
        ProxyInfo after = cluster.proxyInfo();
        for (int m = 0; m < 3; m++) {
            assertThat(after.server(cluster.address(m)).line()).as("every master served the client")
                    .containsPattern(",requests=[1-9]");
        }
    }
}
