package io.slotgate.node.cluster.migration;

import io.slotgate.routing.slot.SlotHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CLUSTER SETSLOT on full nodes (cluster-protocol.md §9) and the redirects a half-moved slot gives (§2.1 steps
 * 9-10): node 0 owns 0-8191, node 1 owns 8192-16383, and slot 100 moves from node 0 to node 1 by hand, the way
 * redis-cli's MoveSlot does it (redis-cli-cluster.md §0.8).
 */
class SetSlotIntegrationTests {

    private static final int SLOT = 100;
    private static final String UNKNOWN = "0123456789012345678901234567890123456789";

    @TempDir
    Path dir;

    private LiveCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private void startTwoMasters() throws Exception {
        cluster = LiveCluster.start(dir, 2);
        cluster.assign(0, 0, 8191);
        cluster.assign(1, 8192, 16383);
        cluster.awaitOk();
    }

    /** A hash tag whose keys ("{tag}x") all hash to {@code slot}. */
    static String tagFor(int slot) {
        for (int i = 0; ; i++) {
            String tag = "t" + i;
            if (SlotHash.slot(tag.getBytes(StandardCharsets.UTF_8)) == slot) {
                return "{" + tag + "}";
            }
        }
    }

    @Test
    void shouldRejectSetSlotWithRedisErrorTexts() throws Exception {
        startTwoMasters();
        String other = cluster.id(1);

        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "9000", "MIGRATING", other))
                .isEqualTo("-ERR I'm not the owner of hash slot 9000\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "IMPORTING", other))
                .isEqualTo("-ERR I'm already the owner of hash slot 100\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "MIGRATING", UNKNOWN))
                .isEqualTo("-ERR I don't know about node " + UNKNOWN + "\r\n");
        assertThat(cluster.call(1, "CLUSTER", "SETSLOT", "100", "IMPORTING", UNKNOWN))
                .isEqualTo("-ERR I don't know about node " + UNKNOWN + "\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "NODE", UNKNOWN))
                .isEqualTo("-ERR Unknown node " + UNKNOWN + "\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "SIDEWAYS", other))
                .isEqualTo("-ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "STABLE", other))
                .isEqualTo("-ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "16384", "STABLE"))
                .isEqualTo("-ERR Invalid or out of range slot\r\n");

        String key = tagFor(SLOT) + "k";
        assertThat(cluster.call(0, "SET", key, "v")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "NODE", other)).isEqualTo(
                "-ERR Can't assign hashslot 100 to a different node while I still hold keys for this hash slot.\r\n");
    }

    @Test
    void shouldShowOpenSlotsOnTheMyselfLineOnlyAndKeepThemAcrossARestart() throws Exception {
        startTwoMasters();
        assertThat(cluster.call(1, "CLUSTER", "SETSLOT", "100", "IMPORTING", cluster.id(0))).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "MIGRATING", cluster.id(1))).isEqualTo("+OK\r\n");

        assertThat(cluster.myselfLine(0)).endsWith(" 0-8191 [100->-" + cluster.id(1) + "]");
        assertThat(cluster.myselfLine(1)).endsWith(" 8192-16383 [100-<-" + cluster.id(0) + "]");
        String seenFromOne = LiveCluster.bulk(cluster.call(1, "CLUSTER", "NODES"));
        assertThat(seenFromOne.lines().filter(l -> l.startsWith(cluster.id(0))).findFirst().orElseThrow())
                .endsWith(" 0-8191");
        assertThat(Files.readString(dir.resolve("node0").resolve("nodes.conf")))
                .contains("0-8191 [100->-" + cluster.id(1) + "]");

        cluster.restart(0);
        assertThat(cluster.myselfLine(0)).endsWith(" 0-8191 [100->-" + cluster.id(1) + "]");

        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "STABLE")).isEqualTo("+OK\r\n");
        assertThat(cluster.myselfLine(0)).endsWith(" 0-8191");
    }

    @Test
    void shouldAskForMissingKeysAndServeAskingClientsOnTheImportingNode() throws Exception {
        startTwoMasters();
        String tag = tagFor(SLOT);
        String source = cluster.address(0);
        assertThat(cluster.call(0, "SET", tag + "stays", "1")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "SET", tag + "moves", "2")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(1, "CLUSTER", "SETSLOT", "100", "IMPORTING", cluster.id(0))).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "MIGRATING", cluster.id(1))).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "MIGRATE", "127.0.0.1", String.valueOf(cluster.port(1)), "", "0", "5000",
                "KEYS", tag + "moves")).isEqualTo("+OK\r\n");

        // The source serves keys it still has, sends the others to the target, and refuses split requests.
        assertThat(cluster.call(0, "GET", tag + "stays")).isEqualTo("$1\r\n1\r\n");
        assertThat(cluster.call(0, "GET", tag + "moves")).isEqualTo("-ASK 100 " + cluster.address(1) + "\r\n");
        assertThat(cluster.call(0, "SET", tag + "new", "x")).isEqualTo("-ASK 100 " + cluster.address(1) + "\r\n");
        assertThat(cluster.call(0, "MGET", tag + "stays", tag + "moves"))
                .isEqualTo("-TRYAGAIN Multiple keys request during rehashing of slot\r\n");

        // The target answers only after ASKING, for one command.
        assertThat(cluster.call(1, "GET", tag + "moves")).isEqualTo("-MOVED 100 " + source + "\r\n");
        assertThat(cluster.call(1, "ASKING")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(1, "GET", tag + "moves")).isEqualTo("$1\r\n2\r\n");
        assertThat(cluster.call(1, "GET", tag + "moves")).isEqualTo("-MOVED 100 " + source + "\r\n");
        assertThat(cluster.call(1, "ASKING")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(1, "MGET", tag + "moves", tag + "stays"))
                .isEqualTo("-TRYAGAIN Multiple keys request during rehashing of slot\r\n");

        // EXEC decides with the keys of its whole queue (§2.1 step 2).
        assertThat(cluster.call(0, "MULTI")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "GET", tag + "stays")).isEqualTo("+QUEUED\r\n");
        assertThat(cluster.call(0, "GET", tag + "moves")).isEqualTo("+QUEUED\r\n");
        assertThat(cluster.call(0, "EXEC"))
                .isEqualTo("-TRYAGAIN Multiple keys request during rehashing of slot\r\n");
        assertThat(cluster.call(0, "MULTI")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "SET", tag + "moves", "3")).isEqualTo("+QUEUED\r\n");
        assertThat(cluster.call(0, "EXEC")).isEqualTo("-ASK 100 " + cluster.address(1) + "\r\n");
        assertThat(cluster.call(1, "ASKING")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(1, "MULTI")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(1, "INCR", tag + "moves")).isEqualTo("+QUEUED\r\n");
        assertThat(cluster.call(1, "EXEC")).isEqualTo("*1\r\n:3\r\n");

        // The single-key MIGRATE form moves the rest; SETSLOT NODE closes the move on both sides.
        assertThat(cluster.call(0, "MIGRATE", "127.0.0.1", String.valueOf(cluster.port(1)), tag + "stays", "0",
                "5000")).isEqualTo("+OK\r\n");
        assertThat(cluster.call(1, "CLUSTER", "SETSLOT", "100", "NODE", cluster.id(1))).isEqualTo("+OK\r\n");
        assertThat(cluster.call(0, "CLUSTER", "SETSLOT", "100", "NODE", cluster.id(1))).isEqualTo("+OK\r\n");

        assertThat(cluster.myselfLine(1)).endsWith(" 100 8192-16383");
        assertThat(cluster.myselfLine(0)).endsWith(" 0-99 101-8191");
        assertThat(cluster.call(1, "MGET", tag + "stays", tag + "moves")).isEqualTo("*2\r\n$1\r\n1\r\n$1\r\n3\r\n");
        assertThat(cluster.call(0, "GET", tag + "stays")).isEqualTo("-MOVED 100 " + cluster.address(1) + "\r\n");
        // The importing node took a new configEpoch, the highest, so gossip agrees with it everywhere.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(LiveCluster.bulk(cluster.call(0, "CLUSTER", "NODES")).lines()
                        .filter(l -> l.startsWith(cluster.id(1))).findFirst().orElseThrow())
                        .endsWith(" 100 8192-16383"));
    }
}
