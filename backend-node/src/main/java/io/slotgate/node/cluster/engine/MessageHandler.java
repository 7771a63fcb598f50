package io.slotgate.node.cluster.engine;

import io.slotgate.node.cluster.gossip.BusHeader;
import io.slotgate.node.cluster.gossip.BusLink;
import io.slotgate.node.cluster.gossip.BusMessage;
import io.slotgate.node.cluster.gossip.GossipEntry;
import io.slotgate.node.cluster.gossip.MessageBody;
import io.slotgate.node.cluster.gossip.MessageType;
import io.slotgate.node.cluster.state.ClusterNodeInfo;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Processes received bus messages (cluster-engine.md §4, §5.3, §7.3, §10.1); runs on the cluster thread. */
final class MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);

    private final ClusterEngine engine;
    private final NodeTable table;

    MessageHandler(ClusterEngine engine) {
        this.engine = engine;
        this.table = engine.table;
    }

    void process(BusLink link, BusMessage msg) {
        MessageType type = msg.type();
        BusHeader h = msg.header();
        if (type == null) {
            log.info("Ignoring cluster bus message of unknown type {} from {}", msg.wireType(), h.senderId());
            return;
        }
        long now = engine.now();
        ClusterNode linkNode = (ClusterNode) link.node();
        ClusterNode sender = linkNode != null && !linkNode.inHandshake() ? linkNode : table.get(h.senderId());
        if (sender != null && sender.isMyself()) {
            return; // a link to our own address (e.g. MEET of ourselves)
        }
        if (sender != null && link.inbound() && linkNode == null) {
            attachInbound(sender, link);
        }
        if (sender != null) {
            sender.dataReceived = now;
            if (!sender.inHandshake()) {
                updateEpochs(sender, h);
            }
        }
        switch (type) {
            case PING, MEET, PONG -> processPingFamily(link, linkNode, sender, msg, now);
            case PUBLISH -> {
                if (sender != null && msg.body() instanceof MessageBody.Publish p) {
                    engine.keyspace.deliverPublish(p.channel(), p.message());
                }
            }
            default -> log.debug("Ignoring cluster bus message {} from {}: not handled yet", type, h.senderId());
        }
    }

    /** A second inbound link from the same node replaces the first (cluster-engine.md §2). */
    private static void attachInbound(ClusterNode sender, BusLink link) {
        if (sender.inboundLink != null && sender.inboundLink != link) {
            BusLink old = sender.inboundLink;
            old.attach(null);
            old.close();
        }
        sender.inboundLink = link;
        link.attach(sender);
    }

    private void updateEpochs(ClusterNode sender, BusHeader h) {
        if (h.currentEpoch() > table.currentEpoch) {
            table.currentEpoch = h.currentEpoch();
            engine.markConfigChanged();
        }
        if (h.configEpoch() > sender.configEpoch) {
            sender.configEpoch = h.configEpoch();
            engine.markConfigChanged();
        }
        sender.replOffset = h.replOffset();
    }

    private void processPingFamily(BusLink link, ClusterNode linkNode, ClusterNode sender, BusMessage msg,
                                   long now) {
        MessageType type = msg.type();
        BusHeader h = msg.header();
        if (type == MessageType.PING || type == MessageType.MEET) {
            learnOwnIp(link, type);
            if (sender == null && type == MessageType.MEET) {
                // §4.1: the meeting node becomes a handshake entry; our cron connects and PINGs it.
                ClusterNode n = new ClusterNode(NodeTable.randomId(), NodeFlags.HANDSHAKE, now);
                n.ip = h.ip().isEmpty() ? link.peerIp() : h.ip();
                n.port = h.port();
                n.busPort = h.busPort();
                table.add(n);
                engine.markConfigChanged();
            }
            engine.sendGossip(link, sender, MessageType.PONG);
        }
        if (!link.inbound() && linkNode != null) {
            if (linkNode.inHandshake()) {
                if (sender != null) {
                    // The address belongs to a node we already know: refresh it, drop the handshake entry.
                    updateAddressIfNeeded(sender, link, h);
                    engine.removeNode(linkNode);
                    return;
                }
                log.info("Handshake with node {} completed ({})", h.senderId(), linkNode.endpoint());
                table.rename(linkNode, h.senderId());
                linkNode.flags &= ~NodeFlags.HANDSHAKE;
                linkNode.flags |= h.flags() & (NodeFlags.MASTER | NodeFlags.SLAVE);
                engine.markConfigChanged();
            } else if (!linkNode.id.equals(h.senderId())) {
                log.info("Node {} at {} answered as {}: marking it noaddr", linkNode.id, linkNode.endpoint(),
                        h.senderId());
                linkNode.flags |= NodeFlags.NOADDR;
                linkNode.ip = "";
                linkNode.port = 0;
                linkNode.busPort = 0;
                link.attach(null);
                link.close();
                linkNode.link = null;
                engine.markConfigChanged();
                return;
            }
        }
        if (sender != null) {
            sender.flags = (sender.flags & ~NodeFlags.NOFAILOVER) | (h.flags() & NodeFlags.NOFAILOVER);
            if (type == MessageType.PING && !sender.inHandshake()) {
                updateAddressIfNeeded(sender, link, h);
            }
        }
        if (!link.inbound() && type == MessageType.PONG && linkNode != null) {
            linkNode.pongReceived = now;
            linkNode.pingSent = 0;
            // Clearing PFAIL/FAIL (§6.3) arrives with failure detection.
        }
        if (sender == null) {
            return;
        }
        updateRole(sender, h);
        ClusterNode shardMaster = sender.isMaster() ? sender : sender.master;
        if (shardMaster != null && sender.isMaster() && !shardMaster.slots.equals(h.slots())) {
            updateSlotsConfigWith(sender, h.configEpoch(), h.slots());
        }
        // Sending UPDATE to a stale claimant (§10.2) comes with the UPDATE message.
        handleConfigEpochCollision(sender);
        if (msg.body() instanceof MessageBody.Gossip g) {
            for (GossipEntry e : g.entries()) {
                processGossipEntry(sender, e, now);
            }
        }
    }

    /** Own-IP discovery (cluster-engine.md §1): the local address of a connection a peer MEETs us on. */
    private void learnOwnIp(BusLink link, MessageType type) {
        ClusterNode me = table.myself;
        if (engine.options.announceIp() != null || (type != MessageType.MEET && !me.ip.isEmpty())) {
            return;
        }
        String ip = link.localIp();
        if (!ip.isEmpty() && !ip.equals(me.ip)) {
            me.ip = ip;
            log.info("IP address for this node updated to {}", ip);
            engine.markConfigChanged();
        }
    }

    /** §4.2: a PING on an inbound link tells us the sender's current address. */
    private void updateAddressIfNeeded(ClusterNode node, BusLink link, BusHeader h) {
        if (link == node.link) {
            return;
        }
        String ip = h.ip().isEmpty() ? link.peerIp() : h.ip();
        if (node.ip.equals(ip) && node.port == h.port() && node.busPort == h.busPort()) {
            return;
        }
        node.ip = ip;
        node.port = h.port();
        node.busPort = h.busPort();
        if (node.link != null) {
            node.link.attach(null);
            node.link.close();
            node.link = null;
        }
        node.flags &= ~NodeFlags.NOADDR;
        log.info("Address updated for node {}, now {}", node.id, node.endpoint());
        engine.markConfigChanged();
    }

    /** §4.2 "Role". */
    private void updateRole(ClusterNode sender, BusHeader h) {
        if (h.masterId() == null) {
            if (sender.isReplica()) {
                engine.setNodeAsMaster(sender);
            }
            return;
        }
        if (sender.isMaster()) {
            table.clearSlots(sender);
            sender.flags &= ~(NodeFlags.MASTER | NodeFlags.MIGRATE_TO);
            sender.flags |= NodeFlags.SLAVE;
            engine.markConfigChanged();
        }
        ClusterNode master = table.get(h.masterId());
        if (master != null && sender.master != master && master != sender) {
            table.setMaster(sender, master);
            engine.markConfigChanged();
        }
    }

    /**
     * The slot rebinding rule (cluster-engine.md §10.1) for a master claiming {@code claimed} with {@code epoch}.
     */
    void updateSlotsConfigWith(ClusterNode sender, long epoch, SlotSet claimed) {
        ClusterNode me = table.myself;
        if (sender == me) {
            return;
        }
        ClusterNode shardMaster = me.isMaster() ? me : me.master;
        int takenFromUs = 0;
        int lostOwn = 0;
        for (int s = claimed.next(0); s >= 0; s = claimed.next(s + 1)) {
            ClusterNode owner = table.owner(s);
            if (owner == sender) {
                table.setOwner(s, sender); // clears the "no longer claimed" mark
                continue;
            }
            if (owner == null || table.isStale(s) || owner.configEpoch < epoch) {
                if (owner == me) {
                    lostOwn++;
                }
                if (owner != null && owner == shardMaster) {
                    takenFromUs++;
                }
                table.setOwner(s, sender);
                engine.markConfigChanged();
            }
        }
        for (int s = sender.slots.next(0); s >= 0; s = sender.slots.next(s + 1)) {
            if (!claimed.contains(s)) {
                table.markStale(s);
            }
        }
        if (takenFromUs > 0 && shardMaster != null && shardMaster.slots.isEmpty()) {
            log.info("Configuration change detected. Reconfiguring myself as a replica of {}", sender.id);
            engine.setMyMaster(sender);
            engine.broadcastPong();
        } else if (me.isReplica() && me.master != null && me.master.isReplica() && me.master.master != null
                && me.master.master != me) {
            engine.setMyMaster(me.master.master);
        } else if (lostOwn > 0) {
            // Deleting the keys of lost slots needs a keyspace hook (later issue); they are no longer served.
            log.info("Lost {} slots to {} (configEpoch {})", lostOwn, sender.id, epoch);
        }
    }

    /** §7.3: of two masters with one configEpoch, the smaller id takes a new epoch. */
    private void handleConfigEpochCollision(ClusterNode sender) {
        ClusterNode me = table.myself;
        if (!sender.isMaster() || !me.isMaster() || sender.configEpoch != me.configEpoch
                || sender.id.compareTo(me.id) <= 0) {
            return;
        }
        table.currentEpoch++;
        me.configEpoch = table.currentEpoch;
        engine.markConfigChanged();
        log.info("configEpoch collision with node {}. configEpoch set to {}", sender.id, me.configEpoch);
    }

    /** §5.3. Failure reports (PFAIL/FAIL in entries) arrive with failure detection. */
    private void processGossipEntry(ClusterNode sender, GossipEntry e, long now) {
        ClusterNode node = table.get(e.id());
        boolean entryFailing = (e.flags() & (NodeFlags.PFAIL | NodeFlags.FAIL)) != 0;
        if (node != null) {
            if (!entryFailing && node.pingSent == 0 && e.pongReceived() <= now + 500
                    && e.pongReceived() > node.pongReceived) {
                node.pongReceived = e.pongReceived();
            }
            if (NodeTable.isFailing(node) && !entryFailing && (e.flags() & NodeFlags.NOADDR) == 0
                    && !e.ip().isEmpty() && (!node.ip.equals(e.ip()) || node.port != e.port()
                    || node.busPort != e.busPort())) {
                if (node.link != null) {
                    node.link.attach(null);
                    node.link.close();
                    node.link = null;
                }
                node.ip = e.ip();
                node.port = e.port();
                node.busPort = e.busPort();
                node.flags &= ~NodeFlags.NOADDR;
                engine.markConfigChanged();
            }
            return;
        }
        // A node we do not know: trust the id (no handshake, §5.3); the cron connects to it.
        if ((e.flags() & NodeFlags.NOADDR) != 0 || e.ip().isEmpty() || !ClusterNodeInfo.isNodeId(e.id())
                || table.isBanned(e.id(), now)) {
            return;
        }
        ClusterNode n = new ClusterNode(e.id(), e.flags() & (NodeFlags.MASTER | NodeFlags.SLAVE), now);
        n.ip = e.ip();
        n.port = e.port();
        n.busPort = e.busPort();
        table.add(n);
        log.info("Learned about node {} ({}) from {}", n.id, n.endpoint(), sender.id);
        engine.markConfigChanged();
    }
}
