package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.testsupport.RespConnection;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** A cluster (real Redis or our nodes, see {@link BackendKind}) plus a proxy in front of it; close it to stop both. */
final class ProxyUnderTest implements AutoCloseable {

    /**
     * Tests that do not time failures use a generous server-timeout, so a busy 2-core machine cannot turn a slow
     * reply into a spurious error.
     */
    static final Duration PATIENT_SERVER_TIMEOUT = Duration.ofSeconds(5);

    final ClusterBackend cluster;
    final Proxy proxy;

    private ProxyUnderTest(ClusterBackend cluster, Proxy proxy) {
        this.cluster = cluster;
        this.proxy = proxy;
    }

    /** 3 masters with one replica each, default proxy options. */
    static ProxyUnderTest start(BackendKind kind) {
        return start(kind, 1, c -> c, p -> p);
    }

    /** 3 masters with {@code replicasPerMaster} replicas each. */
    static ProxyUnderTest start(BackendKind kind, int replicasPerMaster, UnaryOperator<ClusterOptions.Builder> cluster,
                                UnaryOperator<ProxyOptions.Builder> proxy) {
        ClusterBackend backend = kind.start(3, replicasPerMaster);
        try {
            return new ProxyUnderTest(backend, startProxy(backend, cluster, proxy));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * A proxy (one worker thread, patient server-timeout, bound to a free port) in front of {@code backend}, returned
     * once it has learned the slot map; the caller closes it.
     */
    static Proxy startProxy(ClusterBackend backend, UnaryOperator<ClusterOptions.Builder> cluster,
                            UnaryOperator<ProxyOptions.Builder> proxy) {
        Proxy p = Proxy.start(proxy.apply(ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(cluster.apply(ClusterOptions.builder().servers(backend.addresses().get(0))
                        .serverTimeout(PATIENT_SERVER_TIMEOUT)).build()))
                .build());
        try {
            if (!p.awaitSlotMap(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the proxy learned no slot map");
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            p.close();
            throw e;
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
