package io.slotgate.proxy.backend;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The backend connections of one event loop (one per server), plus that loop's flush batcher and timeout sweep.
 * Clients on this loop use these connections, so a request never crosses threads.
 */
public final class LoopBackends {

    private final EventLoop loop;
    private final BackendSettings settings;
    private final FlushBatcher batcher;
    private final HashMap<BackendServer, BackendConnection> connections = new HashMap<>();
    /** The same connections indexed by server id: the per-request lookup is an array read, not a hash lookup. */
    private BackendConnection[] byId = new BackendConnection[16];
    private final ScheduledFuture<?> sweep;

    public LoopBackends(EventLoop loop, BackendSettings settings) {
        this.loop = loop;
        this.settings = settings;
        this.batcher = new FlushBatcher(loop);
        long period = Math.max(10, Math.min(100, settings.serverTimeoutMillis() / 4));
        this.sweep = loop.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    public EventLoop eventLoop() {
        return loop;
    }

    public BackendSettings settings() {
        return settings;
    }

    public FlushBatcher batcher() {
        return batcher;
    }

    /** This loop's connection to {@code server}, opened on first use. */
    public BackendConnection connection(BackendServer server) {
        int id = server.id();
        BackendConnection c = id < byId.length ? byId[id] : null;
        if (c == null) {
            c = new BackendConnection(server, this);
            connections.put(server, c);
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, Math.max(2 * byId.length, id + 1));
            }
            byId[id] = c;
            c.connect();
        }
        return c;
    }

    /**
     * A new connection used by one request only (blocking commands such as BLPOP may wait longer than
     * server-timeout and would stall every request queued behind them on a shared connection). It is not shared,
     * not swept for timeouts, and must be closed by its user.
     */
    public BackendConnection dedicatedConnection(BackendServer server) {
        BackendConnection c = new BackendConnection(server, this);
        c.connect();
        return c;
    }

    void remove(BackendConnection c) {
        if (connections.remove(c.server(), c)) {
            byId[c.server().id()] = null;
        }
    }

    /** Times out stuck connections and drops idle ones to servers that left the cluster. */
    private void sweep() {
        if (connections.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<BackendConnection> all = new ArrayList<>(connections.values());
        for (BackendConnection c : all) {
            c.checkTimeout(now);
            if (c.server().isRetired() && c.inflightCount() == 0) {
                c.closeQuietly("ERR slotgate: server " + c.server().address() + " left the cluster");
            }
        }
    }

    /** Closes every connection (shutdown); runs on the loop. */
    public void closeAll() {
        sweep.cancel(false);
        for (BackendConnection c : new ArrayList<>(connections.values())) {
            c.closeQuietly("ERR slotgate: proxy is shutting down");
        }
    }
}
