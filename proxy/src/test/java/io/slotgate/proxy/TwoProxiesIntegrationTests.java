package io.slotgate.proxy;

import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind LVS or any load balancer, several proxies share one VIP: they are stateless peers, so whatever one
 * writes the other reads, and each answers the health check (TCP connect + PING).
 */
abstract class TwoProxiesIntegrationTests {

    /** The servers behind the proxies; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    @Test
    void shouldServeTheSameDataFromEitherProxy() {
        try (ClusterBackend cluster = backend().start(3, 0);
             Proxy first = start(cluster);
             Proxy second = start(cluster);
             RespConnection a = RespConnection.open(first.port());
             RespConnection b = RespConnection.open(second.port())) {
            assertThat(a.callText("PING")).isEqualTo("PONG");
            assertThat(b.callText("PING")).isEqualTo("PONG");
            for (int i = 0; i < 500; i++) {
                RespConnection writer = i % 2 == 0 ? a : b;
                assertThat(writer.callText("SET", "shared:" + i, "v" + i)).isEqualTo("OK");
            }
            for (int i = 0; i < 500; i++) {
                RespConnection reader = i % 2 == 0 ? b : a;
                assertThat(reader.callText("GET", "shared:" + i)).isEqualTo("v" + i);
            }
            assertThat(a.call("DBSIZE")).isEqualTo(b.call("DBSIZE")).isEqualTo(500L);
        }
    }

    private static Proxy start(ClusterBackend cluster) {
        return ProxyUnderTest.startProxy(cluster, c -> c, p -> p);
    }
}
