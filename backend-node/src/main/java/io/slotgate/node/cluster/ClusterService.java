package io.slotgate.node.cluster;

import io.netty.buffer.ByteBuf;
import io.slotgate.routing.resp.RespRequest;

import java.util.concurrent.CompletionStage;

/**
 * What the client side of a node needs from the cluster engine (bus, gossip, slot ownership, nodes.conf).
 * The engine's state is owned by its own thread; callers read {@link #view()} snapshots and hand commands over.
 */
public interface ClusterService extends AutoCloseable {

    /** The current immutable view; cheap (a volatile read), called for every keyed command. */
    ClusterView view();

    /**
     * Runs {@code CLUSTER <subcommand> ...} (all subcommands except COUNTKEYSINSLOT and GETKEYSINSLOT, which go
     * through {@link KeyspaceAccess}). The stage completes with one complete RESP reply (ownership passes to the
     * caller). The caller keeps {@code request} alive until the stage completes.
     */
    CompletionStage<ByteBuf> execute(RespRequest request);

    /**
     * CONFIG SET cluster-node-timeout (redis-cli --cluster set-timeout, redis-cli-cluster.md §10): the engine uses
     * the new value from its next timer tick on. Without a cluster engine there is nothing to change.
     */
    default void setNodeTimeout(long ms) {
    }

    /** The cluster-node-timeout in effect (CONFIG GET), or -1 when no engine uses one (the start-up value shows). */
    default long nodeTimeoutMs() {
        return -1;
    }

    /** Sends a PUBLISH to every other node over the bus (cluster-protocol.md: PUBLISH is cluster-wide). */
    void broadcastPublish(byte[] channel, byte[] message);

    /** Starts the bus listener and timers; loads or creates nodes.conf. */
    void start() throws Exception;

    @Override
    void close();
}
