package io.slotgate.node.cluster;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotgate.node.cluster.engine.ClusterEngine;
import io.slotgate.node.cluster.state.ClusterState;
import io.slotgate.node.cluster.state.SlotSet;
import io.slotgate.routing.resp.RespRequest;
import io.slotgate.routing.resp.RespWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The cluster engine behind {@link ClusterService}: one single-threaded Netty event loop owns all cluster state
 * (node table, links, epochs, nodes.conf); callers hand work to it and read immutable {@link ClusterView}
 * snapshots.
 */
public final class ClusterManager implements ClusterService {

    private static final Logger log = LoggerFactory.getLogger(ClusterManager.class);
    /** cluster-engine.md §5.1: the cron period. */
    static final long CRON_PERIOD_MS = 100;

    private final ClusterOptions options;
    private final ClusterEngine engine;
    private final NioEventLoopGroup group;
    private final EventLoop loop;
    private ScheduledFuture<?> cron;
    private volatile boolean started;
    /** What CONFIG GET shows: the last CONFIG SET, which the engine applies on its own loop. */
    private volatile long nodeTimeoutMs;

    /** A cluster engine without data replication ({@link ReplicationControl#NONE}). */
    public ClusterManager(ClusterOptions options, KeyspaceAccess keyspace) {
        this(options, keyspace, ReplicationControl.NONE);
    }

    /**
     * @param replication told about every role change the engine makes (REPLICATE, failover, demotion) and asked
     *                    for the replication offset gossiped on the bus and used in elections
     */
    public ClusterManager(ClusterOptions options, KeyspaceAccess keyspace, ReplicationControl replication) {
        this(options, keyspace, replication, null);
    }

    /** @param busSecret cluster-bus-secret, or null */
    public ClusterManager(ClusterOptions options, KeyspaceAccess keyspace, ReplicationControl replication,
                          io.slotgate.node.cluster.gossip.BusSecret busSecret) {
        this.options = options;
        this.nodeTimeoutMs = options.nodeTimeoutMs();
        this.engine = new ClusterEngine(options, keyspace, replication, busSecret);
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("cluster-" + options.port(), true));
        this.loop = group.next();
    }

    public ClusterOptions options() {
        return options;
    }

    /** Before {@link #start()}: no id yet, no slot served, state fail. */
    private static final ClusterView NOT_STARTED =
            new ClusterState("", null, false, new String[SlotSet.SLOTS], Map.of());

    @Override
    public ClusterView view() {
        ClusterView v = engine.snapshot();
        return v != null ? v : NOT_STARTED;
    }

    @Override
    public CompletionStage<ByteBuf> execute(RespRequest request) {
        CompletableFuture<ByteBuf> reply = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    engine.execute(request, reply);
                } catch (RuntimeException e) {
                    log.error("CLUSTER command {} failed", request, e);
                    reply.complete(error("ERR internal error: " + e));
                }
            });
        } catch (RejectedExecutionException e) {
            reply.complete(error("ERR cluster engine is shut down"));
        }
        return reply.exceptionally(e -> error("ERR " + e.getMessage()));
    }

    @Override
    public void setNodeTimeout(long ms) {
        if (ms < 1) {
            throw new IllegalArgumentException("cluster-node-timeout must be positive: " + ms);
        }
        nodeTimeoutMs = ms;
        try {
            loop.execute(() -> engine.setNodeTimeout(ms)); // the engine's own copy, on its thread
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("cluster engine is shut down", e);
        }
    }

    @Override
    public long nodeTimeoutMs() {
        return nodeTimeoutMs;
    }

    @Override
    public void broadcastPublish(byte[] channel, byte[] message) {
        try {
            loop.execute(() -> engine.broadcastPublish(channel, message));
        } catch (RejectedExecutionException e) {
            log.debug("PUBLISH not broadcast: cluster engine is shut down");
        }
    }

    @Override
    public void start() throws Exception {
        try {
            loop.submit(() -> {
                engine.start(loop);
                return null;
            }).get();
            engine.listen();
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (Exception e) {
            close();
            throw e;
        }
        cron = loop.scheduleAtFixedRate(engine::cron, CRON_PERIOD_MS, CRON_PERIOD_MS, TimeUnit.MILLISECONDS);
        started = true;
        log.info("Cluster bus listening on port {} (node {})", options.busPort(), engine.snapshot().myId());
    }

    @Override
    public void close() {
        if (cron != null) {
            cron.cancel(false);
        }
        if (!group.isShuttingDown()) {
            try {
                loop.submit(engine::stop).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Cluster engine did not stop cleanly: {}", e.toString());
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        started = false;
    }

    public boolean isStarted() {
        return started;
    }

    private static ByteBuf error(String text) {
        ByteBuf out = ByteBufAllocator.DEFAULT.buffer(text.length() + 3);
        RespWriter.writeError(out, text.replace('\r', ' ').replace('\n', ' '));
        return out;
    }
}
