package io.slotgate.node.cluster.engine;

import io.slotgate.node.cluster.config.NodesConf;
import io.slotgate.node.cluster.state.ClusterNodeInfo;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotRange;
import io.slotgate.node.cluster.state.SlotSet;

/** Fills an empty {@link NodeTable} from a parsed nodes.conf (cluster-engine.md §13.2). */
final class ConfigLoader {

    private final NodeTable table;
    private final long now;

    ConfigLoader(NodeTable table, long now) {
        this.table = table;
        this.now = now;
    }

    void load(NodesConf conf) {
        for (ClusterNodeInfo info : conf.nodes()) {
            ClusterNode n = node(info.id());
            // Loaded flags are taken as they are; MEET is internal and never saved.
            n.flags = info.flags() & ~NodeFlags.MEET;
            n.ip = info.ip();
            n.port = info.port();
            n.busPort = info.busPort();
            n.configEpoch = info.configEpoch();
            // Pending pings and pongs restart at "now" (§13.4).
            n.pingSent = 0;
            n.pongReceived = info.pongReceived() != 0 ? now : 0;
            if (n.has(NodeFlags.FAIL)) {
                n.failTime = now; // §13.2: a loaded FAIL counts from now
            }
            if (n.isMyself()) {
                table.myself = n;
            }
            if (info.masterId() != null && n.isReplica()) {
                // Unknown master ids create placeholder entries, completed by their own lines or by gossip.
                table.setMaster(n, node(info.masterId()));
                n.configEpoch = 0; // a replica prints its master's epoch (7.0.3+ loads it as 0)
            }
            for (SlotRange r : info.slots()) {
                for (int s = r.start(); s <= r.end(); s++) {
                    table.setOwner(s, n);
                }
            }
        }
        for (ClusterNodeInfo info : conf.nodes()) {
            if (info.id().equals(table.myself == null ? null : table.myself.id)) {
                loadOpenSlots(info);
            }
        }
        table.currentEpoch = conf.currentEpoch();
        table.lastVoteEpoch = conf.lastVoteEpoch();
    }

    /** The myself line's "[N->-id]" (migrating) and "[N-<-id]" (importing) tokens (cluster-engine.md §13.2). */
    private void loadOpenSlots(ClusterNodeInfo info) {
        for (String token : info.openSlots()) {
            int mig = token.indexOf("->-");
            int imp = token.indexOf("-<-");
            int sep = mig >= 0 ? mig : imp;
            if (!token.endsWith("]") || sep < 0) {
                throw new IllegalArgumentException("bad open slot token '" + token + "'");
            }
            int slot;
            try {
                slot = Integer.parseInt(token.substring(1, sep));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad open slot token '" + token + "'", e);
            }
            if (slot < 0 || slot >= SlotSet.SLOTS) {
                throw new IllegalArgumentException("bad open slot token '" + token + "'");
            }
            ClusterNode other = node(token.substring(sep + 3, token.length() - 1));
            if (mig >= 0) {
                table.migratingTo[slot] = other;
            } else {
                table.importingFrom[slot] = other;
            }
        }
    }

    private ClusterNode node(String id) {
        ClusterNode n = table.get(id);
        if (n == null) {
            n = new ClusterNode(id, 0, now);
            table.add(n);
        }
        return n;
    }
}
