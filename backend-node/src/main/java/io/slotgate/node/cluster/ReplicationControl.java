package io.slotgate.node.cluster;

/**
 * Data replication as the cluster engine drives it (replication.md, cluster-engine.md §8). Implemented by the
 * replication side; the engine calls it from its own thread and must not block on it.
 */
public interface ReplicationControl {

    /** Nothing replicates: a node without replication (tests of the engine alone). */
    ReplicationControl NONE = new ReplicationControl() {
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
    };

    /**
     * This node is (now) a replica of the master at host:port (its client port): connect, handshake and sync.
     * Called again with a new address after a failover elsewhere or a CLUSTER REPLICATE.
     */
    void replicateFrom(String host, int port);

    /**
     * This node is (now) a master: stop replicating, keep the data, and start a new replication id keeping the
     * old one as replid2 so sibling replicas can continue with a partial resync.
     */
    void becomeMaster();

    /**
     * The replication offset: on a master its master_repl_offset, on a replica the offset it has processed.
     * Gossiped in the bus header and used for the election rank.
     */
    long offset();

    /** Manual failover, master side: stop serving writes for up to {@code millis} so the replica catches up. */
    void pauseWrites(long millis);

    /** Ends a {@link #pauseWrites} early (the failover finished or was aborted). */
    void resumeWrites();

    /**
     * Writes are paused and every write started before the pause has reached the stream: {@link #offset()} is
     * final, the bus may advertise it with PAUSED (cluster-engine.md §8.4).
     */
    default boolean pauseSettled() {
        return true;
    }

    /**
     * A replica's data age (cluster-engine.md §8.1): ms since the last interaction with its master if the
     * replication link is up, else since the link went down; -1 when unknown (the engine then uses the bus).
     */
    default long masterDataAgeMillis(long now) {
        return -1;
    }
}
