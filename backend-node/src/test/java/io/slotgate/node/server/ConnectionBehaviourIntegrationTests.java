package io.slotgate.node.server;

import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection-level behaviour that has no redis-server twin to compare with, or needs several clients. */
class ConnectionBehaviourIntegrationTests {

    private static NodeHarness node;

    @BeforeAll
    static void start() {
        node = NodeHarness.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void shouldRefuseResp3AndAnswerHello2AsAFlatMap() {
        try (RawRespClient c = node.connect()) {
            assertThat(c.call("HELLO", "3")).isEqualTo("-NOPROTO sorry, this protocol version is not supported\r\n");
            String hello = c.call("HELLO", "2");
            assertThat(hello).startsWith("*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n")
                    .contains("$5\r\nproto\r\n:2\r\n").contains("$4\r\nmode\r\n$7\r\ncluster\r\n");
        }
    }

    @Test
    void shouldAnswerAProtocolErrorAndCloseButStayUp() {
        try (RawRespClient c = node.connect()) {
            c.sendRaw("*1\r\n$abc\r\n");
            assertThat(c.read()).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
            assertThat(c.isClosedByServer()).isTrue();
        }
        try (RawRespClient c = node.connect()) {
            assertThat(c.call("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void shouldAcceptInlineCommands() {
        try (RawRespClient c = node.connect()) {
            c.sendRaw("SET inline-key \"two words\"\r\n");
            assertThat(c.read()).isEqualTo("+OK\r\n");
            assertThat(c.call("GET", "inline-key")).isEqualTo("$9\r\ntwo words\r\n");
        }
    }

    @Test
    void shouldCloseAfterQuitReply() {
        try (RawRespClient c = node.connect()) {
            assertThat(c.call("QUIT")).isEqualTo("+OK\r\n");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldKeepPipelinedRepliesInOrderAcrossPartitions() {
        try (RawRespClient c = node.connect()) {
            int n = 2000;
            for (int i = 0; i < n; i++) {
                c.send("SET", "pipe:" + i, "v" + i);
                c.send("GET", "pipe:" + i);
                if (i % 100 == 0) {
                    c.send("DBSIZE");
                }
            }
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String set = c.read();
                String get = c.read();
                if (!set.equals("+OK\r\n") || !get.equals("$" + ("v" + i).length() + "\r\nv" + i + "\r\n")) {
                    errors.add(i + ": " + set + " " + get);
                }
                if (i % 100 == 0) {
                    assertThat(c.read()).startsWith(":");
                }
            }
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void shouldReplyRedisErrorsForBadInputAndStayUsable() {
        try (RawRespClient c = node.connect()) {
            assertThat(c.call("GET")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
            assertThat(c.call("FOO", "bar")).isEqualTo(
                    "-ERR unknown command 'FOO', with args beginning with: 'bar' \r\n");
            assertThat(c.call("INCRBY", "x", "notanumber")).isEqualTo(
                    "-ERR value is not an integer or out of range\r\n");
            assertThat(c.call("CONFIG", "GET")).isEqualTo(
                    "-ERR wrong number of arguments for 'config|get' command\r\n");
            assertThat(c.call("PING")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void shouldListNameAndKillClients() {
        try (RawRespClient a = node.connect(); RawRespClient b = node.connect()) {
            assertThat(a.call("CLIENT", "SETNAME", "alpha")).isEqualTo("+OK\r\n");
            String id = a.call("CLIENT", "ID").substring(1).trim();
            assertThat(b.call("CLIENT", "LIST")).contains("name=alpha").contains("id=" + id + " ");
            assertThat(b.call("CLIENT", "KILL", "ID", id)).isEqualTo(":1\r\n");
            assertThat(a.isClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldReportInfoSectionsWithRedisFieldNames() {
        try (RawRespClient c = node.connect()) {
            c.call("SET", "info-key", "v");
            c.call("GET", "info-key");
            String info = c.call("INFO", "everything");
            assertThat(info).contains("# Server\r\nredis_version:7.0.15\r\n").contains("# Clients\r\n")
                    .contains("connected_clients:").contains("# Memory\r\nused_memory:")
                    .contains("# Stats\r\n").contains("keyspace_hits:").contains("# Replication\r\nrole:master")
                    .contains("# Cluster\r\ncluster_enabled:1\r\n").contains("# Keyspace\r\ndb0:keys=")
                    .contains("cmdstat_get:calls=");
            assertThat(c.call("INFO", "keyspace")).doesNotContain("# Server");
        }
    }

    @Test
    void shouldExpireKeysActivelyWithoutAccess() throws InterruptedException {
        try (RawRespClient c = node.connect()) {
            for (int i = 0; i < 50; i++) {
                c.call("SET", "{exp}" + i, "v", "PX", "30");
            }
            c.call("SET", "{exp}keep", "v");
            long deadline = System.currentTimeMillis() + 5000;
            String count = "";
            while (System.currentTimeMillis() < deadline) {
                count = c.call("CLUSTER", "COUNTKEYSINSLOT", c.call("CLUSTER", "KEYSLOT", "{exp}").substring(1).trim());
                if (count.equals(":1\r\n")) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(count).isEqualTo(":1\r\n");
        }
    }
}
