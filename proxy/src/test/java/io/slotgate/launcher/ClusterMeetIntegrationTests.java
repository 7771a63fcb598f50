package io.slotgate.launcher;

import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Gossip joins a cluster from a single introduction, with nodes as separate processes. */
class ClusterMeetIntegrationTests {

    @Test
    void shouldMakeThreeEmptyNodesKnowEachOtherWithinFiveSecondsOfMeetingOneNode() throws Exception {
        try (NodeProcesses nodes = NodeProcesses.start(3)) {
            // Nodes 1 and 2 are each introduced to node 0 only; they must learn about each other by gossip.
            for (int i = 1; i < 3; i++) {
                try (RespConnection c = RespConnection.open(nodes.port(i))) {
                    assertThat(c.callText("CLUSTER", "MEET", "127.0.0.1", String.valueOf(nodes.port(0))))
                            .isEqualTo("OK");
                }
            }
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                for (int i = 0; i < 3; i++) {
                    try (RespConnection c = RespConnection.open(nodes.port(i))) {
                        String info = RespConnection.text(c.call("CLUSTER", "INFO"));
                        assertThat(info).contains("cluster_known_nodes:3");
                        assertThat(RespConnection.text(c.call("CLUSTER", "NODES"))).doesNotContain("handshake");
                    }
                }
            });
        }
    }
}
