package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.ClusterOptions;
import io.slotgate.node.cluster.ReplicationControl;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import io.slotgate.node.cluster.gossip.MessageBody;
import io.slotgate.node.cluster.gossip.MessageType;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FailoverHost} over a node table built by hand and no bus: what would be sent is recorded instead, so
 * the failover classes' decisions can be checked without sockets.
 */
final class TableOnlyHost implements FailoverHost {

    final NodeTable table = new NodeTable();
    final List<MessageType> sent = new ArrayList<>();
    int saves;
    private final ClusterOptions options;
    private final ReplicationControl replication;

    TableOnlyHost(ClusterOptions options) {
        this(options, ReplicationControl.NONE);
    }

    TableOnlyHost(ClusterOptions options, ReplicationControl replication) {
        this.options = options;
        this.replication = replication;
    }

    @Override
    public NodeTable table() {
        return table;
    }

    @Override
    public ClusterOptions options() {
        return options;
    }

    @Override
    public ReplicationControl replication() {
        return replication;
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void sendTo(ClusterNode node, MessageType type, MessageBody body) {
        sent.add(type);
    }

    @Override
    public void broadcast(MessageType type, MessageBody body, int messageFlags) {
        sent.add(type);
    }

    @Override
    public void pingNow(ClusterNode node) {
        sent.add(MessageType.PING);
    }

    @Override
    public void broadcastPong() {
        sent.add(MessageType.PONG);
    }

    @Override
    public void broadcastPongToSiblings() {
        sent.add(MessageType.PONG);
    }

    @Override
    public void markConfigChanged() {
    }

    @Override
    public void markStateChanged() {
    }

    @Override
    public void saveConfig() {
        saves++;
    }

    @Override
    public void updateState() {
    }

    @Override
    public boolean stateOk() {
        return true;
    }

    @Override
    public void setNodeAsMaster(ClusterNode node) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void setMyMaster(ClusterNode master) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public boolean bumpEpochWithoutConsensus() {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
