package io.slotgate.node.server;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** requirepass, maxclients, client-output-buffer-limit and cluster-disabled mode. */
class AuthAndLimitsIntegrationTests {

    @Test
    void shouldRequireAuthWhenRequirepassIsSet() {
        try (NodeHarness node = NodeHarness.start("--requirepass", "s3cret"); RawRespClient c = node.connect()) {
            assertThat(c.call("GET", "a")).isEqualTo("-NOAUTH Authentication required.\r\n");
            assertThat(c.call("AUTH", "wrong")).isEqualTo(
                    "-WRONGPASS invalid username-password pair or user is disabled.\r\n");
            assertThat(c.call("AUTH", "s3cret")).isEqualTo("+OK\r\n");
            assertThat(c.call("GET", "a")).isEqualTo("$-1\r\n");
        }
    }

    @Test
    void shouldRefuseClientsBeyondMaxclients() {
        try (NodeHarness node = NodeHarness.start("--maxclients", "1"); RawRespClient first = node.connect()) {
            assertThat(first.call("PING")).isEqualTo("+PONG\r\n"); // registered before the second arrives
            try (RawRespClient second = node.connect()) {
                assertThat(second.read()).isEqualTo("-ERR max number of clients reached\r\n");
            }
        }
    }

    @Test
    void shouldDisconnectAClientThatNeverReadsItsReplies() throws IOException {
        try (NodeHarness node = NodeHarness.start("--client-output-buffer-limit", "1mb");
             RawRespClient c = node.connect()) {
            c.call("SET", "big", "x".repeat(100_000));
            try (Socket slow = new Socket()) {
                slow.setReceiveBufferSize(4096);
                slow.connect(new InetSocketAddress("127.0.0.1", node.port()));
                OutputStream out = slow.getOutputStream();
                byte[] get = "*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 2000; i++) {
                        out.write(get);
                    }
                    out.flush();
                } catch (IOException closedWhileWriting) {
                    // the node already dropped us: that is the point
                }
                await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                        c.call("INFO", "stats").contains("client_output_buffer_limit_disconnections:1"));
            }
            assertThat(c.call("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void shouldRefuseClusterCommandsWhenClusterModeIsOff() {
        try (NodeHarness node = NodeHarness.start("--cluster-enabled", "no"); RawRespClient c = node.connect()) {
            assertThat(c.call("READONLY")).isEqualTo("-ERR This instance has cluster support disabled\r\n");
            assertThat(c.call("CLUSTER", "INFO")).isEqualTo("-ERR This instance has cluster support disabled\r\n");
            assertThat(c.call("SELECT", "1")).isEqualTo("-ERR DB index is out of range\r\n");
            assertThat(c.call("INFO", "cluster")).contains("cluster_enabled:0");
        }
    }

    @Test
    void shouldRunMultiKeyCommandsAcrossSlotsWithOnePartitionWhenClusterModeIsOff() {
        try (NodeHarness node = NodeHarness.start("--cluster-enabled", "no", "--io-threads", "1");
             RawRespClient c = node.connect()) {
            assertThat(c.call("MSET", "a", "1", "b", "2", "c", "3")).isEqualTo("+OK\r\n");
            assertThat(c.call("MGET", "a", "b", "c")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
            assertThat(c.call("RENAME", "a", "z")).isEqualTo("+OK\r\n");
        }
    }
}
