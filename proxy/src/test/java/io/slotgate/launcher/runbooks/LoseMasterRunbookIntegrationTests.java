package io.slotgate.launcher.runbooks;

import io.slotgate.routing.slot.SlotHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README runbook "Lose a master": the first master's process is killed (SIGKILL) while a client works through the
 * proxy. The proxy marks it failed, its replica is elected after the node timeout and the proxy's INFO shows it as
 * the master of the slots; the client's errors stop once the proxy has the new map and no answer is ever wrong.
 * Restarted with the same flags, the old master comes back as a replica.
 */
class LoseMasterRunbookIntegrationTests {

    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);
    /** After the proxy lists the new master, in-flight requests of the old map may still fail for a moment. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private RunbookCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldShowTheFailedMasterThenItsReplicaAsMasterAndServeTheClientAgain() throws Exception {
        cluster = RunbookCluster.start(0, NODE_TIMEOUT);
        try (CheckingClient client = CheckingClient.start(cluster.proxyPort())) {
            client.awaitMoreRounds(5, RunbookCluster.PATIENCE);
            long killedAt = System.nanoTime();
            cluster.stopNode(0);

            ProxyInfo failed = cluster.awaitProxyInfo(info -> assertThat(info.server(cluster.address(0)))
                    .satisfiesAnyOf(s -> assertThat(s).isNull(), s -> assertThat(s.failed()).isTrue()));
            cluster.show("while 7000 is down", failed, "slot_map_masters", "slot_map_assigned_slots");

            ProxyInfo promoted = cluster.awaitProxyInfo(info -> {
                assertThat(info.server(cluster.address(3)).role()).isEqualTo("master");
                assertThat(info.server(cluster.address(3)).slots()).isEqualTo(5461);
            });
            long promotedAt = System.nanoTime();
            System.out.println("the proxy showed 7003 as master " + (promotedAt - killedAt) / 1_000_000
                    + " ms after the kill (node timeout " + NODE_TIMEOUT.toMillis() + " ms)");
            cluster.show("after the replica took over", promoted, "slot_map_masters", "slot_map_assigned_slots");
            cluster.awaitClusterOk(1, 2, 3, 4, 5);

            client.awaitMoreRounds(20, RunbookCluster.PATIENCE);
            client.stopAndVerifyEveryKey();
            List<CheckingClient.Problem> errors = client.errors();
            System.out.println("client errors while 7000 was down: " + errors.size() + ", e.g. "
                    + errors.stream().map(CheckingClient.Problem::text).distinct().limit(3).toList());
            assertThat(errors).as("errors later than %s after the proxy listed the new master", SETTLE)
                    .noneMatch(p -> p.atNanos() > promotedAt + SETTLE.toNanos());
            assertThat(client.wrongAnswers()).isEmpty();
            assertThat(errors).as("single-key errors only for keys of the lost master's slots (0-5460)")
                    .allSatisfy(p -> assertThat(lostMastersKey(p.text())).isTrue());
        }

        // The old master, started again with the same flags, rejoins as a replica of the promoted one.
        cluster.nodes().launch(0);
        cluster.nodes().awaitListening(0);
        ProxyInfo rejoined = cluster.awaitProxyInfo(info -> {
            assertThat(info.server(cluster.address(0))).isNotNull();
            assertThat(info.server(cluster.address(0)).role()).isEqualTo("replica");
            assertThat(info.server(cluster.address(0)).failed()).isFalse();
        });
        cluster.show("after 7000 is restarted", rejoined, "slot_map_masters");
        cluster.awaitReplicaLinkUp(0);
    }

    /** False only for a SET or GET error on a key the lost master did not serve (MGETs span every master). */
    private static boolean lostMastersKey(String problem) {
        String[] words = problem.split(" ");
        if (words.length < 3 || !(words[1].equals("SET") || words[1].equals("GET"))) {
            return true;
        }
        return SlotHash.slot(words[2].getBytes(StandardCharsets.UTF_8)) <= 5460;
    }
}
