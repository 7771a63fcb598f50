package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.testsupport.RedisClusterFixture;
import io.slotgate.routing.testsupport.RespConnection;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real Redis cluster plus a proxy in front of it, for integration tests; close it to stop both. */
final class ProxyUnderTest implements AutoCloseable {

    /**
     * Tests that do not time failures use a generous server-timeout, so a busy 2-core machine cannot turn a slow
     * reply into a spurious error.
     */
    static final Duration PATIENT_SERVER_TIMEOUT = Duration.ofSeconds(5);

    final RedisClusterFixture cluster;
    final Proxy proxy;

    private ProxyUnderTest(RedisClusterFixture cluster, Proxy proxy) {
        this.cluster = cluster;
        this.proxy = proxy;
    }

    /** 3 masters with one replica each, default proxy options. */
    static ProxyUnderTest start() {
        return start(1, c -> c, p -> p);
    }

    static ProxyUnderTest start(int replicasPerMaster, UnaryOperator<ClusterOptions.Builder> cluster,
                                UnaryOperator<ProxyOptions.Builder> proxy, String... serverArgs) {
        RedisClusterFixture fixture = RedisClusterFixture.start(3, replicasPerMaster, serverArgs);
        try {
            Proxy p = Proxy.start(proxy.apply(ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                    .cluster(cluster.apply(ClusterOptions.builder().servers(fixture.addresses().get(0))
                            .serverTimeout(PATIENT_SERVER_TIMEOUT)).build()))
                    .build());
            if (!p.awaitSlotMap(Duration.ofSeconds(10))) {
                p.close();
                throw new IllegalStateException("the proxy learned no slot map");
            }
            return new ProxyUnderTest(fixture, p);
        } catch (RuntimeException | InterruptedException e) {
            fixture.close();
            throw new IllegalStateException(e);
        }
    }

    RespConnection connect() {
        return RespConnection.open(proxy.port());
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } finally {
            cluster.close();
        }
    }
}
