package io.slotgate.node.cluster.engine;

import io.slotgate.node.cluster.gossip.BusLink;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One known node as this node sees it. Mutable; only the cluster thread touches it. */
public final class ClusterNode {

    public String id;
    String ip = "";
    int port;
    int busPort;
    public int flags;
    /** The master of a replica, when known. */
    public ClusterNode master;
    public final List<ClusterNode> replicas = new ArrayList<>();
    public long configEpoch;
    public long pingSent;
    long pongReceived;
    public long dataReceived;
    public long replOffset;
    final long createdAt;
    /** When this node was flagged FAIL (cluster-engine.md §6.3). */
    public long failTime;
    /** Failure reports about this node: reporting master → time of its latest report (§6.2). */
    public final Map<ClusterNode, Long> failReports = new LinkedHashMap<>();
    /** A master: when we last voted for one of its replicas (per-master vote cooldown, §8.3). */
    public long votedTime;
    /** A master: since when it has been orphaned (replica migration delay, §11); 0 = not orphaned. */
    public long orphanedTime;
    public final SlotSet slots = new SlotSet();
    /** Our outbound link to it (at most one, cluster-engine.md §2). */
    BusLink link;
    /** Its latest inbound link to us. */
    BusLink inboundLink;

    public ClusterNode(String id, int flags, long now) {
        this.id = id;
        this.flags = flags;
        this.createdAt = now;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isMyself() {
        return has(NodeFlags.MYSELF);
    }

    public boolean isMaster() {
        return has(NodeFlags.MASTER);
    }

    public boolean isReplica() {
        return has(NodeFlags.SLAVE);
    }

    boolean inHandshake() {
        return has(NodeFlags.HANDSHAKE);
    }

    public boolean linkConnected() {
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
