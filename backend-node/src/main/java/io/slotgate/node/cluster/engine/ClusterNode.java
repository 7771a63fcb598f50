package io.slotgate.node.cluster.engine;

import io.slotgate.node.cluster.gossip.BusLink;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;

import java.util.ArrayList;
import java.util.List;

/** One known node as this node sees it. Mutable; only the cluster thread touches it. */
final class ClusterNode {

    String id;
    String ip = "";
    int port;
    int busPort;
    int flags;
    /** The master of a replica, when known. */
    ClusterNode master;
    final List<ClusterNode> replicas = new ArrayList<>();
    long configEpoch;
    long pingSent;
    long pongReceived;
    long dataReceived;
    long replOffset;
    final long createdAt;
    final SlotSet slots = new SlotSet();
    /** Our outbound link to it (at most one, cluster-engine.md §2). */
    BusLink link;
    /** Its latest inbound link to us. */
    BusLink inboundLink;

    ClusterNode(String id, int flags, long now) {
        this.id = id;
        this.flags = flags;
        this.createdAt = now;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean isMyself() {
        return has(NodeFlags.MYSELF);
    }

    boolean isMaster() {
        return has(NodeFlags.MASTER);
    }

    boolean isReplica() {
        return has(NodeFlags.SLAVE);
    }

    boolean inHandshake() {
        return has(NodeFlags.HANDSHAKE);
    }

    boolean linkConnected() {
        return link != null && link.isConnected();
    }

    /** "ip:port" as the address column of CLUSTER NODES shows it. */
    String endpoint() {
        return ip + ":" + port;
    }

    /** The configEpoch CLUSTER NODES prints and the bus advertises: a replica shows its master's. */
    long effectiveConfigEpoch() {
        return isReplica() && master != null ? master.configEpoch : configEpoch;
    }

    @Override
    public String toString() {
        return id + " " + endpoint();
    }
}
