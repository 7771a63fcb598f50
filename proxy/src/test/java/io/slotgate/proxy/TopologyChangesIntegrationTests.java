package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.FreePorts;
import io.slotgate.routing.testsupport.RedisCli;
import io.slotgate.routing.testsupport.RedisClusterFixture;
import io.slotgate.routing.testsupport.RedisServerProcess;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes joining and leaving: the proxy learns about them from its periodic and triggered refreshes. Runs against real
 * Redis only: it grows and shrinks the cluster with redis-cli --cluster add-node/del-node on extra redis-servers.
 */
class TopologyChangesIntegrationTests {

    private static RedisClusterFixture cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterFixture.start(3, 1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldStartWhileNoSeedAnswersAndServeOnceOneDoes() {
        int port = FreePorts.clusterPort();
        ProxyOptions options = ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(ClusterOptions.builder().servers("127.0.0.1:" + port)
                        .refreshInterval(Duration.ofMillis(200)).build()).build();
        try (Proxy proxy = Proxy.start(options); RespConnection c = RespConnection.open(proxy.port())) {
            Object early = c.call("GET", "anything");
            assertThat(early).isInstanceOf(RespError.class);
            assertThat(((RespError) early).text()).startsWith("CLUSTERDOWN slotgate has no slot map yet")
                    .contains("127.0.0.1:" + port);
            assertThat(c.call("PING")).isEqualTo("PONG");

            try (RedisServerProcess newcomer = RedisServerProcess.clusterNode(port)) {
                RedisCli.Result joined = RedisCli.run(60, "--cluster", "add-node", newcomer.address(),
                        cluster.addresses().get(0));
                assertThat(joined.exitCode()).as(joined.output()).isZero();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(c.call("SET", "late:key", "v")).isEqualTo("OK"));
                assertThat(RespConnection.text(c.call("GET", "late:key"))).isEqualTo("v");
                String id;
                try (RespConnection n = RespConnection.open(port)) {
                    id = n.callText("CLUSTER", "MYID");
                }
                awaitEveryLiveNodeKnows(id);
                RedisCli.Result left = RedisCli.run(60, "--cluster", "del-node", cluster.addresses().get(0), id);
                assertThat(left.exitCode()).as(left.output()).isZero();
            }
            // The only seed has left, but the proxy keeps serving from the nodes it learned meanwhile.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(RespConnection.text(c.call("GET", "late:key"))).isEqualTo("v"));
            assertThat(RespConnection.text(c.call("INFO", "servers"))).doesNotContain("127.0.0.1:" + port + ",");
        }
    }

    /** del-node sends CLUSTER FORGET to every node, which fails on a node that has not heard of the node yet. */
    private static void awaitEveryLiveNodeKnows(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.servers().stream()
                .filter(s -> s.process().isAlive())
                .allMatch(s -> {
                    try (RespConnection n = RespConnection.open(s.port())) {
                        return n.callText("CLUSTER", "NODES").contains(id);
                    }
                }));
    }

    @Test
    void shouldTellClientsWhyThereIsNoSlotMapWhenTheSeedIsNotAClusterNode() {
        try (RedisServerProcess standalone = RedisServerProcess.standalone();
             Proxy proxy = Proxy.start(ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                     .cluster(ClusterOptions.builder().servers(standalone.address()).build()).build());
             RespConnection c = RespConnection.open(proxy.port())) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(c.call("GET", "k"))
                    .isEqualTo(new RespError("CLUSTERDOWN slotgate has no slot map yet: no server answered CLUSTER "
                            + "SLOTS (" + standalone.address() + ": CLUSTER SLOTS failed: ERR This instance has "
                            + "cluster support disabled)")));
        }
    }

    @Test
    void shouldForgetAReplicaThatLeftTheCluster() throws Exception {
        String replica = cluster.addresses().get(5);
        ProxyOptions options = ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(ClusterOptions.builder().servers(cluster.addresses().get(0))
                        .refreshInterval(Duration.ofMillis(200)).build()).build();
        try (Proxy proxy = Proxy.start(options); RespConnection c = RespConnection.open(proxy.port())) {
            assertThat(proxy.awaitSlotMap(Duration.ofSeconds(10))).isTrue();
            assertThat(RespConnection.text(c.call("INFO", "servers"))).contains("server:" + replica + ",");
            String id;
            try (RespConnection r = cluster.connect(5)) {
                id = r.callText("CLUSTER", "MYID");
            }
            RedisCli.Result left = RedisCli.run(60, "--cluster", "del-node", cluster.addresses().get(0), id);
            assertThat(left.exitCode()).as(left.output()).isZero();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(RespConnection.text(c.call("INFO", "servers"))).doesNotContain(replica));
            assertThat(c.call("SET", "after:leave", "1")).isEqualTo("OK");
        }
    }
}
