package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.gossip.BusHeader;
import io.slotgate.node.cluster.gossip.MessageBody;
import io.slotgate.node.cluster.gossip.MessageType;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master side of an election (cluster-engine.md §8.3): one vote per epoch (lastVoteEpoch, persisted), one per
 * failed master per 2 × node_timeout, never for a claim older than a slot's current owner. On the cluster thread.
 */
public final class Voter {

    private static final Logger log = LoggerFactory.getLogger(Voter.class);

    private final FailoverHost engine;
    private final NodeTable table;

    public Voter(FailoverHost engine) {
        this.engine = engine;
        this.table = engine.table();
    }

    /**
     * A FAILOVER_AUTH_REQUEST from {@code node}; the header epochs have already been applied.
     *
     * @return whether the vote was granted (and the ACK sent)
     */
    public boolean onAuthRequest(ClusterNode node, BusHeader h, long now) {
        ClusterNode me = table.myself;
        if (me.isReplica() || me.slots.isEmpty()) {
            return false; // only masters serving slots vote
        }
        if (h.currentEpoch() < table.currentEpoch) {
            log.info("Failover auth denied to {}: reqEpoch ({}) < curEpoch({})", node.id, h.currentEpoch(),
                    table.currentEpoch);
            return false;
        }
        if (table.lastVoteEpoch == table.currentEpoch) {
            log.info("Failover auth denied to {}: already voted for epoch {}", node.id, table.currentEpoch);
            return false;
        }
        ClusterNode master = node.master;
        boolean forceAck = h.has(BusHeader.FORCEACK);
        if (node.isMaster() || master == null || (!master.has(NodeFlags.FAIL) && !forceAck)) {
            log.info("Failover auth denied to {}: {}", node.id, node.isMaster() ? "it is a master node"
                    : master == null ? "I don't know its master" : "its master is up");
            return false;
        }
        long cooldown = 2 * engine.options().nodeTimeoutMs();
        if (now - master.votedTime < cooldown) {
            log.info("Failover auth denied to {}: can't vote about this master before {} milliseconds", node.id,
                    cooldown - (now - master.votedTime));
            return false;
        }
        SlotSet claimed = h.slots();
        for (int s = claimed.next(0); s >= 0; s = claimed.next(s + 1)) {
            ClusterNode owner = table.owner(s);
            if (owner == null || table.isStale(s) || owner.configEpoch <= h.configEpoch()) {
                continue;
            }
            log.info("Failover auth denied to {}: slot {} epoch ({}) > reqEpoch ({})", node.id, s, owner.configEpoch,
                    h.configEpoch());
            return false;
        }
        table.lastVoteEpoch = table.currentEpoch;
        master.votedTime = now;
        engine.markConfigChanged();
        engine.saveConfig(); // a vote must survive a restart (§13.3: save + fsync)
        engine.sendTo(node, MessageType.FAILOVER_AUTH_ACK, MessageBody.Empty.INSTANCE);
        log.info("Failover auth granted to {} for epoch {}", node.id, table.currentEpoch);
        return true;
    }
}
