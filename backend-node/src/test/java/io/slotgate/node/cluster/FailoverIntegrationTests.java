package io.slotgate.node.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failure detection, elections, manual failover, replica migration and the minority rule on in-process
 * {@link ClusterManager}s with recording {@link ReplicationControl}s (cluster-engine.md §6-§11).
 */
class FailoverIntegrationTests {

    /** Short so failures are detected in about a second (cluster-engine.md §6.1). */
    private static final long NODE_TIMEOUT_MS = 1000;
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---------------------------------------------------------------- scenarios

    @Test
    void shouldPromoteTheReplicaWithTheHighestOffsetAndTurnTheReturningMasterIntoItsReplica() throws Exception {
        start(5, o -> o);
        cluster.replication(3).setOffset(50);
        cluster.replication(4).setOffset(100);
        form(3, 0, 0); // masters 0, 1, 2; nodes 3 and 4 replicate master 0
        String oldMaster = cluster.id(0);
        String winner = cluster.id(4);
        long epochBefore = currentEpoch(1);

        cluster.stopNode(0);
        long killedAt = System.currentTimeMillis();

        await().atMost(Duration.ofMillis(NODE_TIMEOUT_MS + 3000)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    assertThat(cluster.node(4).view().isReplica()).isFalse();
                    for (int i = 1; i <= 4; i++) {
                        assertThat(cluster.node(i).view().state()).isEqualTo("ok");
                        assertThat(cluster.node(i).view().redirect(0, true, false, false))
                                .isIn(null, "MOVED 0 127.0.0.1:" + cluster.port(4));
                    }
                });
        System.out.printf("failover completed %d ms after the master stopped%n",
                System.currentTimeMillis() - killedAt);

