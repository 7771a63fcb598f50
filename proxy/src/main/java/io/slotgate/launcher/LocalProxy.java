package io.slotgate.launcher;

import io.slotgate.proxy.Proxy;
import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;

import java.time.Duration;
import java.util.List;

/** The proxy of a local cluster, in the launcher's JVM, seeded with every node of the cluster. */
final class LocalProxy implements AutoCloseable {

    private final Proxy proxy;

    private LocalProxy(Proxy proxy) {
        this.proxy = proxy;
    }

    static LocalProxy start(List<Integer> nodePorts, int proxyPort) throws InterruptedException {
        ClusterOptions cluster = ClusterOptions.builder()
                .servers(nodePorts.stream().map(p -> "127.0.0.1:" + p).toArray(String[]::new)).build();
        ProxyOptions options = ProxyOptions.builder().bind("127.0.0.1:" + proxyPort).cluster(cluster).build();
        Proxy proxy = Proxy.start(options);
        if (!proxy.awaitSlotMap(Duration.ofSeconds(30))) {
            proxy.close();
            throw new IllegalStateException("the proxy found no slot map within 30 s");
        }
        return new LocalProxy(proxy);
    }

    @Override
    public void close() {
        proxy.close();
    }
}
