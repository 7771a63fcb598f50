package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.ClusterOptions;
import io.slotgate.node.cluster.ReplicationControl;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.state.NodeFlags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-age check of a replica whose master failed (cluster-engine.md §8.1): it is measured on the replication
 * link (last interaction, or time since the link fell), and only when replication cannot tell on the bus.
 */
class FailoverDataAgeUnitTests {

    private static final long T = 1000;
    private static final long NOW = 10_000_000;
    /** repl-ping-replica-period + node_timeout x validity factor (10), after node_timeout is subtracted. */
    private static final long LIMIT = Failover.REPL_PING_PERIOD_MS + 10 * T;

    /** Replication that reports a fixed data age (-1 = unknown); everything else does nothing. */
    private record LinkAge(long age) implements ReplicationControl {
        @Override
        public void replicateFrom(String host, int port) {
        }

        @Override
        public void becomeMaster() {
        }

        @Override
        public long offset() {
            return 0;
        }

        @Override
        public void pauseWrites(long millis) {
        }

        @Override
        public void resumeWrites() {
        }

        @Override
        public long masterDataAgeMillis(long now) {
            return age;
        }
    }

    private static FailoverState afterMasterFailed(long linkAge, long busAge) {
        TableOnlyHost host = new TableOnlyHost(ClusterOptions.forPort(7000).withNodeTimeoutMs(T), new LinkAge(linkAge));
        ClusterNode master = new ClusterNode("b".repeat(40), NodeFlags.MASTER | NodeFlags.FAIL, 0);
        ClusterNode me = new ClusterNode("a".repeat(40), NodeFlags.MYSELF | NodeFlags.SLAVE, 0);
        host.table.add(master);
        host.table.add(me);
        host.table.myself = me;
        host.table.setOwner(0, master);
        host.table.setMaster(me, master);
        master.dataReceived = NOW - busAge;
        Failover failover = new Failover(host);
        failover.cron(NOW);
        return failover.state();
    }

    @Test
    void shouldTakeTheDataAgeFromTheReplicationLinkNotFromTheBus() {
        // The bus heard from the master a moment ago, but the replication link has been idle far too long.
        assertThat(afterMasterFailed(T + LIMIT + 1, 0)).isEqualTo(FailoverState.DATA_AGE);
        // The bus has been silent for long, but the link carried data until the failure.
        assertThat(afterMasterFailed(T + LIMIT, 10 * LIMIT)).isEqualTo(FailoverState.WAITING_DELAY);
    }

    @Test
    void shouldFallBackToTheBusWhenReplicationCannotTell() {
        assertThat(afterMasterFailed(-1, T + LIMIT + 1)).isEqualTo(FailoverState.DATA_AGE);
        assertThat(afterMasterFailed(-1, T)).isEqualTo(FailoverState.WAITING_DELAY);
    }
}