        long electionEpoch = currentEpoch(4);
        assertThat(electionEpoch).isGreaterThan(epochBefore);
        assertThat(cluster.lineAbout(1, winner)).contains(" master - ")
                .contains(" " + electionEpoch + " connected 0-5460");
        assertThat(flags(1, oldMaster)).isEqualTo("master,fail");
        assertThat(cluster.replication(4).calls()).contains("becomeMaster");
        // The other replica follows the winner; both voting masters voted once, in the election's epoch.
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(masterOf(1, cluster.id(3))).isEqualTo(winner);
            assertThat(cluster.replication(3).lastRoleCall()).isEqualTo("replicateFrom 127.0.0.1:" + cluster.port(4));
        });
        assertThat(lastVoteEpoch(1)).isEqualTo(electionEpoch);
        assertThat(lastVoteEpoch(2)).isEqualTo(electionEpoch);

        // The old master comes back from its nodes.conf, learns it lost its slots and replicates the winner.
        cluster.replication(0).clear();
        cluster.startNode(0);
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(cluster.node(0).view().isReplica()).isTrue();
            assertThat(masterOf(0, oldMaster)).isEqualTo(winner);
            assertThat(cluster.replication(0).lastRoleCall()).isEqualTo("replicateFrom 127.0.0.1:" + cluster.port(4));
            for (int i = 1; i <= 4; i++) {
                assertThat(flags(i, oldMaster)).isEqualTo("slave");
                assertThat(masterOf(i, oldMaster)).isEqualTo(winner);
            }
        });
    }

    @Test
    void shouldNotFailANodeThatOnlyOneMasterCannotReach() throws Exception {
        start(3, o -> o.withTestFaults(true));
        form(3);
        String lonely = cluster.id(2);
        assertThat(cluster.call(1, "TEST-DROP-LINKS", lonely)).isEqualTo("OK");

        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(flags(1, lonely)).isEqualTo("master,fail?");
            assertThat(cluster.call(0, "COUNT-FAILURE-REPORTS", lonely)).isEqualTo(1L);
        });
        // Well past the report validity (2 x node_timeout): one master's suspicion never becomes FAIL.
        Thread.sleep(3 * NODE_TIMEOUT_MS);
        for (int i = 0; i < 3; i++) {
            assertThat(cluster.nodes(i)).doesNotContain(",fail ");
        }
        assertThat(flags(0, lonely)).isEqualTo("master");
        assertThat(cluster.node(0).view().state()).isEqualTo("ok");

        assertThat(cluster.call(1, "TEST-DROP-LINKS", "NONE")).isEqualTo("OK");
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(flags(1, lonely)).isEqualTo("master");
            assertThat(cluster.call(0, "COUNT-FAILURE-REPORTS", lonely)).isEqualTo(0L);
        });
    }

    @Test
    void shouldRunDefaultThenForcedManualFailoversWithTheMastersVotes() throws Exception {
        start(4, o -> o);
        form(3, 0); // node 3 replicates master 0
        String m = cluster.id(0);
        String r = cluster.id(3);
        assertThat(cluster.call(0, "FAILOVER"))
                .isEqualTo(new Resp.Err("ERR You should send CLUSTER FAILOVER to a replica"));
        assertThat(cluster.call(3, "FAILOVER", "SOON")).isEqualTo(new Resp.Err("ERR syntax error"));

        // Default: the master pauses writes and the replica waits until it has processed the master's offset.
        cluster.replication(0).setOffset(20);
        cluster.replication(3).setOffset(10);
        long epochBefore = currentEpoch(3);
        assertThat(cluster.call(3, "FAILOVER")).isEqualTo("OK");
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(cluster.replication(0).calls()).contains("pauseWrites 10000");
            assertThat(cluster.node(3).view().infoSection()).contains("cluster_failover_state:manual_wait_offset");
            assertThat(cluster.node(0).view().infoSection()).contains("cluster_failover_state:manual_paused");
        });
        Thread.sleep(300);
        assertThat(cluster.node(3).view().isReplica()).isTrue();
        cluster.replication(3).setOffset(20);
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(cluster.node(3).view().isReplica()).isFalse();
            assertThat(cluster.node(0).view().isReplica()).isTrue();
            assertThat(masterOf(1, m)).isEqualTo(r);
        });
        assertThat(currentEpoch(3)).isGreaterThan(epochBefore);
        assertThat(cluster.replication(3).lastRoleCall()).isEqualTo("becomeMaster");
        assertThat(cluster.replication(0).lastRoleCall()).isEqualTo("replicateFrom 127.0.0.1:" + cluster.port(3));
        assertThat(cluster.replication(0).calls()).contains("resumeWrites");
        assertThat(cluster.node(3).view().infoSection()).contains("cluster_failover_state:won");

        // FORCE: no offset agreement with the master, still an election won with the masters' votes.
        long epochAfterFirst = currentEpoch(0);
        cluster.replication(3).setOffset(999);
        assertThat(cluster.call(0, "FAILOVER", "FORCE")).isEqualTo("OK");
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(cluster.node(0).view().isReplica()).isFalse();
            assertThat(masterOf(2, r)).isEqualTo(m);
            assertThat(cluster.replication(3).lastRoleCall()).isEqualTo("replicateFrom 127.0.0.1:" + cluster.port(0));
        });
        long forcedEpoch = currentEpoch(0);
        assertThat(forcedEpoch).isGreaterThan(epochAfterFirst);
        assertThat(lastVoteEpoch(1)).isEqualTo(forcedEpoch);
        assertThat(lastVoteEpoch(2)).isEqualTo(forcedEpoch);
    }

    @Test
    void shouldTakeOverWithoutAnyVoteWhenTheMasterIsGone() throws Exception {
        start(2, o -> o);
        form(1, 0); // one master, node 1 its replica: no majority can vote once the master is gone
        String m = cluster.id(0);
        String r = cluster.id(1);
        cluster.stopNode(0);
        await().atMost(SETTLE).untilAsserted(() -> assertThat(cluster.call(1, "FAILOVER"))
                .isEqualTo(new Resp.Err("ERR Master is down or failed, please use CLUSTER FAILOVER FORCE")));
        long epochBefore = currentEpoch(1);

        assertThat(cluster.call(1, "FAILOVER", "TAKEOVER")).isEqualTo("OK");

        assertThat(cluster.node(1).view().isReplica()).isFalse();
        assertThat(cluster.lineAbout(1, r)).contains("myself,master - ").endsWith(" connected 0-16383");
        // A configEpoch above the old master's, taken without consensus (BUMPEPOCH rule, cluster-engine.md §7.2).
        assertThat(configEpoch(1, r)).isGreaterThan(configEpoch(1, m));
        assertThat(currentEpoch(1)).isGreaterThanOrEqualTo(epochBefore);
        assertThat(cluster.replication(1).lastRoleCall()).isEqualTo("becomeMaster");
    }

    @Test
    void shouldMigrateAReplicaToAnOrphanedMaster() throws Exception {
        start(5, o -> o);
        form(2, 0, 0, 1); // master 0 has replicas 2 and 3, master 1 has replica 4
        String orphan = cluster.id(1);
        int mover = cluster.id(2).compareTo(cluster.id(3)) < 0 ? 2 : 3;
        int stayer = 5 - mover;

        cluster.stopNode(4);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(masterOf(0, cluster.id(mover))).isEqualTo(orphan);
            assertThat(cluster.replication(mover).lastRoleCall())
                    .isEqualTo("replicateFrom 127.0.0.1:" + cluster.port(1));
        });
        // Only the candidate with the smallest id moves; master 0 keeps the other.
        assertThat(masterOf(0, cluster.id(stayer))).isEqualTo(cluster.id(0));
    }

    @Test
    void shouldStopServingAMinorityMasterAndMakeItAReplicaOfTheNewMasterWhenThePartitionHeals() throws Exception {
        start(4, o -> o.withTestFaults(true));
        form(3, 0); // node 3 replicates master 0
        String isolated = cluster.id(0);
        List<String> others = List.of(cluster.id(1), cluster.id(2), cluster.id(3));
        assertThat(cluster.node(0).view().redirect(0, true, false, false)).isNull();

        List<String> args = new ArrayList<>(List.of("TEST-DROP-LINKS"));
        args.addAll(others);
        assertThat(cluster.call(0, args.toArray(String[]::new))).isEqualTo("OK");

        // The cut-off master stops taking writes after node_timeout; the majority promotes its replica.
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(cluster.node(0).view().state()).isEqualTo("fail");
            assertThat(cluster.node(0).view().redirect(0, true, false, false))
                    .isEqualTo("CLUSTERDOWN The cluster is down");
            assertThat(cluster.node(0).view().redirect(0, false, false, false))
                    .isEqualTo("CLUSTERDOWN The cluster is down");
        });
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(cluster.node(3).view().isReplica()).isFalse();
            assertThat(cluster.node(1).view().redirect(0, true, false, false))
                    .isEqualTo("MOVED 0 127.0.0.1:" + cluster.port(3));
            assertThat(cluster.node(1).view().state()).isEqualTo("ok");
        });

        assertThat(cluster.call(0, "TEST-DROP-LINKS", "NONE")).isEqualTo("OK");
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(masterOf(0, isolated)).isEqualTo(cluster.id(3));
            assertThat(cluster.replication(0).lastRoleCall()).isEqualTo("replicateFrom 127.0.0.1:" + cluster.port(3));
            assertThat(cluster.node(0).view().redirect(0, true, false, false))
                    .isEqualTo("MOVED 0 127.0.0.1:" + cluster.port(3));
            assertThat(flags(1, isolated)).isEqualTo("slave");
        });
    }

    @Test
    void shouldServeReadsButNotWritesOnAMinorityMasterWhenReadsAreAllowedWhileDown() throws Exception {
        start(3, o -> o.withSettings(Map.of("cluster-test-faults", "yes", "cluster-allow-reads-when-down", "yes")));
        form(3);
        assertThat(cluster.call(0, "TEST-DROP-LINKS", cluster.id(1), cluster.id(2))).isEqualTo("OK");
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(cluster.node(0).view().state()).isEqualTo("fail");
            assertThat(cluster.node(0).view().redirect(0, true, false, false))
                    .isEqualTo("CLUSTERDOWN The cluster is down and only accepts read commands");
        });
        assertThat(cluster.node(0).view().redirect(0, false, false, false)).isNull();
        assertThat(cluster.node(0).view().redirect(16383, false, false, false))
                .isEqualTo("MOVED 16383 127.0.0.1:" + cluster.port(2));

        // Healed: nobody took its slots, so the others clear its FAIL (after 2 x node_timeout) and it serves again.
        String isolated = cluster.id(0);
        await().atMost(SETTLE).untilAsserted(() -> assertThat(flags(1, isolated)).isEqualTo("master,fail"));
        assertThat(cluster.call(0, "TEST-DROP-LINKS", "NONE")).isEqualTo("OK");
        await().atMost(SETTLE).untilAsserted(() -> {
            for (int i = 0; i < 3; i++) {
                assertThat(flags(i, isolated)).isEqualTo("master");
                assertThat(cluster.node(i).view().state()).isEqualTo("ok");
            }
            assertThat(cluster.node(0).view().redirect(0, true, false, false)).isNull();
        });
    }

    @Test
    void shouldNeverFailOverAutomaticallyAReplicaConfiguredWithNoFailover() throws Exception {
        start(4, o -> o);
        cluster.options.set(3, cluster.options.get(3).withSettings(Map.of("cluster-replica-no-failover", "yes")));
        cluster.stopNode(3);
        cluster.startNode(3);
        form(3, 0);
        String master = cluster.id(0);
        assertThat(flags(1, cluster.id(3))).isEqualTo("slave,nofailover");

        cluster.stopNode(0);
        await().atMost(SETTLE).untilAsserted(() -> assertThat(flags(3, master)).isEqualTo("master,fail"));
        Thread.sleep(2500); // longer than the largest election delay for rank 0 (1 s)
        assertThat(cluster.node(3).view().isReplica()).isTrue();
        assertThat(cluster.replication(3).calls()).doesNotContain("becomeMaster");
        // An operator can still promote it.
        assertThat(cluster.call(3, "FAILOVER", "FORCE")).isEqualTo("OK");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(cluster.node(3).view().isReplica()).isFalse());
    }

    @Test
    void shouldRefuseTheFaultSwitchUnlessEnabled() throws Exception {
        start(1, o -> o);
        assertThat(cluster.call(0, "TEST-DROP-LINKS", "NONE")).isEqualTo(new Resp.Err(
                "ERR CLUSTER TEST-DROP-LINKS is disabled; start the node with cluster-test-faults yes (tests only)"));
    }

    // ---------------------------------------------------------------- helpers

    private void start(int nodes, UnaryOperator<ClusterOptions> customize) throws Exception {
        cluster = new TestCluster(dir, NODE_TIMEOUT_MS, customize).start(nodes);
    }

    /**
     * Joins every node, splits the slots evenly over nodes 0..masters-1 and makes node masters + k a replica of
     * node masterOf[k]; returns once every node agrees and sees cluster_state:ok.
     */
    private void form(int masters, int... masterOf) throws Exception {
        int n = cluster.managers.size();
        for (int i = 1; i < n; i++) {
            assertThat(cluster.call(i, "MEET", "127.0.0.1", Integer.toString(cluster.port(0)))).isEqualTo("OK");
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(cluster.id(i));
        }
        all.sort(null);
        await().atMost(SETTLE).untilAsserted(() -> {
            for (int i = 0; i < n; i++) {
                assertThat(cluster.knownIds(i)).isEqualTo(all);
            }
        });
        for (int m = 0; m < masters; m++) {
            int from = m * 16384 / masters;
            int to = (m + 1) * 16384 / masters - 1;
            assertThat(cluster.call(m, "ADDSLOTSRANGE", Integer.toString(from), Integer.toString(to)))
                    .isEqualTo("OK");
        }
        for (int k = 0; k < masterOf.length; k++) {
            assertThat(cluster.call(masters + k, "REPLICATE", cluster.id(masterOf[k]))).isEqualTo("OK");
        }
        await().atMost(SETTLE).untilAsserted(() -> {
            for (int i = 0; i < n; i++) {
                assertThat(cluster.node(i).view().state()).isEqualTo("ok");
                String nodes = cluster.nodes(i);
                assertThat(nodes).doesNotContainPattern("[ ,]fail[ ,?]").doesNotContain("handshake")
                        .doesNotContain("disconnected");
                for (int k = 0; k < masterOf.length; k++) {
                    assertThat(masterOf(i, cluster.id(masters + k))).isEqualTo(cluster.id(masterOf[k]));
                }
                List<Long> epochs = new ArrayList<>();
                for (int m = 0; m < masters; m++) {
                    epochs.add(Long.parseLong(cluster.lineAbout(i, cluster.id(m)).split(" ")[6]));
                }
                assertThat(epochs).doesNotHaveDuplicates();
            }
        });
    }

    /** The flags column of {@code id}'s CLUSTER NODES line as node {@code viewer} sees it, without "myself". */
    private String flags(int viewer, String id) throws Exception {
        return cluster.lineAbout(viewer, id).split(" ")[2].replace("myself,", "");
    }

    /** The master column ("-" for a master) of {@code id} as node {@code viewer} sees it. */
    private String masterOf(int viewer, String id) throws Exception {
        return cluster.lineAbout(viewer, id).split(" ")[3];
    }

    private long configEpoch(int viewer, String id) throws Exception {
        return Long.parseLong(cluster.lineAbout(viewer, id).split(" ")[6]);
    }

    private long currentEpoch(int i) throws Exception {
        for (String line : ((String) cluster.call(i, "INFO")).split("\r\n")) {
            if (line.startsWith("cluster_current_epoch:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1));
            }
        }
        throw new AssertionError("no cluster_current_epoch");
    }

    /** lastVoteEpoch from the vars line of node i's nodes.conf (cluster-engine.md §13.1). */
    private long lastVoteEpoch(int i) throws Exception {
        for (String line : Files.readAllLines(cluster.options.get(i).configFile())) {
            if (line.startsWith("vars ")) {
                String[] t = line.split(" ");
                for (int j = 1; j + 1 < t.length; j += 2) {
                    if (t[j].equals("lastVoteEpoch")) {
                        return Long.parseLong(t[j + 1]);
                    }
                }
            }
        }
        throw new AssertionError("no lastVoteEpoch in nodes.conf");
    }
}
