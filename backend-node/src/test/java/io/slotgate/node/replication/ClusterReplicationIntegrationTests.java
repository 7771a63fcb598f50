package io.slotgate.node.replication;

import io.slotgate.node.Node;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.testsupport.FreePorts;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replication driven by the cluster engine: CLUSTER REPLICATE, then a manual CLUSTER FAILOVER. */
class ClusterReplicationIntegrationTests {

    private static Node emptyClusterNode() throws Exception {
        return Node.start(NodeOptionsParser.parse(List.of("--bind", "127.0.0.1", "--port",
                String.valueOf(FreePorts.clusterPort()), "--io-threads", "2", "--cluster-node-timeout", "2000",
                "--dir", Files.createTempDirectory("slotgate-replica-").toString())));
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String info(RawRespClient c, String section, String name) {
        String reply = c.call("INFO", section);
        return field(reply, name);
    }

    @Test
    void shouldReplicateAfterClusterReplicateAndContinueAfterAManualFailover() throws Exception {
        try (NodeHarness master = NodeHarness.start("--cluster-node-timeout", "2000");
             Node replica = emptyClusterNode();
             RawRespClient m = master.connect(); RawRespClient r = RawRespClient.open(replica.port())) {
            String masterId = m.call("CLUSTER", "MYID").split("\r\n")[1];
            m.call("SET", "before", "1");
            assertThat(r.call("CLUSTER", "MEET", "127.0.0.1", String.valueOf(master.port()))).isEqualTo("+OK\r\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> r.call("CLUSTER", "NODES").contains(masterId));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    r.call("CLUSTER", "REPLICATE", masterId).equals("+OK\r\n"));

            await().atMost(Duration.ofSeconds(30)).until(() -> "up".equals(info(r, "replication", "master_link_status")));
            m.call("SET", "after", "2");
            assertThat(m.call("WAIT", "1", "5000")).isEqualTo(":1\r\n");
            assertThat(r.call("GET", "after")).startsWith("-MOVED");
            assertThat(r.call("READONLY")).isEqualTo("+OK\r\n");
            assertThat(r.call("GET", "before")).isEqualTo("$1\r\n1\r\n");
            assertThat(r.call("GET", "after")).isEqualTo("$1\r\n2\r\n");
            assertThat(r.call("FLUSHALL")).isEqualTo("-READONLY You can't write against a read only replica.\r\n");

            assertThat(r.call("CLUSTER", "FAILOVER")).isEqualTo("+OK\r\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> "master".equals(info(r, "replication", "role")));
            await().atMost(Duration.ofSeconds(30)).until(() -> "slave".equals(info(m, "replication", "role")));
            await().atMost(Duration.ofSeconds(30)).until(() -> "up".equals(info(m, "replication", "master_link_status")));
            assertThat(info(r, "stats", "sync_partial_ok")).isEqualTo("1");
            assertThat(info(r, "stats", "sync_full")).isEqualTo("0");

            assertThat(r.call("SET", "promoted", "3")).isEqualTo("+OK\r\n");
            assertThat(r.call("WAIT", "1", "5000")).isEqualTo(":1\r\n");
            assertThat(m.call("READONLY")).isEqualTo("+OK\r\n");
            assertThat(m.call("GET", "promoted")).isEqualTo("$1\r\n3\r\n");
        }
    }
}
