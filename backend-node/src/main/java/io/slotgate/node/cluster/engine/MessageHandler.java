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
                engine.failover.onPacket(sender, h);
            }
        }
        if (type == MessageType.PING || type == MessageType.MEET || type == MessageType.PONG) {
            processPingFamily(link, linkNode, sender, msg, now);
            return;
        }
        if (sender == null || sender.inHandshake()) {
            return; // §4.3: the other types need a known sender
        }
        switch (type) {
            case PUBLISH -> {
                if (msg.body() instanceof MessageBody.Publish p) {
                    engine.keyspace.deliverPublish(p.channel(), p.message());
                }
            }
            case FAIL -> {
                if (msg.body() instanceof MessageBody.Fail f) {
                    engine.failures.onFailMessage(sender, f.nodeId(), now);
                }
            }
            case FAILOVER_AUTH_REQUEST -> engine.voter.onAuthRequest(sender, h, now);
            case FAILOVER_AUTH_ACK -> engine.failover.onAuthAck(sender, h);
            case MFSTART -> engine.failover.onMfStart(sender, now);
            case UPDATE -> {
                if (msg.body() instanceof MessageBody.Update u) {
                    processUpdate(u);
                }
            }
            default -> log.debug("Ignoring cluster bus message {} from {}: not handled", type, h.senderId());
        }
    }

    /** §4.3 UPDATE: a newer configuration of some node than ours; adopt it. */
    private void processUpdate(MessageBody.Update u) {
        ClusterNode n = table.get(u.nodeId());
        if (n == null || n.configEpoch >= u.configEpoch()) {
            return;
        }
        if (n.isReplica()) {
            engine.setNodeAsMaster(n);
        }
        n.configEpoch = u.configEpoch();
        engine.markConfigChanged();
        updateSlotsConfigWith(n, u.configEpoch(), u.slots());
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
        if (!link.inbound() && type == MessageType.PONG && linkNode != null && !linkNode.inHandshake()) {
            linkNode.pongReceived = now;
            linkNode.pingSent = 0;
            engine.failures.onPong(linkNode, now);
        }
        if (sender == null) {
            return;
        }
        updateRole(sender, h);
        ClusterNode shardMaster = sender.isMaster() ? sender : sender.master;
        if (shardMaster != null && !shardMaster.slots.equals(h.slots())) {
            if (sender.isMaster()) {
                updateSlotsConfigWith(sender, h.configEpoch(), h.slots());
            }
            sendUpdateIfStale(sender, h);
        }
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
            if (table.importingFrom[s] != null) {
                continue; // an import is closed only by SETSLOT (cluster-engine.md §10.1)
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

    /**
     * §10.2: the sender claims a slot whose owner has a greater configEpoch than the claim; tell it about that
     * owner (one UPDATE per message).
     */
    private void sendUpdateIfStale(ClusterNode sender, BusHeader h) {
        SlotSet claimed = h.slots();
        for (int s = claimed.next(0); s >= 0; s = claimed.next(s + 1)) {
            ClusterNode owner = table.owner(s);
            if (owner == null || owner == sender || table.isStale(s)) {
                continue;
            }
            if (owner.configEpoch > h.configEpoch()) {
                log.info("Node {} has an old slots configuration, sending an UPDATE message about {}", sender.id,
                        owner.id);
                SlotSet current = owner.slots.copy();
                for (int t = current.next(0); t >= 0; t = current.next(t + 1)) {
                    if (table.isStale(t)) {
                        current.remove(t); // §10.1: slots no longer claimed are masked out of UPDATEs
                    }
                }
                engine.sendTo(sender, MessageType.UPDATE,
                        new MessageBody.Update(owner.id, owner.configEpoch, current));
                return;
            }
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

    /** §5.3, with the failure reports of §6.2. */
    private void processGossipEntry(ClusterNode sender, GossipEntry e, long now) {
        ClusterNode node = table.get(e.id());
        boolean entryFailing = (e.flags() & (NodeFlags.PFAIL | NodeFlags.FAIL)) != 0;
        if (node != null) {
            engine.failures.onGossip(sender, node, entryFailing, now);
            if (!entryFailing && node.pingSent == 0 && node.failReports.isEmpty() && e.pongReceived() <= now + 500
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
