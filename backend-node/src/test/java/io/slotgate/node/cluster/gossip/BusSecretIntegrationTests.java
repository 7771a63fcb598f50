package io.slotgate.node.cluster.gossip;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.testsupport.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * cluster-bus-secret: two nodes sharing it form a cluster; a third without it MEETs them and is never admitted.
 */
class BusSecretIntegrationTests {

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::close);
    }

    @Test
    void shouldKeepANodeWithoutTheSecretOutOfTheCluster() throws Exception {
        Node a = start("--cluster-bus-secret", "s3cret");
        Node b = start("--cluster-bus-secret", "s3cret");
        Node stranger = start();

        assertThat(call(b, "CLUSTER", "MEET", "127.0.0.1", String.valueOf(a.port()))).isEqualTo("+OK\r\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(connectedPeers(a)).containsExactly(b.port());
            assertThat(connectedPeers(b)).containsExactly(a.port());
        });

        assertThat(call(stranger, "CLUSTER", "MEET", "127.0.0.1", String.valueOf(a.port()))).isEqualTo("+OK\r\n");
        assertThat(call(stranger, "CLUSTER", "MEET", "127.0.0.1", String.valueOf(b.port()))).isEqualTo("+OK\r\n");
        // Several ping rounds (node timeout 2 s): the stranger keeps retrying its links and is dropped each time.
        long until = System.currentTimeMillis() + 6000;
        while (System.currentTimeMillis() < until) {
            assertThat(call(a, "CLUSTER", "NODES")).doesNotContain(":" + stranger.port() + "@");
            assertThat(call(b, "CLUSTER", "NODES")).doesNotContain(":" + stranger.port() + "@");
            Thread.sleep(250);
        }
        assertThat(connectedPeers(stranger)).isEmpty();
        assertThat(connectedPeers(a)).containsExactly(b.port());
    }

    @Test
    void shouldRefuseANodeWithAnotherSecret() throws Exception {
        Node a = start("--cluster-bus-secret", "one");
        Node other = start("--cluster-bus-secret", "two");

        assertThat(call(other, "CLUSTER", "MEET", "127.0.0.1", String.valueOf(a.port()))).isEqualTo("+OK\r\n");
        long until = System.currentTimeMillis() + 4000;
        while (System.currentTimeMillis() < until) {
            assertThat(call(a, "CLUSTER", "NODES")).doesNotContain(":" + other.port() + "@");
            Thread.sleep(250);
        }
        assertThat(connectedPeers(other)).isEmpty();
    }

    private Node start(String... extra) throws Exception {
        int port = FreePorts.clusterPort();
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--cluster-node-timeout", "2000", "--dir", Files.createTempDirectory("bus-secret-").toString()));
        args.addAll(List.of(extra));
        Node n = Node.start(NodeOptionsParser.parse(args));
        nodes.add(n);
        return n;
    }

    /** Client ports of the other nodes this one lists as connected and out of handshake. */
    private static List<Integer> connectedPeers(Node n) {
        List<Integer> out = new ArrayList<>();
        String nodesText = call(n, "CLUSTER", "NODES");
        for (String line : nodesText.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 8 || f[2].contains("myself") || f[2].contains("handshake") || !f[7].equals("connected")) {
                continue;
            }
            out.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@'))));
        }
        return out;
    }

    private static String call(Node n, String... args) {
        try (RawRespClient c = RawRespClient.open(n.port())) {
            return c.call(args);
        }
    }
}
