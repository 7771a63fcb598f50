package io.slotgate.proxy;

import io.slotgate.proxy.config.ClusterOptions;
import io.slotgate.proxy.config.ProxyOptions;
import io.slotgate.routing.testsupport.RedisClusterFixture;
import io.slotgate.routing.testsupport.RespConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A master demoted by CLUSTER FAILOVER while the proxy's map still calls it master: a read the proxy sends it must
 * come back as MOVED (and be followed), not be served from the demoted node's copy, which lags behind the new master.
 * Against real Redis, whose replicas serve reads only on READONLY connections (cluster-protocol.md §2.3).
 */
class DemotedMasterIntegrationTests {

    private RedisClusterFixture cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldFollowMovedFromADemotedMasterInsteadOfReadingItsCopy() throws Exception {
        cluster = RedisClusterFixture.start(3, 1);
        String key = "demoted:key";
        List<String> shard = ClusterProbe.shardOf(cluster.ports().get(0), key);
        String master = shard.get(0);
        String replica = shard.get(1);
        // A proxy that would not refresh on its own for an hour: its map stays the one from before the failover.
        ProxyOptions options = ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(1)
                .cluster(ClusterOptions.builder().servers(cluster.addresses().get(0))
                        .refreshInterval(Duration.ofHours(1)).build()).build();
        try (Proxy proxy = Proxy.start(options); RespConnection c = RespConnection.open(proxy.port())) {
            assertThat(proxy.awaitSlotMap(Duration.ofSeconds(10))).isTrue();
            assertThat(c.call("SET", key, "before")).isEqualTo("OK");

            try (RespConnection r = RespConnection.open(ClusterProbe.port(replica))) {
                assertThat(r.call("CLUSTER", "FAILOVER")).isEqualTo("OK");
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(role(replica)).isEqualTo("master");
                assertThat(role(master)).isEqualTo("slave");
            });

            assertThat(RespConnection.text(c.call("GET", key))).isEqualTo("before");
            assertThat(stat(c, "moved_followed")).as("the demoted master answered MOVED").isEqualTo(1);
        }
    }

    private static String role(String address) {
        try (RespConnection c = RespConnection.open(ClusterProbe.port(address))) {
            return RespConnection.text(((List<?>) c.call("ROLE")).get(0));
        }
    }

    private static long stat(RespConnection c, String field) {
        Matcher m = Pattern.compile(field + ":(\\d+)").matcher(RespConnection.text(c.call("INFO", "stats")));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
