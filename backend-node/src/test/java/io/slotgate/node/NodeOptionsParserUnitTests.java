package io.slotgate.node;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeOptionsParserUnitTests {

    @Test
    void shouldUseDefaultsWithoutFlags() {
        NodeOptions o = NodeOptionsParser.parse();
        assertThat(o.port()).isEqualTo(NodeOptions.DEFAULT_PORT);
        assertThat(o.clusterEnabled()).isTrue();
        assertThat(o.effectiveClusterPort()).isEqualTo(NodeOptions.DEFAULT_PORT + 10000);
        assertThat(o.requirepass()).isNull();
    }

    @Test
    void shouldReadRedisStyleFlags() {
        NodeOptions o = NodeOptionsParser.parse("--port", "7001", "--bind", "127.0.0.1", "--dir", "/tmp/n1",
                "--cluster-enabled", "no", "--cluster-config-file", "n1.conf", "--cluster-node-timeout", "5000",
                "--cluster-port", "17777", "--requirepass", "pw", "--client-output-buffer-limit", "1mb",
                "--cluster-announce-ip", "10.0.0.1");
        assertThat(o.port()).isEqualTo(7001);
        assertThat(o.dir()).isEqualTo(Path.of("/tmp/n1"));
        assertThat(o.clusterEnabled()).isFalse();
        assertThat(o.clusterConfigFile()).isEqualTo("n1.conf");
        assertThat(o.clusterNodeTimeout()).isEqualTo(5000);
        assertThat(o.effectiveClusterPort()).isEqualTo(17777);
        assertThat(o.requirepass()).isEqualTo("pw");
        assertThat(o.clientOutputBufferLimit()).isEqualTo(1024 * 1024);
        assertThat(o.extras()).containsEntry("cluster-announce-ip", "10.0.0.1");
    }

    @Test
    void shouldLetFlagsOverrideTheConfigFile() throws Exception {
        Path conf = Files.createTempFile("node", ".conf");
        try {
            Files.writeString(conf, "port = 7100\nmaxclients = 12\n\"cluster-enabled\" = no\n");
            NodeOptions o = NodeOptionsParser.parse("--conf", conf.toString(), "--port", "7200");
            assertThat(o.port()).isEqualTo(7200);
            assertThat(o.maxclients()).isEqualTo(12);
            assertThat(o.clusterEnabled()).isFalse();
        } finally {
            Files.deleteIfExists(conf);
        }
    }

    @Test
    void shouldRejectMalformedFlags() {
        assertThatThrownBy(() -> NodeOptionsParser.parse("port", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeOptionsParser.parse("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeOptionsParser.parse("--port", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
