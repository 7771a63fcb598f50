package io.slotgate.node.cluster.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.slotgate.node.cluster.ClusterOptions;
import io.slotgate.node.cluster.KeyspaceAccess;
import io.slotgate.node.cluster.ReplicationControl;
import io.slotgate.node.cluster.config.NodesConf;
import io.slotgate.node.cluster.config.NodesConfFile;
import io.slotgate.node.cluster.failover.Failover;
import io.slotgate.node.cluster.failover.FailoverHost;
import io.slotgate.node.cluster.failover.FailureDetector;
import io.slotgate.node.cluster.failover.ReplicaMigration;
import io.slotgate.node.cluster.failover.Voter;
import io.slotgate.node.cluster.gossip.BusCodec;
import io.slotgate.node.cluster.gossip.BusHeader;
import io.slotgate.node.cluster.gossip.BusLink;
import io.slotgate.node.cluster.gossip.BusListener;
import io.slotgate.node.cluster.gossip.BusMessage;
import io.slotgate.node.cluster.gossip.BusNetwork;
import io.slotgate.node.cluster.gossip.GossipEntry;
import io.slotgate.node.cluster.gossip.MessageBody;
import io.slotgate.node.cluster.gossip.MessageType;
import io.slotgate.node.cluster.state.ClusterNodeInfo;
import io.slotgate.node.cluster.state.ClusterState;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;
import io.slotgate.routing.resp.RespRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cluster engine: node table, epochs, links, persistence and the published snapshot. Every method runs on
 * the single cluster event loop, which owns all of this state; other threads only read {@link #snapshot()}.
 * Message handling, the heartbeat and CLUSTER commands live in their own classes and act through this one.
 */
public final class ClusterEngine implements BusListener {

    private static final Logger log = LoggerFactory.getLogger(ClusterEngine.class);
    /** cluster-engine.md §9: a master stays "fail" for its first 2 s so peers can update it. */
    static final long WRITABLE_DELAY_MS = 2000;
    /** §9: rejoin delay after a minority partition, node_timeout clamped to these bounds. */
    static final long MIN_REJOIN_DELAY_MS = 500;
    static final long MAX_REJOIN_DELAY_MS = 5000;

    /** Replaced only on the cluster thread (CONFIG SET cluster-node-timeout). */
    ClusterOptions options;
    private final io.slotgate.node.cluster.gossip.BusSecret busSecret;
    final KeyspaceAccess keyspace;
    final ReplicationControl replication;
    final NodeTable table = new NodeTable();
    final long[] sent = new long[MessageType.MAX_WIRE_VALUE + 1];
    final long[] received = new long[MessageType.MAX_WIRE_VALUE + 1];
    private final NodesConfFile confFile;
    /** The failover engine's narrow view of this one (cluster/failover). */
    private final FailoverHost host = new Host();
    final FailureDetector failures = new FailureDetector(host);
    final Failover failover = new Failover(host);
    final Voter voter = new Voter(host);
    private final ReplicaMigration migration = new ReplicaMigration(host);
    private final MessageHandler messages = new MessageHandler(this);
    private final Heartbeat heartbeat = new Heartbeat(this);
    private final CommandExecutor commands = new CommandExecutor(this);
    /** Test-only partition switch (cluster-test-faults): peers whose bus traffic is dropped both ways. */
    private final Set<String> droppedPeers = new HashSet<>();
    private BusNetwork bus;
    private EventLoop loop;
    private volatile ClusterState snapshot;
    private boolean saveNeeded;
    /** Whether the pending save must fsync (most changes do; SETSLOT without an epoch bump does not). */
    private boolean fsyncNeeded;
    private boolean snapshotDirty;
    private boolean stateOk;
    /** cluster_size as last computed; Redis's initial value is 1 until the first evaluation. */
    int size = 1;
    private long startedAt;
    /** §9: when this node last saw itself in a minority partition. */
    private long amongMinorityTime;
    /**
     * What replication was last told: "" = master, "ip:port" = replica of that address, null = nothing yet
     * (a replica whose master's address is still unknown).
     */
    private String replicationTarget;

    public ClusterEngine(ClusterOptions options, KeyspaceAccess keyspace, ReplicationControl replication) {
        this(options, keyspace, replication, null);
    }

    /** @param busSecret cluster-bus-secret (null = none): links must prove it before any message (gossip package) */
    public ClusterEngine(ClusterOptions options, KeyspaceAccess keyspace, ReplicationControl replication,
                         io.slotgate.node.cluster.gossip.BusSecret busSecret) {
        this.busSecret = busSecret;
        this.options = options;
        this.keyspace = keyspace;
        this.replication = replication;
        this.confFile = new NodesConfFile(options.configFile());
    }

    // ---------------------------------------------------------------- lifecycle

    /** Loads or creates nodes.conf and opens the bus; runs on the loop. */
    public void start(EventLoop loop) throws Exception {
        startedAt = now();
        this.loop = loop;
        bus = new BusNetwork(loop, this, BusCodec.DEFAULT_MAX_FRAME_LENGTH, System::currentTimeMillis, busSecret);
        confFile.lock();
        try {
            loadConfig();
        } catch (RuntimeException | IOException e) {
            confFile.close();
            throw e;
        }
        ClusterNode me = table.myself;
        if (options.replicaNoFailover()) {
            me.flags |= NodeFlags.NOFAILOVER;
        } else {
            me.flags &= ~NodeFlags.NOFAILOVER;
        }
        // A master starts as one: replication needs no call; a replica is pointed at its master by afterEvent.
        replicationTarget = me.isMaster() ? "" : null;
        rebuildSnapshot();
    }

    /** Binds the bus port; called off the loop, after {@link #start}. */
    public void listen() throws InterruptedException {
        bus.listen(options.bindAddress(), options.busPort());
    }

    /** Closes every link and the listener, releases nodes.conf; runs on the loop. */
    public void stop() {
        for (ClusterNode n : table.nodes()) {
            if (n.link != null) {
                n.link.close();
            }
            if (n.inboundLink != null) {
                n.inboundLink.close();
            }
        }
        if (bus != null) {
            bus.close();
        }
        if (saveNeeded) {
            saveConfig();
        }
        confFile.close();
    }

    /** The 100 ms timer (cluster-engine.md §5.1). */
    public void cron() {
        heartbeat.tick();
        long now = now();
        failover.cron(now);
        migration.cron(now);
        updateState();
        afterEvent();
    }

    /** CONFIG SET cluster-node-timeout; on the cluster loop. Timers read options each tick, so no restart. */
    public void setNodeTimeout(long ms) {
        options = options.withNodeTimeoutMs(ms);
        log.info("cluster-node-timeout set to {} ms", ms);
    }

    public ClusterState snapshot() {
        return snapshot;
    }

    /** Runs one CLUSTER command; completes {@code reply} (possibly later, for keyspace queries). */
    public void execute(RespRequest request, CompletableFuture<ByteBuf> reply) {
        CompletableFuture<ByteBuf> result = new CompletableFuture<>();
        commands.execute(request, result);
        // Publish and persist before replying: a client that sees +OK must see the change in view() too.
        afterEvent();
        result.whenComplete((buf, err) -> {
            if (err != null) {
                reply.completeExceptionally(err);
            } else {
                reply.complete(buf);
            }
        });
    }

    /** Continues work on the cluster loop (after an asynchronous keyspace query), then publishes and saves. */
    void runOnLoop(Runnable task) {
        loop.execute(() -> {
            task.run();
            afterEvent();
        });
    }

    /** Sends PUBLISH to every node we have a connected link to (cluster-protocol.md §3). */
    public void broadcastPublish(byte[] channel, byte[] message) {
        BusMessage msg = BusMessage.of(MessageType.PUBLISH, header(), new MessageBody.Publish(channel, message));
        broadcast(msg);
    }

    // ---------------------------------------------------------------- bus events

    @Override
    public void onConnected(BusLink link) {
        ClusterNode node = (ClusterNode) link.node();
        if (node == null || node.link != link) {
            link.close();
            return;
        }
        // Keep a pending ping's time across reconnects so failure detection is not reset (cluster-engine.md §2).
        long oldPingSent = node.pingSent;
        sendGossip(link, node, node.has(NodeFlags.MEET) ? MessageType.MEET : MessageType.PING);
        if (oldPingSent != 0) {
            node.pingSent = oldPingSent;
        }
        node.flags &= ~NodeFlags.MEET;
        afterEvent();
    }

    @Override
    public void onConnectFailed(BusLink link) {
        ClusterNode node = (ClusterNode) link.node();
        if (node != null && node.link == link) {
            node.link = null;
            if (node.pingSent == 0) {
                node.pingSent = now(); // failure detection still runs for unreachable nodes (§5.1)
            }
        }
    }

    @Override
    public void onMessage(BusLink link, BusMessage message) {
        if (!droppedPeers.isEmpty() && (droppedPeers.contains(message.header().senderId())
                || (link.node() instanceof ClusterNode n && droppedPeers.contains(n.id)))) {
            return;
        }
        int wire = message.wireType();
        if (wire >= 0 && wire < received.length) {
            received[wire]++;
        }
        messages.process(link, message);
        afterEvent();
    }

    @Override
    public void onClosed(BusLink link) {
        ClusterNode node = (ClusterNode) link.node();
        if (node == null) {
            return;
        }
        if (node.link == link) {
            node.link = null;
        }
        if (node.inboundLink == link) {
            node.inboundLink = null;
        }
    }

    // ---------------------------------------------------------------- sending

    BusHeader header() {
        return header(0);
    }

    /** Our header; {@code messageFlags} adds {@link BusHeader#FORCEACK}-style message flags. */
    BusHeader header(int messageFlags) {
        publishSnapshotIfDirty();
        ClusterNode me = table.myself;
        ClusterNode shardMaster = me.isReplica() && me.master != null ? me.master : me;
        me.replOffset = replication.offset();
        int flags = me.flags | messageFlags | (failover.paused() ? BusHeader.PAUSED : 0);
        return new BusHeader(me.id, table.currentEpoch, shardMaster.configEpoch, me.replOffset, flags,
                me.isReplica() && me.master != null ? me.master.id : null, options.port(), options.busPort(),
                options.announceIp() == null ? "" : options.announceIp(), !stateOk, shardMaster.slots);
    }

    /** Sends PING/PONG/MEET with a gossip section on {@code link}; {@code target} may be null (unknown peer). */
    void sendGossip(BusLink link, ClusterNode target, MessageType type) {
        BusMessage msg = BusMessage.of(type, header(), new MessageBody.Gossip(gossipFor(target)));
        send(link, msg);
        if (type == MessageType.PING && target != null && !link.inbound()) {
            target.pingSent = now();
        }
    }

    /** Ping over the node's outbound link, if it is connected. */
    void ping(ClusterNode node) {
        if (node.linkConnected()) {
            sendGossip(node.link, node, MessageType.PING);
        }
    }

    /** PONG to every connected node: spreads our new configuration at once. */
    void broadcastPong() {
        for (ClusterNode n : table.nodes()) {
            if (!n.isMyself() && !n.inHandshake() && n.linkConnected()) {
                sendGossip(n.link, n, MessageType.PONG);
            }
        }
    }

    /** PONG to the other replicas of my master, so they learn my offset before an election (§8.2). */
    void broadcastPongToSiblings() {
        ClusterNode me = table.myself;
        if (me.master == null) {
            return;
        }
        for (ClusterNode n : me.master.replicas) {
            if (n != me && n.linkConnected()) {
                sendGossip(n.link, n, MessageType.PONG);
            }
        }
    }

    /** A PING now: on our outbound link, else on the node's inbound link (manual failover, §8.4). */
    void pingNow(ClusterNode node) {
        if (node.linkConnected()) {
            sendGossip(node.link, node, MessageType.PING);
        } else if (node.inboundLink != null) {
            sendGossip(node.inboundLink, node, MessageType.PING);
        }
    }

    /** One message to {@code node}: over our outbound link, else its inbound link; dropped if neither exists. */
    void sendTo(ClusterNode node, MessageType type, MessageBody body) {
        BusLink link = node.linkConnected() ? node.link : node.inboundLink;
        if (link != null) {
            send(link, BusMessage.of(type, header(), body));
        }
    }

    /** One message to every connected node. */
    void broadcast(MessageType type, MessageBody body) {
        broadcast(BusMessage.of(type, header(), body));
    }

    void broadcast(MessageType type, MessageBody body, int messageFlags) {
        broadcast(BusMessage.of(type, header(messageFlags), body));
    }

    private void broadcast(BusMessage msg) {
        ByteBuf frame = encode(msg);
        try {
            for (ClusterNode n : table.nodes()) {
                if (!n.isMyself() && !n.inHandshake() && n.linkConnected() && !droppedPeers.contains(n.id)) {
                    n.link.send(frame.retainedDuplicate());
                    sent[msg.wireType()]++;
                }
            }
        } finally {
            frame.release();
        }
    }

    private void send(BusLink link, BusMessage msg) {
        if (!droppedPeers.isEmpty() && link.node() instanceof ClusterNode n && droppedPeers.contains(n.id)) {
            return;
        }
        link.send(encode(msg));
        sent[msg.wireType()]++;
    }

    private static ByteBuf encode(BusMessage msg) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(BusCodec.MIN_FRAME_LENGTH + 512);
        BusCodec.encode(msg, buf);
        return buf;
    }

    /**
     * Gossip entries (cluster-engine.md §5.2): max(3, n/10) random healthy nodes, capped at n - 2, then every
     * PFAIL node. The target itself is skipped (telling a node about itself spreads nothing).
     */
    private List<GossipEntry> gossipFor(ClusterNode target) {
        List<ClusterNode> all = table.nodeList();
        int wanted = Math.min(Math.max(3, all.size() / 10), all.size() - 2);
        List<GossipEntry> out = new ArrayList<>();
        List<ClusterNode> picked = new ArrayList<>();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int attempts = wanted * 3; attempts > 0 && picked.size() < wanted; attempts--) {
            ClusterNode n = all.get(rnd.nextInt(all.size()));
            if (n.isMyself() || n == target || n.has(NodeFlags.PFAIL) || n.inHandshake() || n.has(NodeFlags.NOADDR)
                    || (n.link == null && n.slots.isEmpty()) || picked.contains(n)) {
                continue;
            }
            picked.add(n);
        }
        for (ClusterNode n : all) {
            if (n.has(NodeFlags.PFAIL) && !n.inHandshake() && !n.has(NodeFlags.NOADDR) && !picked.contains(n)) {
                picked.add(n);
            }
        }
        for (ClusterNode n : picked) {
            out.add(new GossipEntry(n.id, n.ip, n.port, n.busPort, n.flags, n.pingSent, n.pongReceived));
        }
        return out;
    }

    /** Opens the outbound link to {@code node} (connect completes later, see {@link #onConnected}). */
    void connect(ClusterNode node) {
        BusLink link = bus.connect(node.ip, node.busPort);
        link.attach(node);
        node.link = link;
    }

    // ---------------------------------------------------------------- shared state transitions

    void markConfigChanged() {
        fsyncNeeded = true;
        markConfigChangedNoFsync();
    }

    /** A change to save without fsync (cluster-engine.md §13.3: SETSLOT paths that bump no epoch). */
    void markConfigChangedNoFsync() {
        saveNeeded = true;
        snapshotDirty = true;
    }

    /** Something the snapshot shows changed, nothing to save (PFAIL, failover state). */
    void markStateChanged() {
        snapshotDirty = true;
    }

    /** CLUSTER TEST-DROP-LINKS: from now on drop all bus traffic to and from these node ids (empty = none). */
    void dropLinks(Set<String> ids) {
        droppedPeers.clear();
        droppedPeers.addAll(ids);
        log.warn("Test fault: dropping cluster bus traffic with {}", ids.isEmpty() ? "nobody" : ids);
    }

    /** Removes a node and closes its links. */
    void removeNode(ClusterNode node) {
        table.remove(node);
        markConfigChanged();
    }

    /** Makes myself a replica of {@code master} (REPLICATE or following a slot takeover). */
    void setMyMaster(ClusterNode master) {
        ClusterNode me = table.myself;
        if (me.isMaster()) {
            me.flags &= ~(NodeFlags.MASTER | NodeFlags.MIGRATE_TO);
            me.flags |= NodeFlags.SLAVE;
            // A replica has no open slots (Redis closes them too): a source that learned by gossip that its
            // last slot moved gets "only with masters" for the SETSLOT NODE that would have cleared its mark.
            table.clearAllOpenSlots();
        }
        table.setMaster(me, master);
        failover.resetManual(); // a role change ends any manual failover (§8.4)
        markConfigChanged();
    }

    /** Flips {@code node} (myself included) to master. */
    void setNodeAsMaster(ClusterNode node) {
        if (node.isMaster()) {
            return;
        }
        if (node.master != null && !node.isMyself()) {
            node.flags |= NodeFlags.MIGRATE_TO; // a promoted replica is a valid migration target (§11)
        }
        table.setMaster(node, null);
        node.flags &= ~NodeFlags.SLAVE;
        node.flags |= NodeFlags.MASTER;
        markConfigChanged();
    }

    /** The BUMPEPOCH rule (cluster-engine.md §7.2): returns whether a new epoch was taken. */
    boolean bumpEpochWithoutConsensus() {
        ClusterNode me = table.myself;
        if (me.configEpoch == 0 || me.configEpoch != table.maxEpoch()) {
            table.currentEpoch++;
            me.configEpoch = table.currentEpoch;
            markConfigChanged();
            log.info("New configEpoch set to {}", me.configEpoch);
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- cluster state, snapshot, persistence

    /** cluster-engine.md §9. */
    void updateState() {
        ClusterNode me = table.myself;
        long now = now();
        if (!stateOk && me.isMaster() && now - startedAt < WRITABLE_DELAY_MS) {
            return;
        }
        boolean ok = true;
        if (options.requireFullCoverage()) {
            for (int s = 0; s < SlotSet.SLOTS; s++) {
                ClusterNode owner = table.owner(s);
                if (owner == null || owner.has(NodeFlags.FAIL)) {
                    ok = false;
                    break;
                }
            }
        }
        int masters = 0;
        int reachable = 0;
        for (ClusterNode n : table.nodes()) {
            if (n.isMaster() && !n.slots.isEmpty()) {
                masters++;
                if (!NodeTable.isFailing(n)) {
                    reachable++;
                }
            }
        }
        size = masters;
        if (reachable < masters / 2 + 1) {
            // Minority partition: stop serving so a cut-off master bounds the writes it can lose.
            ok = false;
            amongMinorityTime = now;
        }
        if (ok != stateOk) {
            long rejoinDelay = Math.min(Math.max(options.nodeTimeoutMs(), MIN_REJOIN_DELAY_MS), MAX_REJOIN_DELAY_MS);
            if (ok && me.isMaster() && now - amongMinorityTime < rejoinDelay) {
                return; // back from a minority: give the majority's new configuration time to reach us
            }
            log.info("Cluster state changed: {}", ok ? "ok" : "fail");
            stateOk = ok;
            snapshotDirty = true;
        }
    }

    boolean stateOk() {
        return stateOk;
    }

    /** After each event: re-evaluate, republish and persist what changed (Redis's beforeSleep). */
    void afterEvent() {
        applyReplicationRole();
        publishSnapshotIfDirty();
        failover.afterPublish(); // a paused master's held writes see the new owners (§8.4)
        if (saveNeeded) {
            saveConfig(fsyncNeeded);
        }
    }

    /**
     * Republishes the snapshot clients are served from. Also called before any bus message leaves: once a peer
     * hears our new slot claim it sends clients here, so our own clients must already see it (else a slot just
     * taken over by SETSLOT NODE bounces MOVED between its old owner, already told, and us, cluster-protocol.md §2).
     */
    private void publishSnapshotIfDirty() {
        if (snapshotDirty) {
            updateState();
            rebuildSnapshot();
        }
    }

    private void rebuildSnapshot() {
        snapshotDirty = false;
        String[] owners = new String[SlotSet.SLOTS];
        Map<String, String> endpoints = new HashMap<>();
        ClusterNode previous = null; // owners come in long runs: one map lookup per run, not per slot
        for (int s = 0; s < SlotSet.SLOTS; s++) {
            ClusterNode o = table.owner(s);
            if (o != null) {
                owners[s] = o.id;
                if (o != previous) {
                    endpoints.computeIfAbsent(o.id, id -> o.endpoint());
                    previous = o;
                }
            }
        }
        ClusterNode me = table.myself;
        String masterId = me.isReplica() && me.master != null ? me.master.id : null;
        Map<Integer, String> migrating = new HashMap<>();
        SlotSet importing = new SlotSet();
        for (int s = 0; s < SlotSet.SLOTS; s++) {
            ClusterNode to = table.migratingTo[s];
            if (to != null && table.owner(s) == me) {
                migrating.put(s, to.endpoint());
            }
            if (table.importingFrom[s] != null) {
                importing.add(s);
            }
        }
        snapshot = new ClusterState(me.id, masterId, stateOk, owners, endpoints, options.allowReadsWhenDown(),
                failover.state().infoValue(), migrating, importing);
    }

    /**
     * Tells replication about every role change the engine made (REPLICATE, failover, demotion, a master's new
     * address), and points a restarted replica at its master once that address is known (§5.1 step 4).
     */
    private void applyReplicationRole() {
        ClusterNode me = table.myself;
        if (me.isMaster()) {
            if (!"".equals(replicationTarget)) {
                log.info("Replication: becoming a master");
                replicationTarget = "";
                replication.becomeMaster();
            }
            return;
        }
        ClusterNode master = me.master;
        if (master == null || master.ip.isEmpty() || master.port <= 0) {
            return;
        }
        String target = master.ip + ":" + master.port;
        if (!target.equals(replicationTarget)) {
            log.info("Replication: replicating from {} ({})", target, master.id);
            replicationTarget = target;
            replication.replicateFrom(master.ip, master.port);
        }
    }

    /** Every known node as CLUSTER NODES describes it. */
    List<ClusterNodeInfo> describe() {
        List<ClusterNodeInfo> out = new ArrayList<>(table.size());
        for (ClusterNode n : table.nodes()) {
            out.add(new ClusterNodeInfo(n.id, n.ip, n.port, n.busPort, n.flags,
                    n.isReplica() && n.master != null ? n.master.id : null, n.isMyself() ? 0 : n.pingSent,
                    n.pongReceived, n.effectiveConfigEpoch(), n.isMyself() || n.linkConnected(), n.slots.ranges(),
                    n.isMyself() ? table.openSlotTokens() : List.of()));
        }
        return out;
    }

    /** Writes nodes.conf now; returns the error, or null. */
    IOException saveConfig() {
        return saveConfig(true);
    }

    private IOException saveConfig(boolean fsync) {
        saveNeeded = false;
        fsyncNeeded = false;
        try {
            confFile.save(new NodesConf(describe(), table.currentEpoch, table.lastVoteEpoch), fsync);
            return null;
        } catch (IOException e) {
            log.error("Error saving the cluster node config {}: {}", confFile.path(), e.toString());
            return e;
        }
    }

    private void loadConfig() throws IOException {
        long now = now();
        NodesConf conf;
        try {
            conf = confFile.load().orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IOException("Unrecoverable error: corrupted cluster config file " + confFile.path() + ": "
                    + e.getMessage(), e);
        }
        if (conf == null) {
            ClusterNode me = new ClusterNode(NodeTable.randomId(), NodeFlags.MYSELF | NodeFlags.MASTER, now);
            me.ip = options.announceIp() == null ? "" : options.announceIp();
            me.port = options.port();
            me.busPort = options.busPort();
            table.add(me);
            table.myself = me;
            log.info("No cluster configuration found, I'm {}", me.id);
            IOException e = saveConfig();
            if (e != null) {
                throw e;
            }
            return;
        }
        new ConfigLoader(table, now).load(conf);
        ClusterNode me = table.myself;
        me.port = options.port();
        me.busPort = options.busPort();
        if (options.announceIp() != null) {
            me.ip = options.announceIp();
        }
        log.info("Node configuration loaded, I'm {}", me.id);
        markConfigChanged();
    }

    long now() {
        return System.currentTimeMillis();
    }

    /** Hands the failover classes exactly what they use, without widening this class's public API. */
    private final class Host implements FailoverHost {

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
            return ClusterEngine.this.now();
        }

        @Override
        public void sendTo(ClusterNode node, MessageType type, MessageBody body) {
            ClusterEngine.this.sendTo(node, type, body);
        }

        @Override
        public void broadcast(MessageType type, MessageBody body, int messageFlags) {
            ClusterEngine.this.broadcast(type, body, messageFlags);
        }

        @Override
        public void pingNow(ClusterNode node) {
            ClusterEngine.this.pingNow(node);
        }

        @Override
        public void broadcastPong() {
            ClusterEngine.this.broadcastPong();
        }

        @Override
        public void broadcastPongToSiblings() {
            ClusterEngine.this.broadcastPongToSiblings();
        }

        @Override
        public void markConfigChanged() {
            ClusterEngine.this.markConfigChanged();
        }

        @Override
        public void markStateChanged() {
            ClusterEngine.this.markStateChanged();
        }

        @Override
        public void saveConfig() {
            ClusterEngine.this.saveConfig();
        }

        @Override
        public void updateState() {
            ClusterEngine.this.updateState();
        }

        @Override
        public boolean stateOk() {
            return stateOk;
        }

        @Override
        public void setNodeAsMaster(ClusterNode node) {
            ClusterEngine.this.setNodeAsMaster(node);
        }

        @Override
        public void setMyMaster(ClusterNode master) {
            ClusterEngine.this.setMyMaster(master);
        }

        @Override
        public boolean bumpEpochWithoutConsensus() {
            return ClusterEngine.this.bumpEpochWithoutConsensus();
        }
    }
}
