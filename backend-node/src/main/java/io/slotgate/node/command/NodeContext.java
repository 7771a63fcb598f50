package io.slotgate.node.command;

import io.slotgate.node.NodeOptions;
import io.slotgate.node.cluster.ClusterService;
import io.slotgate.node.pubsub.PubSub;
import io.slotgate.node.server.ClientRegistry;
import io.slotgate.node.server.LiveConfig;
import io.slotgate.node.server.ServerStats;
import io.slotgate.node.store.Keyspace;

/**
 * The node's shared services as command handlers see them. Each service guards its own state (per-loop
 * ownership or thread-safe counters); this record only wires them together.
 */
public record NodeContext(
        NodeOptions options,
        LiveConfig config,
        Keyspace keyspace,
        ClusterService cluster,
        ClientRegistry clients,
        PubSub pubsub,
        ServerStats stats,
        CommandRegistry registry,
        String runId,
        long startMillis,
        int boundPort,
        /* the replication side (ReplicationHook.NONE without it) */
        ReplicationHook replication,
        /* AOF and snapshots (PersistenceHook.NONE without them) */
        PersistenceHook persistence) {
}
