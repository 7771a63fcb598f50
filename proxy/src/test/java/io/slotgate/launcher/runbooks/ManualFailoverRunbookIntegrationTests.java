package io.slotgate.launcher.runbooks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README runbook "Fail over by hand": {@code redis-cli -p <replica> cluster failover} promotes the replica of the
 * first master while a client works through the proxy; the proxy's INFO shows the two roles swapped.
 */
class ManualFailoverRunbookIntegrationTests {

    private RunbookCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldSwapTheRolesInTheProxysInfoWithoutClientErrors() throws Exception {
        cluster = RunbookCluster.start(0, Duration.ofSeconds(5));
        try (CheckingClient client = CheckingClient.start(cluster.proxyPort())) {
            client.awaitMoreRounds(5, RunbookCluster.PATIENCE);
            assertThat(cluster.cli(3, "cluster", "failover")).isEqualTo("OK");

            ProxyInfo after = cluster.awaitProxyInfo(info -> {
                assertThat(info.server(cluster.address(3)).role()).isEqualTo("master");
                assertThat(info.server(cluster.address(3)).slots()).isEqualTo(5461);
                assertThat(info.server(cluster.address(0)).role()).isEqualTo("replica");
            });
            cluster.show("after cluster failover on 7003", after, "moved_followed", "slot_map_masters");
            assertThat(cluster.cli(0, "info", "replication")).contains("role:slave")
                    .contains("master_port:" + cluster.port(3));

            client.awaitMoreRounds(10, RunbookCluster.PATIENCE);
            client.stopAndVerifyEveryKey();
            assertThat(client.errors()).isEmpty();
            assertThat(client.wrongAnswers()).isEmpty();
        }
    }
}
