package io.slotgate.proxy;

import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Blocking commands wait on connections of their own, longer than server-timeout, without stalling others. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlockingCommandsIntegrationTests {

    /** The servers behind the proxy; one subclass per {@link BackendKind}. */
    abstract BackendKind backend();

    private ClusterBackend cluster;
    private Proxy proxy;

    @BeforeAll
    void start() {
        cluster = backend().start(3, 0);
        proxy = ProxyUnderTest.startProxy(cluster, c -> c.serverTimeout(Duration.ofMillis(500)), p -> p);
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldDeliverAPushToAWaitingBlpopWhileOtherClientsCarryOn() {
        try (RespConnection waiter = RespConnection.open(proxy.port());
             RespConnection pusher = RespConnection.open(proxy.port())) {
            waiter.send("BLPOP", "queue:a", "5");
            waiter.send("ECHO", "after");
            waiter.flush();
            for (int i = 0; i < 100; i++) {
                assertThat(pusher.call("SET", "other:" + i, "v")).isEqualTo("OK");
            }
            assertThat(pusher.call("RPUSH", "queue:a", "job-1")).isEqualTo(1L);
            List<?> popped = (List<?>) waiter.read();
            assertThat(popped).extracting(RespConnection::text).containsExactly("queue:a", "job-1");
            assertThat(RespConnection.text(waiter.read())).isEqualTo("after");
        }
    }

    @Test
    void shouldLetABlockingCommandWaitLongerThanServerTimeout() {
        try (RespConnection c = RespConnection.open(proxy.port())) {
            long start = System.nanoTime();
            assertThat(c.call("BLPOP", "queue:empty", "1.2")).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void shouldLetXreadBlockLongerThanServerTimeout() {
        assumeTrue(backend() == BackendKind.REDIS, "our backend node has no streams (XADD, XREAD)");
        try (RespConnection c = RespConnection.open(proxy.port())) {
            assertThat(c.call("XREAD", "BLOCK", "700", "STREAMS", "stream:empty", "$")).isNull();
            assertThat(c.call("XADD", "stream:s", "*", "f", "v")).isNotNull();
            assertThat((List<?>) c.call("XREAD", "STREAMS", "stream:s", "0")).hasSize(1);
        }
    }

    @Test
    void shouldReleaseTheWaitWhenTheClientLeavesSoNoElementIsLost() {
        String owner = ClusterProbe.shardOf(cluster.port(0), "queue:abandoned").get(0);
        try (RespConnection waiter = RespConnection.open(proxy.port())) {
            waiter.send("BLPOP", "queue:abandoned", "0");
            waiter.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> blockedClients(owner) == 1);
        }
        // Only Redis drops a departed client's wait at once; our node keeps counting it in blocked_clients until
        // a write to its key (then discards it unserved), so against our node only the "no element lost" part holds.
        if (backend() == BackendKind.REDIS) {
            await().atMost(Duration.ofSeconds(5)).until(() -> blockedClients(owner) == 0);
        }
        try (RespConnection c = RespConnection.open(proxy.port())) {
            assertThat(c.call("RPUSH", "queue:abandoned", "kept")).isEqualTo(1L);
            assertThat(c.call("LLEN", "queue:abandoned")).isEqualTo(1L);
        }
    }

    private static long blockedClients(String address) {
        try (RespConnection c = RespConnection.open(ClusterProbe.port(address))) {
            String info = RespConnection.text(c.call("INFO", "clients"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("blocked_clients:(\\d+)").matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }
}
