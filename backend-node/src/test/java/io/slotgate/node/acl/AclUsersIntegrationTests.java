package io.slotgate.node.acl;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.slotgate.node.testsupport.NodeHarness;
import io.slotgate.node.testsupport.RawRespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** ACL users seen by real clients: Lettuce logging in as a user, MIGRATE AUTH2 and replication as a user. */
class AclUsersIntegrationTests {

    private static RedisClient lettuce;

    @BeforeAll
    static void createClient() {
        lettuce = RedisClient.create();
    }

    @AfterAll
    static void shutdownClient() {
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void shouldLetLettuceLogInAsAnAclUserAndEnforceItsRules() {
        try (NodeHarness node = NodeHarness.start("--requirepass", "adminpw");
             RawRespClient admin = node.connect()) {
            admin.call("AUTH", "adminpw");
            assertThat(admin.call("ACL", "SETUSER", "app", "on", ">apppw", "~app:*", "+@all", "-@dangerous"))
                    .isEqualTo("+OK\r\n");

            RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(node.port())
                    .withAuthentication("app", "apppw").build();
            try (StatefulRedisConnection<String, String> conn = lettuce.connect(uri)) {
                RedisCommands<String, String> app = conn.sync();
                assertThat(app.aclWhoami()).isEqualTo("app");
                assertThat(app.set("app:1", "v")).isEqualTo("OK");
                assertThat(app.get("app:1")).isEqualTo("v");
                assertThatThrownBy(() -> app.set("other", "v")).isInstanceOf(RedisCommandExecutionException.class)
                        .hasMessage("NOPERM this user has no permissions to access one of the keys used as "
                                + "arguments");
                assertThatThrownBy(app::flushall).isInstanceOf(RedisCommandExecutionException.class)
                        .hasMessage("NOPERM this user has no permissions to run the 'flushall' command");
            }
        }
    }

    @Test
    void shouldDisconnectTheClientsOfADeletedUserAndSeeRuleChangesAtOnce() {
        try (NodeHarness node = NodeHarness.start(); RawRespClient admin = node.connect();
             RawRespClient user = node.connect()) {
            admin.call("ACL", "SETUSER", "temp", "on", ">pw", "~*", "+@all");
            assertThat(user.call("AUTH", "temp", "pw")).isEqualTo("+OK\r\n");
            assertThat(user.call("SET", "k", "v")).isEqualTo("+OK\r\n");

            admin.call("ACL", "SETUSER", "temp", "-set");
            assertThat(user.call("SET", "k", "v"))
                    .isEqualTo("-NOPERM this user has no permissions to run the 'set' command\r\n");

            assertThat(admin.call("ACL", "DELUSER", "temp")).isEqualTo(":1\r\n");
            await().atMost(Duration.ofSeconds(10)).until(user::isClosedByServer);
        }
    }

    @Test
    void shouldLogRefusalsGroupingRepeatsNewestFirst() {
        try (NodeHarness node = NodeHarness.start(); RawRespClient admin = node.connect();
             RawRespClient user = node.connect()) {
            admin.call("ACL", "SETUSER", "logged", "on", ">pw", "~a*", "-@all", "+get", "+multi", "+discard");
            user.call("AUTH", "logged", "pw");
            user.call("GET", "b1");
            user.call("GET", "b1");
            user.call("MULTI");
            user.call("SET", "a1", "v");
            user.call("DISCARD");
            user.call("AUTH", "nosuch", "pw");

            String log = admin.call("ACL", "LOG");
            assertThat(log).startsWith("*3\r\n");
            assertThat(log.indexOf("$4\r\nauth\r\n")).as("auth failure first").isLessThan(log.indexOf("$3\r\nset"));
            assertThat(log).contains("$6\r\nreason\r\n$7\r\ncommand\r\n$7\r\ncontext\r\n$5\r\nmulti\r\n"
                    + "$6\r\nobject\r\n$3\r\nset\r\n$8\r\nusername\r\n$6\r\nlogged\r\n");
            assertThat(log).contains("$5\r\ncount\r\n:2\r\n$6\r\nreason\r\n$3\r\nkey\r\n$7\r\ncontext\r\n"
                    + "$8\r\ntoplevel\r\n$6\r\nobject\r\n$2\r\nb1\r\n");
            assertThat(log).contains("user=logged");
            assertThat(admin.call("ACL", "LOG", "1")).startsWith("*1\r\n");
            assertThat(admin.call("ACL", "LOG", "RESET")).isEqualTo("+OK\r\n");
            assertThat(admin.call("ACL", "LOG")).isEqualTo("*0\r\n");
        }
    }

    @Test
    void shouldLogInWithHelloAuth() {
        try (NodeHarness node = NodeHarness.start("--requirepass", "adminpw"); RawRespClient admin = node.connect();
             RawRespClient client = node.connect()) {
            admin.call("AUTH", "adminpw");
            admin.call("ACL", "SETUSER", "app", "on", ">apppw", "~*", "+@all");

            assertThat(client.call("HELLO", "2", "AUTH", "app", "apppw")).startsWith("*14\r\n$6\r\nserver\r\n");
            assertThat(client.call("ACL", "WHOAMI")).isEqualTo("$3\r\napp\r\n");
            assertThat(client.call("CLIENT", "LIST")).contains("user=app");
        }
    }

    @Test
    void shouldRefuseLettuceWithAWrongPassword() {
        try (NodeHarness node = NodeHarness.start("--requirepass", "adminpw")) {
            RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(node.port())
                    .withAuthentication("default", "wrong").withTimeout(Duration.ofSeconds(5)).build();

            assertThatThrownBy(() -> lettuce.connect(uri).close()).isInstanceOf(RedisConnectionException.class)
                    .hasStackTraceContaining("WRONGPASS invalid username-password pair or user is disabled.");
        }
    }

    @Test
    void shouldMigrateToANodeThatOnlyAnAclUserMayWriteTo() {
        try (NodeHarness source = NodeHarness.start(); NodeHarness target = NodeHarness.start("--requirepass", "x");
             RawRespClient s = source.connect(); RawRespClient t = target.connect()) {
            t.call("AUTH", "x");
            t.call("ACL", "SETUSER", "mover", "on", ">moverpw", "~*", "+@all");
            s.call("SET", "k", "v");
            String port = String.valueOf(target.port());

            assertThat(s.call("MIGRATE", "127.0.0.1", port, "k", "0", "5000", "COPY", "AUTH2", "mover", "bad"))
                    .startsWith("-ERR Target instance replied with error: WRONGPASS");
            assertThat(s.call("MIGRATE", "127.0.0.1", port, "k", "0", "5000", "AUTH2", "mover", "moverpw"))
                    .isEqualTo("+OK\r\n");
            assertThat(t.call("GET", "k")).isEqualTo("$1\r\nv\r\n");
        }
    }

    @Test
    void shouldReplicateWithMasteruserAndMasterauth() {
        try (NodeHarness master = NodeHarness.start("--cluster-enabled", "no", "--requirepass", "adminpw");
             NodeHarness replica = NodeHarness.start("--cluster-enabled", "no", "--masteruser", "repl",
                     "--masterauth", "replpw");
             RawRespClient m = master.connect(); RawRespClient r = replica.connect()) {
            m.call("AUTH", "adminpw");
            m.call("ACL", "SETUSER", "repl", "on", ">replpw", "-@all", "+psync", "+replconf", "+ping");
            m.call("SET", "k", "before");

            assertThat(r.call("REPLICAOF", "127.0.0.1", String.valueOf(master.port()))).isEqualTo("+OK\r\n");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(r.call("INFO", "replication")).contains("master_link_status:up"));
            m.call("SET", "k", "after");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(r.call("GET", "k")).isEqualTo("$5\r\nafter\r\n"));
        }
    }
}
