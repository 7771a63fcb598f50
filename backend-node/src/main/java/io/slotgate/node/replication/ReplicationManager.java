package io.slotgate.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.slotgate.node.cluster.ReplicationControl;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.NodeContext;
import io.slotgate.node.command.ReplicationHook;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Keyspace;
import io.slotgate.routing.resp.RespRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Both sides of replication for one node (replication.md), driven by the cluster engine through
 * {@link ReplicationControl} and by the command layer through {@link ReplicationHook}.
 * <p>
 * One replication thread (its own event loop) owns the stream: the ids, the backlog and its offset, the replica
 * links, the link to our master and the WAITs. Partition loops hand it the bytes of each write they ran; its FIFO
 * queue gives the stream a single order in which each partition's (so each slot's) writes keep their order, and
 * writes of different slots commute. Fields read by other threads (INFO, ROLE, the engine's offset) are volatile
 * and informational.
 */
public final class ReplicationManager implements ReplicationControl, ReplicationHook, MasterLinkListener,
        AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicationManager.class);
    static final String NOMASTERLINK = "NOMASTERLINK Can't SYNC while not connected with my master";
    static final String WAIT_ON_REPLICA = "ERR WAIT cannot be used with replica instances. Please also note that "
            + "since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to "
            + "replicas are just local and are not propagated.";

    private final Keyspace keyspace;
    private final NioEventLoopGroup group;
    private final EventLoop loop;
    private final Snapshotter snapshotter;
    private final StreamApplier applier;
    private final FullSyncSender fullSyncs;
    private final ChainForwarder chain;
    private final ReplicaAckWaits waits;
    private final WriteFeed feed;
    private final WritePause pause;
    private volatile ReplicationOptions options;
    /** The append-only file, when enabled: it reads the same ordered stream the replicas get. */
    private volatile StreamSink sink;

    // ---- owned by the replication loop (volatile where other threads read them) ----
    private volatile ReplicationIds ids = ReplicationIds.fresh();
    private volatile ReplicationBacklog backlog;
    private boolean hasHistory;
    private final List<ReplicaLink> replicas = new CopyOnWriteArrayList<>();
    private volatile MasterLink master;
    private volatile String masterHost;
    private volatile int masterPort;
    private volatile long masterDownSince = -1;
    private volatile boolean syncing;
    private long fullSyncOffset;
    private boolean needSelect;
    private boolean flushScheduled;

    // ---- read by any thread ----
    private volatile boolean replica;
    private volatile long offset;
    private final AtomicLong syncFull = new AtomicLong();
    private final AtomicLong syncPartialOk = new AtomicLong();
    private final AtomicLong syncPartialErr = new AtomicLong();

    public ReplicationManager(ReplicationOptions options, Keyspace keyspace) {
        this.options = options;
        this.keyspace = keyspace;
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("replication"));
        this.loop = group.next();
        this.snapshotter = new Snapshotter(keyspace, loop, this::endTransaction);
        this.applier = new StreamApplier(keyspace);
        this.fullSyncs = new FullSyncSender(snapshotter);
        this.chain = new ChainForwarder(this::appendRaw, this::toSink);
        this.feed = new WriteFeed(keyspace, loop, snapshotter, this::appendClientWrite, this::awaitDurable);
        this.pause = new WritePause(keyspace, loop, on -> {
            if (!replica) {
                setReplicaMode(on);
            }
        });
        this.waits = new ReplicaAckWaits(keyspace, loop, replicas, () -> {
            if (!pause.isPaused()) { // a GETACK would move a paused master's offset (replication.md §3)
                append(Unpooled.wrappedBuffer(StreamCommands.GETACK));
            }
        });
    }

    /**
     * Starts the timers and the expiry hooks once the node's context exists (the stream applier runs commands
     * with it). {@code listeningPort} is the bound client port, announced to masters.
     */
    public void start(NodeContext node, int listeningPort) {
        applier.attach(node);
        if (options.listeningPort() == 0) {
            options = options.withListeningPort(listeningPort);
        }
        for (int i = 0; i < keyspace.partitionCount(); i++) {
            var p = keyspace.partition(i);
            int index = i;
            keyspace.loop(i).execute(() -> p.onExpired(key -> feed.expired(index, key)));
        }
        loop.scheduleAtFixedRate(this::everySecond, 1, 1, TimeUnit.SECONDS);
        loop.scheduleAtFixedRate(this::pingReplicas, options.pingPeriodMillis(), options.pingPeriodMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        loop.execute(() -> {
            MasterLink m = master;
            if (m != null) {
                m.close();
            }
            replicas.forEach(r -> r.channel.close());
        });
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    // ================================ ReplicationControl (the cluster engine) ================================

    @Override
    public void replicateFrom(String host, int port) {
        loop.execute(() -> {
            MasterLink m = master;
            if (replica && m != null && m.host.equals(host) && m.port == port) {
                return;
            }
            if (!replica) {
                replica = true;
                feed.setFeeding(false);
                feed.setLogging(false);
                setReplicaMode(true);
                waits.failAll();
            }
            disconnectReplicas();
            if (m != null) {
                m.close();
            }
            masterHost = host;
            masterPort = port;
            masterDownSince = System.currentTimeMillis();
            log.info("replicating from {}:{}", host, port);
            connectMaster();
        });
    }

    @Override
    public void becomeMaster() {
        loop.execute(() -> {
            if (!replica) {
                return;
            }
            MasterLink m = master;
            if (m != null) {
                m.close();
            }
            master = null;
            masterHost = null;
            syncing = false;
            replica = false;
            setReplicaMode(false);
            long off = offset;
            if (hasHistory) {
                ids = ids.shift(off);
            }
            if (backlog == null) {
                backlog = new ReplicationBacklog(options.backlogSize(), off);
            }
            hasHistory = true;
            needSelect = true;
            feed.setFeeding(true);
            feed.setLogging(sink != null);
            disconnectReplicas();
            log.info("now a master: replid {} (previous id valid up to offset {})", ids.replid(),
                    ids.secondOffset());
        });
    }

    @Override
    public long offset() {
        return offset;
    }

    /**
     * Manual failover, master side: client writes wait ({@link WritePause}) and nothing else may move the offset
     * the replica is catching up to: no PING, no GETACK, and expiry waits (the partitions behave as on a replica
     * meanwhile).
     */
    @Override
    public void pauseWrites(long millis) {
        pause.start(millis);
    }

    @Override
    public void resumeWrites() {
        pause.stop();
    }

    @Override
    public boolean pauseSettled() {
        return pause.isSettled();
    }

    /** cluster-engine.md §8.1: time since the last byte from the master if the link is up, else since it fell. */
    @Override
    public long masterDataAgeMillis(long now) {
        MasterLink m = master;
        if (m != null && m.isUp()) {
            return Math.max(0, now - m.lastIoMillis());
        }
        long down = masterDownSince;
        return down < 0 ? 0 : Math.max(0, now - down);
    }

    // ================================ ReplicationHook (the command layer) ================================

    @Override
    public String rejectClientWrite() {
        return replica ? READONLY : null;
    }

    @Override
    public boolean holdClientWrite(Runnable resume) {
        return !replica && pause.hold(resume);
    }

    @Override
    public void propagate(Call call) {
        feed.propagate(call);
    }

    @Override
    public void infoReplication(StringBuilder sb) {
        ReplicationInfo.replication(this, sb);
    }

    @Override
    public void infoStats(StringBuilder sb) {
        sb.append("sync_full:").append(syncFull.get()).append("\r\n");
        sb.append("sync_partial_ok:").append(syncPartialOk.get()).append("\r\n");
        sb.append("sync_partial_err:").append(syncPartialErr.get()).append("\r\n");
    }

    @Override
    public boolean killMasterLink() {
        MasterLink m = master;
        if (m == null || m.phase() == MasterLink.Phase.CLOSED) {
            return false;
        }
        loop.execute(m::kill);
        return true;
    }

    @Override
    public int killReplicaLinks() {
        int n = replicas.size();
        replicas.forEach(r -> r.channel.close());
        return n;
    }

    // ================================ the stream (replication loop) ================================

    /** A snapshot barrier reached partition {@code p}: its pending transaction goes into the stream first. */
    private void endTransaction(int p) {
        feed.endTransaction(p);
    }

    /**
     * appendfsync always: the reply waits until the write is on disk. The call goes async here and is finished by
     * the AOF thread after the fsync that covers it (one fsync per batch: group commit). Calls already async
     * (fan-out) or inside EXEC are answered as before.
     */
    private void awaitDurable(Call call) {
        StreamSink s = sink;
        if (s != null && s.syncEveryWrite() && !call.isAsync() && call.session() != null) {
            call.async();
            loop.execute(() -> s.whenDurable(call::finish));
        }
    }

    /**
     * EXEC under appendfsync always: its block reaches the stream through a task its partition queued while the
     * EXEC ran (WriteFeed.endTransaction); a task queued after it on the same loop, then on the replication loop,
     * therefore asks for durability only once the block was appended.
     */
    @Override
    public void finishTransaction(Call exec, int partition) {
        StreamSink s = sink;
        if (s == null || !s.syncEveryWrite() || replica || partition < 0) {
            exec.finish();
            return;
        }
        keyspace.loop(partition).execute(() -> loop.execute(() -> s.whenDurable(exec::finish)));
    }

    /** Attaches (or, with null, detaches) the append-only file; it sees every stream byte from now on. */
    public void attachSink(StreamSink s) {
        sink = s;
        feed.setLogging(s != null && !replica);
    }

    /** A replica with appendonly logs the commands it applies. */
    private void toSink(ByteBuf frame) {
        StreamSink s = sink;
        if (s != null) {
            s.append(frame);
        }
    }

    /**
     * A point-in-time RDB of the whole keyspace, cut at one point of the stream exactly as for a full sync:
     * {@code atCut} runs on the replication loop after every write before the cut reached the sink and before any
     * later one; then {@code onRdb} gets the file's bytes (ownership passes), or {@code onFail} the reason.
     */
    public void snapshot(Runnable atCut, java.util.function.Consumer<ByteBuf> onRdb,
                         java.util.function.Consumer<String> onFail) {
        loop.execute(() -> {
            long[] cut = new long[1];
            String[] id = new String[1];
            snapshotter.take(replica, () -> {
                cut[0] = offset;
                id[0] = ids.replid();
                atCut.run();
            }, segments -> onRdb.accept(RdbWriter.assemble(id[0], cut[0], segments)), onFail);
        });
    }

    /** One client write's stream bytes, on the replication loop; {@code writer} (may be null) is its client. */
    private void appendClientWrite(ByteBuf bytes, ClientSession writer) {
        append(bytes);
        if (writer != null) {
            waits.wrote(writer, offset);
        }
    }

    private void append(ByteBuf bytes) {
        try {
            if (replica) {
                return; // a replica's stream is its master's; a write racing the demotion is not ours to send
            }
            StreamSink s = sink;
            if (s != null) {
                s.append(bytes);
            }
            if (backlog == null) {
                return;
            }
            if (needSelect && !replica) {
                needSelect = false;
                appendRaw(Unpooled.wrappedBuffer(StreamCommands.SELECT_0));
            }
            appendRaw(bytes);
        } finally {
            bytes.release();
        }
    }

    /** Adds bytes to the backlog and every replica link (not consumed, not released). */
    private void appendRaw(ByteBuf bytes) {
        backlog.append(bytes);
        offset = backlog.offset();
        for (ReplicaLink r : replicas) {
            r.stream(bytes);
        }
        if (!flushScheduled && !replicas.isEmpty()) {
            flushScheduled = true;
            loop.execute(() -> {
                flushScheduled = false;
                replicas.forEach(ReplicaLink::flush);
            });
        }
    }

    private void everySecond() {
        long now = System.currentTimeMillis();
        MasterLink m = master;
        if (replica && m != null && m.isUp()) {
            if (now - m.lastIoMillis() > options.timeoutMillis()) {
                log.warn("MASTER timeout: no data nor PING received for {} ms", options.timeoutMillis());
                m.kill();
            } else {
                m.sendAck(offset);
            }
        }
        for (ReplicaLink r : replicas) {
            if (r.state == ReplicaLink.State.ONLINE && r.handshake.listeningPort() > 0
                    && now - r.ackMillis > options.timeoutMillis()) {
                log.warn("Disconnecting timedout replica {}", r.ip());
                r.channel.close();
            }
        }
    }

    private void pingReplicas() {
        if (!replica && backlog != null && !replicas.isEmpty() && !pause.isPaused()) {
            append(Unpooled.wrappedBuffer(StreamCommands.PING));
        }
    }

    private void ensureBacklog() {
        if (backlog == null) {
            if (!hasHistory) {
                ids = ReplicationIds.fresh();
            }
            backlog = new ReplicationBacklog(options.backlogSize(), offset);
            hasHistory = true;
            needSelect = true;
            feed.setFeeding(!replica);
        }
    }

    private void setReplicaMode(boolean on) {
        for (int i = 0; i < keyspace.partitionCount(); i++) {
            var p = keyspace.partition(i);
            keyspace.loop(i).execute(() -> p.setReplicaMode(on));
        }
    }

    private void disconnectReplicas() {
        for (ReplicaLink r : replicas) {
            r.channel.close();
        }
    }

    // ================================ master side: REPLCONF / PSYNC / SYNC / WAIT ================================

    /** REPLCONF options remembered for this connection (client loop). */
    ReplicaHandshake handshake(ClientSession session) {
        var attr = session.channel().attr(ReplicaHandshake.KEY);
        ReplicaHandshake fresh = new ReplicaHandshake();
        ReplicaHandshake existing = attr.setIfAbsent(fresh);
        return existing != null ? existing : fresh;
    }

    /** REPLCONF ACK from an attached replica (no reply). */
    void ack(ClientSession session, long ackOffset) {
        loop.execute(() -> {
            for (ReplicaLink r : replicas) {
                if (r.session == session) {
                    r.ackOffset = Math.max(r.ackOffset, ackOffset);
                    r.ackMillis = System.currentTimeMillis();
                    waits.onAck();
                }
            }
        });
    }

    /** REPLCONF GETACK: on a replica, tell our master our offset now. */
    void getAck() {
        loop.execute(() -> {
            MasterLink m = master;
            if (m != null) {
                m.sendAck(offset);
            }
        });
    }

    /** PSYNC (plainSync false) or SYNC; the call answers nothing itself, the link writes the replies. */
    void sync(Call call, String replid, long requestedOffset, boolean plainSync) {
        ClientSession session = call.session();
        ReplicaHandshake hs = handshake(session);
        call.async();
        loop.execute(() -> {
            try {
                startSync(call, session, hs, replid, requestedOffset, plainSync);
            } finally {
                call.finish();
            }
        });
    }

    private void startSync(Call call, ClientSession session, ReplicaHandshake hs, String replid, long from,
                           boolean plainSync) {
        MasterLink m = master;
        if (replica && (m == null || !m.isUp())) {
            call.error(NOMASTERLINK);
            return;
        }
        for (ReplicaLink r : replicas) {
            if (r.session == session) {
                return; // a repeated SYNC from an attached replica is ignored
            }
        }
        if (!plainSync) {
            PsyncDecision d = PsyncDecision.decide(replid, from, ids, backlog);
            if (d.partial()) {
                ReplicaLink link = attach(session, hs, false, ReplicaLink.State.ONLINE);
                link.ackOffset = from - 1;
                syncPartialOk.incrementAndGet();
                link.write(Unpooled.copiedBuffer(hs.capaPsync2() ? "+CONTINUE " + ids.replid() + "\r\n"
                        : "+CONTINUE\r\n", StandardCharsets.US_ASCII));
                link.write(backlog.copyFrom(from));
                link.flush();
                log.info("replica {}:{} partially resynchronized from offset {}", link.ip(), hs.listeningPort(), from);
                return;
            }
            if (!"?".equals(replid)) {
                syncPartialErr.incrementAndGet();
            }
            log.info("full resync for replica {}: {}", session.channel().remoteAddress(), d.reason());
        }
        syncFull.incrementAndGet();
        ensureBacklog();
        ReplicaLink link = attach(session, hs, plainSync, ReplicaLink.State.WAIT_BGSAVE);
        fullSyncs.send(link, replica, () -> {
            needSelect = true; // the stream after the snapshot starts with SELECT (replication.md §3)
            return new FullSyncSender.Cut(ids.replid(), offset);
        });
    }

    private ReplicaLink attach(ClientSession session, ReplicaHandshake hs, boolean plainSync, ReplicaLink.State s) {
        ReplicaLink link = new ReplicaLink(session, hs, plainSync, s);
        replicas.add(link);
        link.channel.closeFuture().addListener(f -> loop.execute(() -> {
            replicas.remove(link);
            link.dropPending();
        }));
        return link;
    }

    /** WAIT numreplicas timeout (replication.md §6). */
    void waitFor(Call call, int numReplicas, long timeoutMillis) {
        if (replica) {
            call.error(WAIT_ON_REPLICA);
            return;
        }
        waits.waitFor(call, numReplicas, timeoutMillis);
    }

    // ================================ replica side (MasterLinkListener) ================================

    private void connectMaster() {
        MasterLink m = new MasterLink(masterHost, masterPort, options, this);
        master = m;
        m.connect(loop);
    }

    @Override
    public String[] psyncArguments() {
        return hasHistory ? new String[]{ids.replid(), Long.toString(offset + 1)} : new String[]{"?", "-1"};
    }

    @Override
    public void onFullResync(MasterLink link, String replid, long at) {
        if (link != master) {
            return;
        }
        log.info("full resync from {}:{}: replid {} offset {}", link.host, link.port, replid, at);
        disconnectReplicas();
        ids = ReplicationIds.of(replid);
        discardHeldTransaction();
        fullSyncOffset = at;
        syncing = true;
        applier.flushAll();
    }

    @Override
    public void onSnapshot(MasterLink link, ByteBuf rdb) {
        try {
            if (link != master) {
                return;
            }
            long started = System.nanoTime();
            long bytes = rdb.readableBytes();
            long keys = applier.load(rdb);
            log.info("loaded {} keys ({} bytes) from the master in {} ms", keys, bytes,
                    (System.nanoTime() - started) / 1_000_000);
            backlog = new ReplicationBacklog(options.backlogSize(), fullSyncOffset);
            offset = fullSyncOffset;
            hasHistory = true;
            syncing = false;
            masterDownSince = -1;
            link.sendAck(offset);
            StreamSink s = sink;
            if (s != null) {
                s.datasetReplaced();
            }
        } catch (io.slotgate.node.persistence.rdb.RdbFormatException | RuntimeException e) {
            log.warn("cannot load the master's snapshot: {}", e.getMessage());
            syncing = false;
            link.kill();
        } finally {
            rdb.release();
        }
    }

    @Override
    public void onContinue(MasterLink link, String replid) {
        if (link != master) {
            return;
        }
        if (replid != null && !replid.equalsIgnoreCase(ids.replid())) {
            ids = ids.adopt(replid, offset);
            disconnectReplicas();
        }
        if (backlog == null) {
            backlog = new ReplicationBacklog(options.backlogSize(), offset);
        }
        masterDownSince = -1;
        log.info("partial resync with {}:{} from offset {}", link.host, link.port, offset + 1);
    }

    @Override
    public void onCommand(MasterLink link, RespRequest command) {
        if (link != master) {
            command.release();
            return;
        }
        if (command.argCount() >= 2 && command.argEqualsIgnoreCase(0, "replconf")
                && command.argEqualsIgnoreCase(1, "getack")) {
            link.sendAck(offset); // the offset before this command, as Redis
        }
        if (ChainForwarder.isCommand(command, "multi")) {
            applier.discardTransaction(); // a MULTI the master re-sends after a lost link starts afresh
        }
        chain.forward(command);
        applier.apply(command);
    }

    private void discardHeldTransaction() {
        chain.discard();
        applier.discardTransaction();
    }

    @Override
    public void onLinkDown(MasterLink link, String reason) {
        if (link != master) {
            return;
        }
        masterDownSince = System.currentTimeMillis();
        syncing = false;
        discardHeldTransaction();
        loop.schedule(() -> {
            if (replica && master == link) {
                connectMaster();
            }
        }, options.reconnectMillis(), TimeUnit.MILLISECONDS);
    }

    // ================================ views for INFO / ROLE ================================

    boolean isReplica() {
        return replica;
    }

    ReplicationIds ids() {
        return ids;
    }

    ReplicationBacklog backlog() {
        return backlog;
    }

    ReplicationOptions options() {
        return options;
    }

    List<ReplicaLink> replicas() {
        return replicas;
    }

    MasterLink master() {
        return master;
    }

    String masterHost() {
        return masterHost;
    }

    int masterPort() {
        return masterPort;
    }

    long masterDownSince() {
        return masterDownSince;
    }

    boolean syncing() {
        return syncing;
    }

    /** The longest partition pause of the last snapshot (for measurements). */
    public long lastSnapshotPauseMillis() {
        return snapshotter.lastPauseMillis();
    }

    /** The current replication id (tests and tooling). */
    public String replid() {
        return ids.replid();
    }
}
