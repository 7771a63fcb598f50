package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.proxy.config.ReadPreference;
import io.slotgate.proxy.config.ServerOverride;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Read routing measured on the backends themselves (INFO commandstats), 3 masters with 2 replicas each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadPolicyIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ClusterBackend cluster;

    @BeforeAll
    void startCluster() {
        cluster = backend().start(3, 2);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void resetStats() {
        ClusterProbe.resetStats(cluster.ports());
    }

    @Test
    void shouldSendEveryReadToReplicasWhenMastersHavePriorityZero() throws Exception {
        ClusterOptions.Builder options = seeds().master(new ReadPreference(0, 1));
        try (Proxy proxy = start(options); RespConnection c = RespConnection.open(proxy.port())) {
            for (int i = 0; i < 300; i++) {
                c.call("SET", "rp:" + i, "v" + i);
            }
            for (int i = 0; i < 3000; i++) {
                assertThat(RespConnection.text(c.call("GET", "rp:" + (i % 300)))).isEqualTo("v" + (i % 300));
            }
        }
        long onMasters = 0;
        long onReplicas = 0;
        for (int i = 0; i < cluster.addresses().size(); i++) {
            long gets = ClusterProbe.calls(cluster.port(i), "get");
            if (i < 3) {
                onMasters += gets;
            } else {
                onReplicas += gets;
            }
        }
        assertThat(onMasters).isZero();
        assertThat(onReplicas).isEqualTo(3000);
    }

    @Test
    void shouldSpreadReadsByWeightBetweenTwoReplicas() throws Exception {
        List<String> shard = ClusterProbe.shardOf(cluster.port(0), "weighted");
        String heavy = shard.get(1);
        String light = shard.get(2);
        ClusterOptions.Builder options = seeds().master(new ReadPreference(0, 1))
                .override(heavy, new ServerOverride(ServerOverride.INHERIT, 3));
        int reads = 10_000;
        try (Proxy proxy = start(options); RespConnection c = RespConnection.open(proxy.port())) {
            c.call("SET", "weighted", "x");
            for (int i = 0; i < reads; i++) {
                c.send("GET", "weighted");
            }
            c.flush();
            for (int i = 0; i < reads; i++) {
                assertThat(RespConnection.text(c.read())).isEqualTo("x");
            }
        }
        long heavyCalls = ClusterProbe.calls(ClusterProbe.port(heavy), "get");
        long lightCalls = ClusterProbe.calls(ClusterProbe.port(light), "get");
        assertThat(heavyCalls + lightCalls).isEqualTo(reads);
        // 3:1 means 75 % on the heavy replica; allow +-10 % of that.
        assertThat(heavyCalls / (double) reads).isBetween(0.75 * 0.9, 0.75 * 1.1);
    }

    @Test
    void shouldSendReadsToMastersByDefault() throws Exception {
        try (Proxy proxy = start(seeds()); RespConnection c = RespConnection.open(proxy.port())) {
            for (int i = 0; i < 300; i++) {
                c.call("SET", "def:" + i, "v");
                c.call("GET", "def:" + i);
            }
        }
        for (int i = 3; i < cluster.addresses().size(); i++) {
            // (replicas count replicated SETs in commandstats too, so only GETs tell where reads went)
            assertThat(ClusterProbe.calls(cluster.port(i), "get")).isZero();
        }
    }

    private ClusterOptions.Builder seeds() {
        return ClusterOptions.builder().servers(cluster.addresses().get(0))
                .serverTimeout(ProxyUnderTest.PATIENT_SERVER_TIMEOUT);
    }

    private static Proxy start(ClusterOptions.Builder cluster) throws InterruptedException {
        Proxy proxy = Proxy.start(ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(cluster.build()).build());
        assertThat(proxy.awaitSlotMap(Duration.ofSeconds(10))).isTrue();
        return proxy;
    }
}
