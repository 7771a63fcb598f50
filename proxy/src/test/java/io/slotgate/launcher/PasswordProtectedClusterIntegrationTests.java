package io.slotgate.launcher;

import io.slotgate.routing.testsupport.RedisCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seeds' deployment: six {@code bin/slotgate node} processes with {@code requirepass} and {@code masterauth},
 * built by {@code redis-cli -a ... --cluster create --cluster-replicas 1}; replicas authenticate to their masters.
 */
class PasswordProtectedClusterIntegrationTests {

    private static final String PASSWORD = "s3cret";
    private static NodeProcesses nodes;

    @BeforeAll
    static void createCluster() throws Exception {
        nodes = NodeProcesses.start(6, "--cluster-node-timeout", "5000", "--requirepass", PASSWORD,
                "--masterauth", PASSWORD);
        List<String> args = new ArrayList<>(List.of("--no-auth-warning", "-a", PASSWORD, "--cluster", "create"));
        args.addAll(nodes.addresses());
        args.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        RedisCli.Result create = RedisCli.run(120, args.toArray(String[]::new));
        assertThat(create.exitCode()).as(create.output()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (int i = 0; i < nodes.count(); i++) {
                assertThat(cli(i, "CLUSTER", "INFO")).contains("cluster_state:ok");
            }
        });
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void shouldPassRedisClisClusterCheckWithThePassword() {
        RedisCli.Result check = RedisCli.run(60, "--no-auth-warning", "-a", PASSWORD, "--cluster", "check",
                nodes.address(0));

        assertThat(check.output())
                .contains("[OK] All nodes agree about slots configuration.")
                .contains("[OK] All 16384 slots covered.")
                .contains("1 additional replica(s)")
                .doesNotContain("[ERR]");
        assertThat(check.exitCode()).isZero();
    }

    @Test
    void shouldConnectEveryReplicaToItsMasterWithMasterauth() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            int replicas = 0;
            for (int i = 0; i < nodes.count(); i++) {
                String info = cli(i, "INFO", "replication");
                if (info.contains("role:slave")) {
                    replicas++;
                    assertThat(info).as("node %s", nodes.address(i)).contains("master_link_status:up");
                }
            }
            assertThat(replicas).isEqualTo(3);
        });
    }

    @Test
    void shouldRefuseCommandsWithoutThePassword() {
        RedisCli.Result r = RedisCli.run(20, "-p", String.valueOf(nodes.port(0)), "GET", "k");

        assertThat(r.output()).contains("NOAUTH Authentication required.");
    }

    @Test
    void shouldReplicateAWriteMadeWithThePassword() {
        RedisCli.Result set = RedisCli.run(20, "--no-auth-warning", "-a", PASSWORD, "-c", "-p",
                String.valueOf(nodes.port(0)), "SET", "protected-key", "v1");
        assertThat(set.output()).contains("OK");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            int copies = 0;
            for (int i = 0; i < nodes.count(); i++) {
                if (cli(i, "DBSIZE").trim().equals("1")) {
                    copies++;
                }
            }
            assertThat(copies).as("master and replica holding the key").isEqualTo(2);
        });
    }

    private static String cli(int node, String... command) {
        List<String> args = new ArrayList<>(List.of("--no-auth-warning", "-a", PASSWORD, "-p",
                String.valueOf(nodes.port(node))));
        args.addAll(List.of(command));
        return RedisCli.run(20, args.toArray(String[]::new)).output();
    }
}
