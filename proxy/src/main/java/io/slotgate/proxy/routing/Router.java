package io.slotgate.proxy.routing;

import io.netty.buffer.ByteBuf;
import io.slotgate.proxy.backend.BackendConnection;
import io.slotgate.proxy.backend.BackendRegistry;
import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.proxy.backend.InflightEntry;
import io.slotgate.proxy.backend.LoopBackends;
import io.slotgate.proxy.stats.LatencyHistogram;
import io.slotgate.proxy.stats.ProxyStats;
import io.slotgate.proxy.topology.ShardRoute;
import io.slotgate.proxy.topology.Topology;
import io.slotgate.proxy.topology.TopologyRefresher;
import io.slotgate.routing.redirect.Redirect;
import io.slotgate.routing.resp.RespRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests to the right backend and follows the cluster's answers (cluster-protocol.md §2): MOVED is retried
 * at the named owner and triggers a map refresh; ASK sends ASKING plus the request to the target without touching
 * the map; TRYAGAIN and CLUSTERDOWN are retried with backoff until server-timeout runs out. At most
 * {@link #MAX_HOPS} redirects per request, so redirects never loop.
 */
public final class Router {

    public static final int MAX_HOPS = 5;
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final TopologyRefresher refresher;
    private final BackendRegistry registry;
    private final ProxyStats stats;

    public Router(TopologyRefresher refresher, BackendRegistry registry, ProxyStats stats) {
        this.refresher = refresher;
        this.registry = registry;
        this.stats = stats;
    }

    /** Routes a request by the slot of its keys; reads follow the read policy, writes go to the master. */
    public void routeBySlot(LoopBackends loop, RespRequest request, int slot, boolean read, ReplySink sink,
                            LatencyHistogram latency) {
        dispatch(new Exchange(this, loop, request, slot, read, null, sink, latency));
    }

    /**
     * Routes a blocking command (BLPOP, XREAD BLOCK, ...) to the slot's master over a connection of its own, so
     * the wait neither stalls other requests nor trips server-timeout.
     */
    public void routeBlocking(LoopBackends loop, RespRequest request, int slot, ReplySink sink,
                              LatencyHistogram latency, DedicatedConnections owner) {
        Exchange ex = new Exchange(this, loop, request, slot, false, null, sink, latency);
        ex.dedicated = owner;
        dispatch(ex);
    }

    /** Sends a transaction (MULTI, its commands, EXEC) to the master of its slot; the sink gets EXEC's reply. */
    public void routeTransaction(LoopBackends loop, Transaction tx, ReplySink sink, LatencyHistogram latency) {
        int size = tx.size();
        Exchange ex = new Exchange(this, loop, tx.toRequest(), tx.slot(), false, null, sink, latency);
        ex.transactionSize = size;
        dispatch(ex);
    }

    /** Sends a request to one given server (key-less commands, fan-outs); no redirects are followed. */
    public void routeTo(LoopBackends loop, BackendServer server, RespRequest request, ReplySink sink,
                        LatencyHistogram latency) {
        dispatch(new Exchange(this, loop, request, -1, false, server, sink, latency));
    }

    /** The current slot map, or null while none is known. */
    public Topology topology() {
        return refresher.current();
    }

    /** Why there is no map (text for errors), e.g. the seeds did not answer. */
    public String noMapError() {
        return "CLUSTERDOWN slotgate has no slot map yet: " + refresher.lastProblem();
    }

    /** A random master that is not marked failed, or null. */
    public BackendServer anyMaster() {
        Topology t = refresher.current();
        if (t == null || t.shards().isEmpty()) {
            return null;
        }
        List<ShardRoute> shards = t.shards();
        long now = System.nanoTime();
        int start = ThreadLocalRandom.current().nextInt(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            BackendServer m = shards.get((start + i) % shards.size()).master();
            if (!m.isFailed(now)) {
                return m;
            }
        }
        return null;
    }

    /** Masters of the current map (empty while none is known). */
    public List<BackendServer> masters() {
        Topology t = refresher.current();
        List<BackendServer> list = new ArrayList<>();
        if (t != null) {
            for (ShardRoute s : t.shards()) {
                list.add(s.master());
            }
        }
        return list;
    }

    void dispatch(Exchange ex) {
        BackendServer target = ex.fixedServer;
        if (target == null) {
            target = pick(ex);
            if (target == null) {
                return;
            }
        }
        write(connectionFor(ex, target), ex, false);
    }

    private static void write(BackendConnection conn, Exchange ex, boolean asking) {
        if (ex.transactionSize > 0) {
            InflightEntry[] preceding = new InflightEntry[ex.transactionSize + 1];
            for (int i = 0; i < preceding.length; i++) {
                preceding[i] = new QueuedReplyEntry(ex);
            }
            conn.sendBlock(preceding, ex, ex.request.frame(), asking);
        } else if (asking) {
            conn.sendAsking(ex, ex.request.frame());
        } else {
            conn.send(ex, ex.request.frame());
        }
    }

    private BackendConnection connectionFor(Exchange ex, BackendServer target) {
        if (ex.dedicated == null) {
            return ex.loop.connection(target);
        }
        BackendConnection c = ex.loop.dedicatedConnection(target);
        ex.dedicated.opened(c);
        return c;
    }

    /** A blocking command's connection is done once it answered (or failed). */
    private static void releaseDedicated(Exchange ex, BackendConnection from) {
        if (ex.dedicated != null) {
            ex.dedicated.finished(from);
            from.closeQuietly("ERR slotgate: blocking command finished");
        }
    }

    /** The server for a slot-routed exchange, or null after failing the exchange with a clear error. */
    private BackendServer pick(Exchange ex) {
        Topology t = refresher.current();
        if (t == null) {
            ex.fail(noMapError());
            return null;
        }
        ShardRoute shard = t.shard(ex.slot);
        if (shard == null) {
            refresher.requestRefresh();
            ex.fail("CLUSTERDOWN Hash slot not served");
            return null;
        }
        long now = ex.now();
        if (ex.read) {
            BackendServer s = shard.readGroups().pick(now, ex.avoid);
            if (s == null) {
                refresher.requestRefresh();
                ex.fail(ex.retryCause != null ? ex.retryCause : "ERR slotgate: no server can serve reads of slot "
                        + ex.slot + ": master " + shard.master() + " and its replicas are marked failed");
            }
            return s;
        }
        BackendServer master = shard.master();
        if (master.isFailed(now)) {
            refresher.requestRefresh();
            ex.fail("ERR slotgate: master " + master + " of slot " + ex.slot
                    + " is marked failed; writes resume when it answers again or a replica takes over");
            return null;
        }
        return master;
    }

    /**
     * The connection carrying {@code ex} failed. A read is tried once more on another server of its shard (so a
     * replica dying costs readers nothing); anything else gets the error, since a write may have been applied.
     */
    void onConnectionFailure(Exchange ex, String errorText, BackendConnection from) {
        releaseDedicated(ex, from);
        if (ex.read && ex.fixedServer == null && ex.avoid == null && ex.hops < MAX_HOPS
                && System.nanoTime() - ex.deadlineNanos < 0) {
            ex.hops++;
            ex.avoid = from.server();
            ex.retryCause = errorText;
            stats.retries.increment();
            dispatch(ex);
            return;
        }
        ex.fail(errorText);
    }

    void onReply(Exchange ex, ByteBuf reply, BackendConnection from) {
        releaseDedicated(ex, from);
        if (ex.queuedRedirect != null) {
            // EXEC failed because a queued command was redirected: follow that redirect with the whole block.
            ByteBuf redirect = ex.queuedRedirect;
            ex.queuedRedirect = null;
            if (startsWith(reply, "-EXECABORT")) {
                reply.release();
                reply = redirect;
            } else {
                redirect.release();
            }
        }
        ReplyKind kind = ReplyKind.of(reply);
        switch (kind) {
            case FINAL -> ex.complete(reply);
            case MOVED, ASK -> redirect(ex, reply, kind, from);
            case TRYAGAIN, CLUSTERDOWN -> retryLater(ex, reply, kind);
            default -> ex.complete(reply);
        }
    }

    private void redirect(Exchange ex, ByteBuf reply, ReplyKind kind, BackendConnection from) {
        Redirect r = Redirect.parse(reply);
        if (r == null || ex.hops >= MAX_HOPS) {
            ex.complete(reply); // the client sees the cluster's own error rather than a loop
            return;
        }
        ex.hops++;
        reply.release();
        String host = r.host().isEmpty() ? from.server().hostPort().host() : r.host();
        BackendServer target = registry.get(host + ":" + r.port());
        BackendConnection conn = connectionFor(ex, target);
        if (kind == ReplyKind.MOVED) {
            stats.movedFollowed.increment();
            refresher.requestRefresh();
            write(conn, ex, false);
        } else {
            stats.askFollowed.increment();
            write(conn, ex, true);
        }
    }

    private static boolean startsWith(ByteBuf buf, String ascii) {
        if (buf.readableBytes() < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buf.getByte(buf.readerIndex() + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void retryLater(Exchange ex, ByteBuf reply, ReplyKind kind) {
        if (kind == ReplyKind.CLUSTERDOWN) {
            refresher.requestRefresh();
        }
        long backoff = Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(ex.retries, 10));
        if (System.nanoTime() + backoff - ex.deadlineNanos > 0) {
            ex.complete(reply);
            return;
        }
        ex.retries++;
        stats.retries.increment();
        reply.release();
        ex.loop.eventLoop().schedule(() -> dispatch(ex), backoff, TimeUnit.NANOSECONDS);
    }
}
