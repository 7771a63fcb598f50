package io.slotgate.node.cluster.failover;

import io.slotgate.node.cluster.command.ClusterCommand;
import io.slotgate.node.cluster.command.ClusterCommandException;
import io.slotgate.node.cluster.gossip.BusHeader;
import io.slotgate.node.cluster.gossip.MessageBody;
import io.slotgate.node.cluster.gossip.MessageType;
import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.engine.ClusterNode;
import io.slotgate.node.cluster.engine.NodeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Replica election and promotion (cluster-engine.md §8.1-§8.2) and both sides of a manual failover (§8.4). On
 * the cluster thread; {@link #cron} runs every tick and again as soon as a vote arrives.
 */
public final class Failover {

    private static final Logger log = LoggerFactory.getLogger(Failover.class);
    /** §8.4: a manual failover must finish within 5 s. */
    static final long MANUAL_TIMEOUT_MS = 5000;
    /** §8.4: the master pauses writes for twice the manual failover timeout. */
    static final long MANUAL_PAUSE_MS = 2 * MANUAL_TIMEOUT_MS;
    /** repl-ping-replica-period (10 s), part of the data age limit (§8.1). */
    static final long REPL_PING_PERIOD_MS = 10_000;
    private static final long MIN_AUTH_TIMEOUT_MS = 2000;

    private final FailoverHost engine;
    private final NodeTable table;
    private FailoverState state = FailoverState.NONE;

    // Election (replica side), Redis's failover_auth_*.
    private long authTime;
    private int authCount;
    private boolean authSent;
    private int authRank;
    private long authEpoch;

    // Manual failover: mfEnd != 0 while one is in progress (either side).
    private long mfEnd;
    private boolean mfCanStart;
    /** Master side: the replica that asked. */
    private ClusterNode mfReplica;
    /** Replica side: the master's offset from its first PAUSED packet, -1 until then. */
    private long mfMasterOffset = -1;
    /** Master side: the pause ended; writes resume once the new configuration is published (see afterPublish). */
    private boolean resumePending;

    public Failover(FailoverHost engine) {
        this.engine = engine;
        this.table = engine.table();
    }

    public FailoverState state() {
        return state;
    }

    /**
     * The master side of a manual failover is running and the pause has settled (no write still in flight can
     * move the offset): our packets carry PAUSED and that final offset (§8.4).
     */
    public boolean paused() {
        return mfEnd != 0 && table.myself.isMaster() && engine.replication().pauseSettled();
    }

    /**
     * After the engine published its new snapshot: a paused master lets its held writes run now, so they are
     * routed by the new slot owners (MOVED after a successful failover) and never run here as a stale master.
     */
    public void afterPublish() {
        if (resumePending) {
            resumePending = false;
            engine.replication().resumeWrites();
        }
    }

    /** Master side: the replica to ping every tick during a manual failover, or null. */
    public ClusterNode manualReplica() {
        return mfEnd != 0 ? mfReplica : null;
    }

    /** The cron part (§5.1 step 5). */
    public void cron(long now) {
        if (mfEnd != 0 && mfEnd < now) {
            log.info("Manual failover timed out.");
            resetManual();
        }
        ClusterNode me = table.myself;
        if (me.isReplica()) {
            manualProgress();
            replicaFailover(now);
        }
        if (state == FailoverState.MANUAL_PAUSED && mfEnd == 0) {
            setState(FailoverState.NONE);
        }
    }

    // ---------------------------------------------------------------- manual failover

    /** CLUSTER FAILOVER [FORCE|TAKEOVER] (cluster-protocol.md §9). */
    public void manual(ClusterCommand.Failover.Mode mode, long now) throws ClusterCommandException {
        ClusterNode me = table.myself;
        if (me.isMaster()) {
            throw ClusterCommandException.err("You should send CLUSTER FAILOVER to a replica");
        }
        ClusterNode master = me.master;
        if (master == null) {
            throw ClusterCommandException.err("I'm a replica but my master is unknown to me");
        }
        if (mode == ClusterCommand.Failover.Mode.DEFAULT
                && (master.has(NodeFlags.FAIL) || !master.linkConnected())) {
            throw ClusterCommandException.err("Master is down or failed, please use CLUSTER FAILOVER FORCE");
        }
        resetManual();
        mfEnd = now + MANUAL_TIMEOUT_MS;
        switch (mode) {
            case TAKEOVER -> {
                // No election: a new epoch without consensus, then promote at once (§8.4).
                log.info("Taking over the master (user request).");
                engine.bumpEpochWithoutConsensus();
                replaceMyMaster();
            }
            case FORCE -> {
                log.info("Forced failover user request accepted.");
                mfCanStart = true;
                cron(now);
            }
            default -> {
                log.info("Manual failover user request accepted.");
                setState(FailoverState.MANUAL_WAIT_OFFSET);
                engine.sendTo(master, MessageType.MFSTART, MessageBody.Empty.INSTANCE);
            }
        }
    }

    /** Master side: MFSTART from one of my replicas → pause writes and ping it with our final offset. */
    public void onMfStart(ClusterNode sender, long now) {
        if (sender.master != table.myself || !table.myself.isMaster()) {
            return;
        }
        resetManual();
        resumePending = false; // this new pause replaces any earlier one
        mfEnd = now + MANUAL_TIMEOUT_MS;
        mfReplica = sender;
        engine.replication().pauseWrites(MANUAL_PAUSE_MS);
        log.info("Manual failover requested by replica {}.", sender.id);
        setState(FailoverState.MANUAL_PAUSED);
        engine.pingNow(sender);
    }

    /** Replica side (§4 step 4): remember the offset from my paused master's first PAUSED packet. */
    public void onPacket(ClusterNode sender, BusHeader h) {
        ClusterNode me = table.myself;
        if (mfEnd != 0 && me.isReplica() && me.master == sender && h.has(BusHeader.PAUSED)
                && mfMasterOffset == -1) {
            mfMasterOffset = h.replOffset();
            log.info("Received replication offset for paused master manual failover: {}", mfMasterOffset);
            manualProgress();
            replicaFailover(engine.now());
        }
    }

    private void manualProgress() {
        if (mfEnd == 0 || mfCanStart || mfMasterOffset == -1) {
            return;
        }
        if (mfMasterOffset == engine.replication().offset()) {
            mfCanStart = true;
            log.info("All master replication stream processed, manual failover can start.");
        }
    }

    /** Ends a manual failover on either side; a paused master resumes writes. */
    public void resetManual() {
        if (mfReplica != null) {
            resumePending = true;
        }
        if (state == FailoverState.MANUAL_PAUSED || state == FailoverState.MANUAL_WAIT_OFFSET) {
            setState(FailoverState.NONE);
        }
        mfEnd = 0;
        mfCanStart = false;
        mfReplica = null;
        mfMasterOffset = -1;
    }

    // ---------------------------------------------------------------- election (replica side)

    /** A FAILOVER_AUTH_ACK (§4.3): counted if it comes from a master with slots, for this election. */
    public void onAuthAck(ClusterNode sender, BusHeader h) {
        if (sender.isMaster() && !sender.slots.isEmpty() && h.currentEpoch() >= authEpoch && authSent) {
            authCount++;
            replicaFailover(engine.now());
        }
    }

    /** §8.1-§8.2: Redis's clusterHandleSlaveFailover. */
    private void replicaFailover(long now) {
        ClusterNode me = table.myself;
        ClusterNode master = me.master;
        boolean manual = mfEnd != 0 && mfCanStart;
        long timeout = engine.options().nodeTimeoutMs();
        long authTimeout = Math.max(2 * timeout, MIN_AUTH_TIMEOUT_MS);
        long authRetry = 2 * authTimeout;
        if (me.isMaster()) {
            return;
        }
        if (master == null || (!master.has(NodeFlags.FAIL) && !manual)
                || (engine.options().replicaNoFailover() && !manual) || master.slots.isEmpty()) {
            if (state != FailoverState.MANUAL_WAIT_OFFSET) {
                setState(FailoverState.NONE);
            }
            return;
        }
        // Data age from the replication link (§8.1); the bus stands in when replication cannot tell.
        long dataAge = engine.replication().masterDataAgeMillis(now);
        if (dataAge < 0) {
            dataAge = now - master.dataReceived;
        }
        if (dataAge > timeout) {
            dataAge -= timeout;
        }
        int factor = engine.options().replicaValidityFactor();
        if (factor != 0 && dataAge > REPL_PING_PERIOD_MS + timeout * factor && !manual) {
            if (state != FailoverState.DATA_AGE) {
                log.warn("Disconnected from master for too long: failover impossible (data age {} ms)", dataAge);
                setState(FailoverState.DATA_AGE);
            }
            return;
        }
        if (now - authTime > authRetry) {
            authTime = now + 500 + ThreadLocalRandom.current().nextInt(500);
            authCount = 0;
            authSent = false;
            authRank = rank();
            authTime += authRank * 1000L;
            if (mfEnd != 0) {
                authTime = now;
                authRank = 0;
            }
            log.info("Start of election delayed for {} milliseconds (rank #{}, offset {}).", authTime - now,
                    authRank, engine.replication().offset());
            setState(FailoverState.WAITING_DELAY);
            engine.broadcastPongToSiblings();
            if (mfEnd == 0) {
                return;
            }
        }
        if (!authSent && mfEnd == 0) {
            int newRank = rank();
            if (newRank > authRank) {
                long delay = (newRank - authRank) * 1000L;
                authTime += delay;
                authRank = newRank;
                log.info("Replica rank updated to #{}, added {} milliseconds of delay.", newRank, delay);
            }
        }
        if (now < authTime) {
            return;
        }
        if (now - authTime > authTimeout) {
            if (state != FailoverState.EXPIRED) {
                log.info("Failover attempt expired.");
                setState(FailoverState.EXPIRED);
            }
            return;
        }
        if (!authSent) {
            table.currentEpoch++;
            authEpoch = table.currentEpoch;
            log.info("Starting a failover election for epoch {}.", authEpoch);
            authSent = true;
            setState(FailoverState.WAITING_VOTES);
            engine.markConfigChanged();
            engine.saveConfig();
            engine.broadcast(MessageType.FAILOVER_AUTH_REQUEST, MessageBody.Empty.INSTANCE,
                    mfEnd != 0 ? BusHeader.FORCEACK : 0);
            return;
        }
        int needed = table.mastersWithSlots() / 2 + 1;
        if (authCount >= needed) {
            log.info("Failover election won, I'm the new master.");
            if (me.configEpoch < authEpoch) {
                me.configEpoch = authEpoch;
                log.info("configEpoch set to {} after successful failover", authEpoch);
            }
            replaceMyMaster();
        }
    }

    /** §8.2: how many other failover-capable replicas of my master have a greater offset than mine. */
    private int rank() {
        ClusterNode me = table.myself;
        long mine = engine.replication().offset();
        int rank = 0;
        if (me.master == null) {
            return 0;
        }
        for (ClusterNode r : me.master.replicas) {
            if (r != me && !r.has(NodeFlags.NOFAILOVER) && r.replOffset > mine) {
                rank++;
            }
        }
        return rank;
    }

    /** §8.2 promotion: take my master's slots, become a master and tell everyone at once. */
    private void replaceMyMaster() {
        ClusterNode me = table.myself;
        ClusterNode old = me.master;
        if (me.isMaster() || old == null) {
            return;
        }
        engine.setNodeAsMaster(me);
        for (int s = old.slots.next(0); s >= 0; s = old.slots.next(s + 1)) {
            table.setOwner(s, me);
        }
        setState(FailoverState.WON);
        engine.markConfigChanged();
        engine.updateState();
        engine.saveConfig();
        engine.broadcastPong();
        if (mfEnd != 0) {
            resetManual();
        }
    }

    private void setState(FailoverState next) {
        if (next != state) {
            log.info("Failover state: {} -> {}", state.infoValue(), next.infoValue());
            state = next;
            engine.markStateChanged();
        }
    }
}
