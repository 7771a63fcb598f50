package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.ClusterOptions;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import io.slotgate.node.cluster.state.NodeFlags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PFAIL → FAIL by failure reports and the FAIL-clearing rules (cluster-engine.md §6) on a hand-built table. */
class FailureDetectorUnitTests {

    private static final long T = 1000;
    private static final long NOW = 1_000_000;

    private NodeTable table;
    private FailureDetector detector;
    private ClusterNode me;
    private ClusterNode masterB;
    private ClusterNode masterC;
    private ClusterNode replica;

    @BeforeEach
    void buildTable() {
        ClusterOptions o = ClusterOptions.forPort(7000).withNodeTimeoutMs(T);
        TableOnlyHost host = new TableOnlyHost(o);
        table = host.table;
        detector = new FailureDetector(host);
        me = node("a", NodeFlags.MYSELF | NodeFlags.MASTER, 0, 99);
        table.myself = me;
        masterB = node("b", NodeFlags.MASTER, 100, 199);
        masterC = node("c", NodeFlags.MASTER, 200, 16383);
        replica = node("d", NodeFlags.SLAVE, 0, -1);
        table.setMaster(replica, masterB);
    }

    private ClusterNode node(String c, int flags, int from, int to) {
        ClusterNode n = new ClusterNode(c.repeat(40), flags, 0);
        table.add(n);
        for (int s = from; s <= to; s++) {
            table.setOwner(s, n);
        }
        return n;
    }

    @Test
    void shouldSuspectANodeThatLeavesAPingUnansweredForTheNodeTimeout() {
        masterC.pingSent = NOW - T;
        masterC.dataReceived = NOW - 2 * T;
        detector.checkTimeout(masterC, NOW);
        assertThat(masterC.has(NodeFlags.PFAIL)).isFalse(); // exactly node_timeout is not more than it
        // Anything received recently also counts as alive, whatever the ping says.
        masterC.dataReceived = NOW;
        detector.checkTimeout(masterC, NOW + 1);
        assertThat(masterC.has(NodeFlags.PFAIL)).isFalse();
        masterC.dataReceived = NOW - 2 * T;
        detector.checkTimeout(masterC, NOW + 1);
        assertThat(masterC.has(NodeFlags.PFAIL)).isTrue();
    }

    @Test
    void shouldFailANodeOnceAMajorityOfMastersCountingMyselfReportsIt() {
        masterC.flags |= NodeFlags.PFAIL;
        detector.onGossip(replica, masterC, true, NOW); // replicas' opinions are not reports
        assertThat(detector.reports(masterC, NOW)).isZero();
        assertThat(masterC.has(NodeFlags.FAIL)).isFalse();

        detector.onGossip(masterB, masterC, true, NOW); // B's report + my own PFAIL = 2 of 3 masters
        assertThat(masterC.has(NodeFlags.FAIL)).isTrue();
        assertThat(masterC.has(NodeFlags.PFAIL)).isFalse();
        assertThat(masterC.failTime).isEqualTo(NOW);
    }

    @Test
    void shouldNeedReportsFromAMajorityWhenIAmAReplica() {
        me.flags = NodeFlags.MYSELF | NodeFlags.SLAVE;
        table.clearSlots(me);
        table.setMaster(me, masterB);
        ClusterNode masterE = node("e", NodeFlags.MASTER, 0, 99); // still 3 masters with slots
        masterC.flags |= NodeFlags.PFAIL;
        detector.onGossip(masterB, masterC, true, NOW);
        assertThat(masterC.has(NodeFlags.FAIL)).isFalse();
        detector.onGossip(masterE, masterC, true, NOW);
        assertThat(masterC.has(NodeFlags.FAIL)).isTrue();
    }

    @Test
    void shouldForgetReportsOlderThanTwiceTheNodeTimeoutOrWithdrawn() {
        ClusterNode masterE = node("e", NodeFlags.MASTER, 50, 99);
        detector.onGossip(masterB, replica, true, NOW);
        detector.onGossip(masterE, replica, true, NOW + T);
        assertThat(detector.reports(replica, NOW + T)).isEqualTo(2);
        assertThat(detector.reports(replica, NOW + 2 * T + 1)).isEqualTo(1);
        detector.onGossip(masterE, replica, false, NOW + 2 * T + 1);
        assertThat(detector.reports(replica, NOW + 2 * T + 1)).isZero();
    }

    @Test
    void shouldClearFailAtOnceForAReplicaButLateForAMasterStillOwningSlots() {
        replica.flags |= NodeFlags.FAIL;
        detector.onPong(replica, NOW);
        assertThat(replica.has(NodeFlags.FAIL)).isFalse();

        masterC.flags |= NodeFlags.FAIL;
        masterC.failTime = NOW;
        detector.onPong(masterC, NOW + 2 * T);
        assertThat(masterC.has(NodeFlags.FAIL)).isTrue(); // nobody took its slots yet: wait 2 x node_timeout
        detector.onPong(masterC, NOW + 2 * T + 1);
        assertThat(masterC.has(NodeFlags.FAIL)).isFalse();
    }
}
