package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.ClusterOptions;
import io.slotgate.node.cluster.ReplicationControl;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import io.slotgate.node.cluster.gossip.MessageBody;
import io.slotgate.node.cluster.gossip.MessageType;

/**
 * What the failover engine needs from the cluster engine: the node table, sending on the bus and the shared state
 * transitions. Implemented by {@link io.slotgate.node.cluster.engine.ClusterEngine}; every call is made on the
 * cluster thread.
 */
public interface FailoverHost {

    NodeTable table();

    ClusterOptions options();

    ReplicationControl replication();

    long now();

    /** One message to {@code node} over whichever link is up; dropped if none. */
    void sendTo(ClusterNode node, MessageType type, MessageBody body);

    /** One message to every connected node; {@code messageFlags} adds e.g. FORCEACK. */
    void broadcast(MessageType type, MessageBody body, int messageFlags);

    /** A PING now, over either link (manual failover, cluster-engine.md §8.4). */
    void pingNow(ClusterNode node);

    /** PONG to every connected node: spreads a new configuration at once. */
    void broadcastPong();

    /** PONG to the other replicas of my master (§8.2). */
    void broadcastPongToSiblings();

    /** A change to save (with fsync) and publish. */
    void markConfigChanged();

    /** A change to publish only. */
    void markStateChanged();

    /** Writes nodes.conf now (votes and elections must survive a restart, §13.3). */
    void saveConfig();

    /** Re-evaluates cluster_state (§9). */
    void updateState();

    boolean stateOk();

    /** Flips {@code node} (myself included) to master. */
    void setNodeAsMaster(ClusterNode node);

    /** Makes myself a replica of {@code master}. */
    void setMyMaster(ClusterNode master);

    /** The BUMPEPOCH rule (§7.2): returns whether a new epoch was taken. */
    boolean bumpEpochWithoutConsensus();
}
