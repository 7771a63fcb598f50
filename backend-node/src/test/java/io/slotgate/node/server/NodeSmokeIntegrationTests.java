package io.slotgate.node.server;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeSmokeIntegrationTests {

    @Test
    void shouldAnswerBasicCommands() {
        try (NodeHarness node = NodeHarness.start(); RawRespClient c = node.connect()) {
            assertThat(c.call("PING")).isEqualTo("+PONG\r\n");
            assertThat(c.call("SET", "foo", "bar")).isEqualTo("+OK\r\n");
            assertThat(c.call("GET", "foo")).isEqualTo("$3\r\nbar\r\n");
            assertThat(c.call("SET", "bar", "x")).isEqualTo("+OK\r\n");
            assertThat(c.call("DBSIZE")).isEqualTo(":2\r\n");
            assertThat(c.call("MGET", "foo", "bar")).isEqualTo("-CROSSSLOT Keys in request don't hash to the same slot\r\n");
            assertThat(c.call("NOPE", "a")).isEqualTo("-ERR unknown command 'NOPE', with args beginning with: 'a' \r\n");
        }
    }
}
