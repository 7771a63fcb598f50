package io.slotgate.launcher.runbooks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README runbook "Add a replica": a seventh node joins as a second replica of the first master with
 * {@code redis-cli --cluster add-node --cluster-slave --cluster-master-id}, syncs every key, and the proxy lists it
 * as a replica while a client keeps working.
 */
class AddReplicaRunbookIntegrationTests {

    private static final int NEW = 6;
    private RunbookCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldShowTheNewReplicaInTheProxysInfoOnceItHasSynced() throws Exception {
        cluster = RunbookCluster.start(1, Duration.ofSeconds(5));
        try (CheckingClient client = CheckingClient.start(cluster.proxyPort())) {
            String masterId = cluster.myId(0);
            String added = cluster.clusterTool("add-node", cluster.address(NEW), cluster.address(0),
                    "--cluster-slave", "--cluster-master-id", masterId);
            assertThat(added).contains("[OK] New node added correctly.");
            cluster.awaitCheckOk(0, 7);

            ProxyInfo after = cluster.awaitProxyInfo(info -> {
                assertThat(info.server(cluster.address(NEW))).isNotNull();
                assertThat(info.server(cluster.address(NEW)).role()).isEqualTo("replica");
                assertThat(info.withRole("replica")).hasSize(4);
                assertThat(info.withRole("master")).hasSize(3);
            });
            cluster.show("after add-node --cluster-slave", after, "slot_map_masters");
            cluster.awaitReplicaLinkUp(NEW);
            assertThat(cluster.cli(NEW, "info", "replication")).contains("role:slave")
                    .contains("master_port:" + cluster.port(0));
            await(() -> assertThat(cluster.cli(NEW, "dbsize")).isEqualTo(cluster.cli(0, "dbsize")));

            client.awaitMoreRounds(10, RunbookCluster.PATIENCE);
            client.stopAndVerifyEveryKey();
            assertThat(client.errors()).isEmpty();
            assertThat(client.wrongAnswers()).isEmpty();
        }
    }

    private static void await(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(RunbookCluster.PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(assertion);
    }
}
