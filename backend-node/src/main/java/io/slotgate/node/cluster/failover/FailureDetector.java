package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.gossip.MessageBody;
import io.slotgate.node.cluster.gossip.MessageType;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Map;

/**
 * Failure detection (cluster-engine.md §6): PFAIL from the local ping timeout, failure reports from masters'
 * gossip, PFAIL → FAIL on a majority, the FAIL broadcast and the rules that clear FAIL. On the cluster thread.
 */
public final class FailureDetector {

    private static final Logger log = LoggerFactory.getLogger(FailureDetector.class);

    private final FailoverHost engine;
    private final NodeTable table;

    public FailureDetector(FailoverHost engine) {
        this.engine = engine;
        this.table = engine.table();
    }

    /** §5.1.3: a ping pending with nothing heard for longer than node_timeout → PFAIL. */
    public void checkTimeout(ClusterNode n, long now) {
        if (n.pingSent == 0 || NodeTable.isFailing(n)) {
            return;
        }
        long delay = Math.min(now - n.pingSent, now - n.dataReceived);
        if (delay > engine.options().nodeTimeoutMs()) {
            log.info("*** NODE {} possibly failing", n.id);
            n.flags |= NodeFlags.PFAIL;
            engine.markStateChanged();
        }
    }

    /** §5.3: a master's gossip entry says {@code node} is failing (or no longer). */
    public void onGossip(ClusterNode sender, ClusterNode node, boolean failing, long now) {
        if (!sender.isMaster() || node.isMyself()) {
            return;
        }
        if (failing) {
            if (node.failReports.put(sender, now) == null) {
                log.debug("Node {} reported node {} as not reachable", sender.id, node.id);
            }
            markFailingIfNeeded(node, now);
        } else if (node.failReports.remove(sender) != null) {
            log.debug("Node {} reported node {} is back online", sender.id, node.id);
        }
    }

    /** Valid failure reports about {@code node}; older than 2 × node_timeout are dropped first (§6.2). */
    public int reports(ClusterNode node, long now) {
        long maxAge = 2 * engine.options().nodeTimeoutMs();
        Iterator<Map.Entry<ClusterNode, Long>> it = node.failReports.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<ClusterNode, Long> e = it.next();
            if (now - e.getValue() > maxAge || table.get(e.getKey().id) != e.getKey()) {
                it.remove();
            }
        }
        return node.failReports.size();
    }

    /** §6.2: PFAIL with reports from a majority of masters (myself counting if I am one) → FAIL, broadcast. */
    public void markFailingIfNeeded(ClusterNode node, long now) {
        if (!node.has(NodeFlags.PFAIL) || node.has(NodeFlags.FAIL)) {
            return;
        }
        int failures = reports(node, now) + (table.myself.isMaster() ? 1 : 0);
        int needed = table.mastersWithSlots() / 2 + 1;
        if (failures < needed) {
            return;
        }
        log.info("Marking node {} as failing (quorum reached).", node.id);
        setFail(node, now);
        engine.broadcast(MessageType.FAIL, new MessageBody.Fail(node.id), 0);
    }

    /** §4.3: a FAIL message forces the flag whatever we saw ourselves. */
    public void onFailMessage(ClusterNode sender, String nodeId, long now) {
        ClusterNode node = table.get(nodeId);
        if (node == null || node.isMyself() || node.has(NodeFlags.FAIL)) {
            return;
        }
        log.info("FAIL message received from {} about {}", sender.id, node.id);
        setFail(node, now);
    }

    private void setFail(ClusterNode node, long now) {
        node.flags &= ~NodeFlags.PFAIL;
        node.flags |= NodeFlags.FAIL;
        node.failTime = now;
        engine.markConfigChanged();
    }

    /** A PONG on our outbound link: PFAIL clears at once, FAIL by the rules of §6.3. */
    public void onPong(ClusterNode node, long now) {
        if (node.has(NodeFlags.PFAIL)) {
            node.flags &= ~NodeFlags.PFAIL;
            engine.markConfigChanged();
        } else if (node.has(NodeFlags.FAIL)) {
            if (node.isReplica() || node.slots.isEmpty()) {
                log.info("Clear FAIL state for node {}: {} is reachable again.", node.id,
                        node.isReplica() ? "replica" : "master without slots");
                node.flags &= ~NodeFlags.FAIL;
                engine.markConfigChanged();
            } else if (now - node.failTime > 2 * engine.options().nodeTimeoutMs()) {
                log.info("Clear FAIL state for node {}: is reachable again and nobody is serving its slots after"
                        + " some time.", node.id);
                node.flags &= ~NodeFlags.FAIL;
                engine.markConfigChanged();
            }
        }
    }
}
