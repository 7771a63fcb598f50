package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.ClusterOptions;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import io.slotgate.node.cluster.gossip.BusHeader;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The master side of an election (cluster-host.md §8.3) on a node table built by hand, no sockets. */
class VoterUnitTests {

    private static final long NODE_TIMEOUT_MS = 1000;
    private static final long NOW = 1_000_000;

    private TableOnlyHost host;
    private NodeTable table;
    private ClusterNode failedMaster;
    private ClusterNode replicaA;
    private ClusterNode replicaB;

    @BeforeEach
    void buildTable() {
        ClusterOptions o = ClusterOptions.forPort(7000).withNodeTimeoutMs(NODE_TIMEOUT_MS);
        host = new TableOnlyHost(o);
        table = host.table;
        ClusterNode me = node("a", NodeFlags.MYSELF | NodeFlags.MASTER, 1, 0, 99);
        table.myself = me;
        failedMaster = node("b", NodeFlags.MASTER | NodeFlags.FAIL, 2, 100, 199);
        node("c", NodeFlags.MASTER, 3, 200, 16383);
        replicaA = node("d", NodeFlags.SLAVE, 0, 0, -1);
        replicaB = node("e", NodeFlags.SLAVE, 0, 0, -1);
        table.setMaster(replicaA, failedMaster);
        table.setMaster(replicaB, failedMaster);
        table.currentEpoch = 4;
    }

    private ClusterNode node(String c, int flags, long configEpoch, int from, int to) {
        ClusterNode n = new ClusterNode(c.repeat(40), flags, 0);
        n.configEpoch = configEpoch;
        table.add(n);
        for (int s = from; s <= to; s++) {
            table.setOwner(s, n);
        }
        return n;
    }

    /** A request as the replica sends it: the election epoch, its master's configEpoch and slots. */
    private BusHeader request(ClusterNode replica, long epoch, boolean forceAck) {
        SlotSet slots = failedMaster.slots.copy();
        return new BusHeader(replica.id, epoch, failedMaster.configEpoch, 0,
                NodeFlags.SLAVE | (forceAck ? BusHeader.FORCEACK : 0), failedMaster.id, 7001, 17001, "", false,
                slots);
    }

    private boolean ask(ClusterNode replica, long epoch, boolean forceAck, long now) {
        table.currentEpoch = Math.max(table.currentEpoch, epoch); // what receiving the header does first
        return new Voter(host).onAuthRequest(replica, request(replica, epoch, forceAck), now);
    }

    @Test
    void shouldVoteOncePerEpochAndPersistTheVote() {
        assertThat(ask(replicaA, 5, false, NOW)).isTrue();
        assertThat(table.lastVoteEpoch).isEqualTo(5);
        assertThat(host.saves).isEqualTo(1);
        // A second replica of the same master in the same epoch gets nothing.
        assertThat(ask(replicaB, 5, false, NOW)).isFalse();
    }

    @Test
    void shouldNotVoteTwiceForTheSameMasterWithinTwiceTheNodeTimeout() {
        assertThat(ask(replicaA, 5, false, NOW)).isTrue();
        assertThat(ask(replicaB, 6, false, NOW + 2 * NODE_TIMEOUT_MS - 1)).isFalse();
        assertThat(ask(replicaB, 7, false, NOW + 2 * NODE_TIMEOUT_MS + 1)).isTrue();
        assertThat(table.lastVoteEpoch).isEqualTo(7);
    }

    @Test
    void shouldRefuseAStaleEpochAnUpMasterOrAReplicaWithAnOlderSlotClaim() {
        assertThat(ask(replicaA, 3, false, NOW)).isFalse(); // request epoch below our currentEpoch

        failedMaster.flags &= ~NodeFlags.FAIL;
        assertThat(ask(replicaA, 5, false, NOW)).isFalse(); // master up and no FORCEACK
        assertThat(ask(replicaA, 6, true, NOW)).isTrue(); // manual failover: voted although the master is up

        failedMaster.flags |= NodeFlags.FAIL;
        BusHeader claim = request(replicaB, 7, false);
        table.setOwner(150, table.get("c".repeat(40))); // a slot of the claim is now owned by a newer epoch
        table.currentEpoch = 7;
        assertThat(new Voter(host).onAuthRequest(replicaB, claim, NOW + 10 * NODE_TIMEOUT_MS)).isFalse();
    }

    @Test
    void shouldNotVoteAsAReplicaOrAsAMasterWithoutSlots() {
        table.clearSlots(table.myself);
        assertThat(ask(replicaA, 5, false, NOW)).isFalse();
        assertThat(table.lastVoteEpoch).isZero();
    }
}
