package io.slotgate.node.persistence.aof;

import io.slotgate.node.NodeOptions;
import io.slotgate.node.NodeOptionsParser;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import io.slotgate.routing.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A replica with appendonly yes logs what it applies: its own AOF alone rebuilds the master's data. */
class ReplicaAofIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheReplicatedDataFromTheReplicasOwnAof() throws Exception {
        int replicaPort = FreePorts.clusterPort();
        NodeOptions replicaOptions = NodeOptionsParser.parse("--bind", "127.0.0.1", "--port",
                String.valueOf(replicaPort), "--io-threads", "2", "--dir", dir.toString(), "--appendonly", "yes",
                "--cluster-enabled", "no");
        try (NodeHarness master = NodeHarness.start(); RawRespClient m = master.connect()) {
            m.call("SET", "before-sync", "1");
            m.call("RPUSH", "list", "a", "b");
            try (NodeHarness replica = NodeHarness.start(replicaOptions); RawRespClient r = replica.connect()) {
                replica.node().replication().replicateFrom("127.0.0.1", master.port());
                await().atMost(Duration.ofSeconds(30)).until(() -> r.call("GET", "before-sync").equals("$1\r\n1\r\n"));
                // the full sync replaced the replica's data: its AOF is rewritten from the snapshot
                await().atMost(Duration.ofSeconds(30)).until(() -> r.call("INFO", "persistence")
                        .contains("aof_rewrites:1") && r.call("INFO", "persistence")
                        .contains("aof_rewrite_in_progress:0"));
                m.call("SET", "after-sync", "2");
                m.call("LPUSH", "list", "z");
                m.call("DEL", "before-sync");
                await().atMost(Duration.ofSeconds(30)).until(() -> r.call("EXISTS", "before-sync").equals(":0\r\n"));
            }
        }
        // alone, from its own files
        try (NodeHarness replica = NodeHarness.start(replicaOptions); RawRespClient r = replica.connect()) {
            assertThat(r.call("GET", "after-sync")).isEqualTo("$1\r\n2\r\n");
            assertThat(r.call("EXISTS", "before-sync")).isEqualTo(":0\r\n");
            assertThat(r.call("LRANGE", "list", "0", "-1")).isEqualTo("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n");
        }
    }
}
