package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.resp.RespError;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Backends dying under load: a fresh 6-node cluster per test, node timeout 2 s so failovers are quick. */
abstract class FailoverIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ClusterBackend cluster;
    private Proxy proxy;

    @BeforeEach
    void startCluster() {
        cluster = backend().start(3, 1, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldMoveReadsOfAFailedReplicaToItsMasterWithoutClientErrors() throws Exception {
        String master = cluster.addresses().get(1);
        List<String> shard = ClusterProbe.shardOf(cluster.port(0), ClusterProbe.keyServedBy(
                cluster.port(0), master, "rf:"));
        String replica = shard.get(1);
        startProxy(ClusterOptions.builder().servers(cluster.addresses().get(0))
                .master(new io.slotgate.proxy.config.ReadPreference(0, 1)).serverFailureLimit(3));
        String key = ClusterProbe.keyServedBy(cluster.port(0), master, "rf:");
        try (RespConnection c = RespConnection.open(proxy.port())) {
            c.call("SET", key, "kept");
            awaitReplicated(ClusterProbe.port(replica), key);
            for (int i = 0; i < 200; i++) {
                assertThat(RespConnection.text(c.call("GET", key))).isEqualTo("kept");
            }
            cluster.kill(replica);
            ClusterProbe.resetStats(List.of(ClusterProbe.port(master)));
            for (int i = 0; i < 2000; i++) {
                assertThat(RespConnection.text(c.call("GET", key))).as("read %d after the replica died", i)
                        .isEqualTo("kept");
            }
            assertThat(ClusterProbe.calls(ClusterProbe.port(master), "get")).isEqualTo(2000);
            String servers = RespConnection.text(c.call("INFO", "servers"));
            assertThat(servers).containsPattern("server:" + replica + ",.*failed=1");
        }
    }

    @Test
    void shouldFollowAFailoverWithoutRestartClientErrorsStoppingWithinASecond() throws Exception {
        String victim = cluster.addresses().get(1);
        String heir = ClusterProbe.shardOf(cluster.port(0),
                ClusterProbe.keyServedBy(cluster.port(0), victim, "fo:")).get(1);
        startProxy(ClusterOptions.builder().servers(cluster.addresses().get(0)));

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<long[]> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errorTexts = new ConcurrentLinkedQueue<>();
        AtomicLong successes = new AtomicLong();
        AtomicLong wrongValues = new AtomicLong();
        Thread worker = new Thread(() -> {
            RespConnection c = RespConnection.open("127.0.0.1", proxy.port(), Duration.ofSeconds(3));
            long i = 0;
            while (running.get()) {
                String key = "fo:" + (i % 300);
                try {
                    Object set = c.call("SET", key, "v" + i);
                    Object get = c.call("GET", key);
                    if (set instanceof RespError e) {
                        errors.add(new long[] {System.nanoTime()});
                        errorTexts.add(e.text());
                    } else if (get instanceof RespError e) {
                        errors.add(new long[] {System.nanoTime()});
                        errorTexts.add(e.text());
                    } else if (!RespConnection.text(get).equals("v" + i)) {
                        wrongValues.incrementAndGet();
                    } else {
                        successes.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    errors.add(new long[] {System.nanoTime()});
                    errorTexts.add(e.toString());
                    c.close();
                    c = RespConnection.open("127.0.0.1", proxy.port(), Duration.ofSeconds(3));
                }
                i++;
            }
            c.close();
        }, "failover-client");
        worker.start();
        try {
            Thread.sleep(300);
            cluster.kill(victim);
            long okAt = awaitFailoverDone(heir, Duration.ofSeconds(30));
            Thread.sleep(2500);
            running.set(false);
            worker.join(10_000);
            long lateErrors = errors.stream().filter(e -> e[0] - okAt > Duration.ofSeconds(1).toNanos()).count();
            assertThat(lateErrors).as("errors later than 1 s after cluster_state:ok; all errors: %s",
                    errorTexts.stream().distinct().toList()).isZero();
            assertThat(wrongValues.get()).isZero();
            assertThat(successes.get()).isPositive();
        } finally {
            running.set(false);
            worker.join(10_000);
        }
    }

    /** Waits until {@code heir} is a master and every live node says cluster_state:ok; returns that moment. */
    private long awaitFailoverDone(String heir, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isMaster(heir) && allLiveNodesOk()) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no failover to " + heir + " within " + timeout);
    }

    private boolean isMaster(String address) {
        try (RespConnection c = RespConnection.open(ClusterProbe.port(address))) {
            return RespConnection.text(((List<?>) c.call("ROLE")).get(0)).equals("master");
        }
    }

    private boolean allLiveNodesOk() {
        for (String address : cluster.addresses()) {
            if (!cluster.isRunning(address)) {
                continue;
            }
            try (RespConnection c = RespConnection.open(ClusterProbe.port(address))) {
                if (!c.callText("CLUSTER", "INFO").contains("cluster_state:ok")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void awaitReplicated(int replicaPort, String key) throws InterruptedException {
        try (RespConnection c = RespConnection.open(replicaPort)) {
            c.call("READONLY");
            for (int i = 0; i < 200 && c.call("GET", key) == null; i++) {
                Thread.sleep(10);
            }
        }
    }

    private void startProxy(ClusterOptions.Builder options) throws InterruptedException {
        proxy = Proxy.start(ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(options.build()).build());
        assertThat(proxy.awaitSlotMap(Duration.ofSeconds(10))).isTrue();
    }
}
