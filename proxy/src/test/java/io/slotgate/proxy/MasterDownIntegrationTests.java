package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A master is down and the cluster has not noticed yet (long node timeout, so no failover during the test): reads
 * of its slots are served by its replica, writes get a clear error naming the master.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MasterDownIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ClusterBackend cluster;

    @BeforeAll
    void startCluster() {
        cluster = backend().start(3, 1, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldServeReadsFromTheReplicaAndRefuseWritesClearlyWhileTheMasterIsDown() throws Exception {
        String master = cluster.addresses().get(1);
        String key = ClusterProbe.keyServedBy(cluster.port(0), master, "down:");
        String replica = ClusterProbe.shardOf(cluster.port(0), key).get(1);
        ProxyOptions options = ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(ClusterOptions.builder().servers(cluster.addresses().get(0)).build()).build();
        try (Proxy proxy = Proxy.start(options)) {
            assertThat(proxy.awaitSlotMap(Duration.ofSeconds(10))).isTrue();
            try (RespConnection c = RespConnection.open(proxy.port())) {
                assertThat(c.call("SET", key, "before")).isEqualTo("OK");
                try (RespConnection r = RespConnection.open(ClusterProbe.port(replica))) {
                    r.call("READONLY");
                    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                            .until(() -> "before".equals(RespConnection.text(r.call("GET", key))));
                }
                cluster.kill(master);

                for (int i = 0; i < 300; i++) {
                    assertThat(RespConnection.text(c.call("GET", key))).as("read %d", i).isEqualTo("before");
                }
                Object write = c.call("SET", key, "after");
                assertThat(write).isInstanceOf(RespError.class);
                assertThat(((RespError) write).text()).startsWith("ERR slotgate: ").contains(master);
                String servers = RespConnection.text(c.call("INFO", "servers"));
                assertThat(servers).containsPattern("server:" + master + ",role=master,.*failed=1");
                assertThat(List.of(servers.split("\r\n"))).anyMatch(l -> l.startsWith("server:" + replica)
                        && !l.contains("requests=0,"));
            }
        }
    }
}
