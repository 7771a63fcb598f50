package io.slotgate.proxy.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyOptionsUnitTests {

    @Test
    void shouldUseTheDocumentedDefaultsForAnEmptyFile() {
        ProxyOptions o = ProxyOptions.parse("");
        assertThat(o).isEqualTo(ProxyOptions.DEFAULT);
        assertThat(o.name()).isEqualTo("slotgate");
        assertThat(o.bind()).isEqualTo(new HostPort("0.0.0.0", 7617));
        assertThat(o.workerThreads()).isZero();
        assertThat(o.clientTimeout()).isEqualTo(Duration.ZERO);
        assertThat(o.maxClients()).isEqualTo(10_000);
        ClusterOptions c = o.cluster();
        assertThat(c.servers()).containsExactly(new HostPort("127.0.0.1", 7000));
        assertThat(c.master()).isEqualTo(new ReadPreference(60, 1));
        assertThat(c.replica()).isEqualTo(new ReadPreference(50, 1));
        assertThat(c.refreshInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.serverTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.serverFailureLimit()).isEqualTo(10);
        assertThat(c.serverRetryTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.keepalive()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void shouldReadEveryKey() {
        ProxyOptions o = ProxyOptions.parse("""
                proxy {
                  name = "edge", bind = "127.0.0.1:7700", worker-threads = 1, client-timeout = 30s,
                  max-clients = 50, password = "secret"
                  cluster {
                    servers = ["10.0.0.1:7000", "node-b:7001"], password = "p"
                    read-priority { master = 0, replica = 80 }
                    read-weight { master = 2, replica = 3 }
                    server-overrides { "10.0.0.2:7004" { read-weight = 9 } }
                    refresh-interval = 500ms, server-timeout = 2s, server-failure-limit = 3,
                    server-retry-timeout = 5s, keepalive = 0s
                  }
                }
                """);
        assertThat(o.name()).isEqualTo("edge");
        assertThat(o.bind()).isEqualTo(new HostPort("127.0.0.1", 7700));
        assertThat(o.workerThreads()).isEqualTo(1);
        assertThat(o.clientTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.maxClients()).isEqualTo(50);
        assertThat(o.password()).isEqualTo("secret");
        ClusterOptions c = o.cluster();
        assertThat(c.servers()).isEqualTo(List.of(new HostPort("10.0.0.1", 7000), new HostPort("node-b", 7001)));
        assertThat(c.password()).isEqualTo("p");
        assertThat(c.master()).isEqualTo(new ReadPreference(0, 2));
        assertThat(c.replica()).isEqualTo(new ReadPreference(80, 3));
        assertThat(c.readPreference("10.0.0.2:7004", false)).isEqualTo(new ReadPreference(80, 9));
        assertThat(c.readPreference("10.0.0.3:7005", false)).isEqualTo(new ReadPreference(80, 3));
        assertThat(c.refreshInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.serverTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.serverFailureLimit()).isEqualTo(3);
        assertThat(c.serverRetryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.keepalive()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldNameTheUnknownKey() {
        assertThatThrownBy(() -> ProxyOptions.parse("proxy { cluster { refresh-intervall = 1s } }"))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessageContaining("proxy.cluster.refresh-intervall");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy { port = 1 }"))
                .hasMessageContaining("proxy.port");
        assertThatThrownBy(() -> ProxyOptions.parse("proxi { }")).hasMessageContaining("proxi");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy.cluster.read-priority.slave = 1"))
                .hasMessageContaining("proxy.cluster.read-priority.slave");
    }

    @Test
    void shouldNameTheKeyWithABadValue() {
        assertThatThrownBy(() -> ProxyOptions.parse("proxy.cluster.server-timeout = soon"))
                .isInstanceOf(ProxyConfigException.class).hasMessageContaining("proxy.cluster.server-timeout");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy.worker-threads = -1"))
                .hasMessageContaining("proxy.worker-threads");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy.max-clients = lots"))
                .hasMessageContaining("proxy.max-clients");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy.bind = \"nohost\""))
                .hasMessageContaining("proxy.bind");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy.cluster.servers = []"))
                .hasMessageContaining("proxy.cluster.servers");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy.cluster.refresh-interval = 0s"))
                .hasMessageContaining("proxy.cluster.refresh-interval");
        assertThatThrownBy(() -> ProxyOptions.parse("proxy { cluster { "))
                .isInstanceOf(ProxyConfigException.class);
    }

    @Test
    void shouldLoadTheShippedExampleFileAsTheDefaults(@TempDir Path dir) throws Exception {
        Path shipped = Path.of("..", "conf", "proxy.conf");
        assertThat(ProxyOptions.load(shipped)).isEqualTo(ProxyOptions.DEFAULT);
        Path custom = dir.resolve("p.conf");
        Files.writeString(custom, "proxy.name = \"x\"\n");
        assertThat(ProxyOptions.load(custom).name()).isEqualTo("x");
        assertThatThrownBy(() -> ProxyOptions.load(dir.resolve("missing.conf")))
                .hasMessageContaining("missing.conf");
    }

    @Test
    void shouldBuildOptionsInCode() {
        ProxyOptions o = ProxyOptions.builder().bind("127.0.0.1:0").workerThreads(2)
                .cluster(ClusterOptions.builder().servers("127.0.0.1:7001", "127.0.0.1:7002")
                        .override("127.0.0.1:7002", new ServerOverride(ServerOverride.INHERIT, 3)).build())
                .build();
        assertThat(o.effectiveWorkerThreads()).isEqualTo(2);
        assertThat(o.cluster().readPreference("127.0.0.1:7002", true)).isEqualTo(new ReadPreference(60, 3));
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }
}
