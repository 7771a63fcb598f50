package io.slotgate.routing.topology;

import java.util.List;

/**
 * One element of a {@code CLUSTER SHARDS} reply (cluster-protocol.md §7), every node kept with its health.
 *
 * @param slots ranges the shard's master serves (empty if none)
 * @param nodes the master first (as Redis lists it), then its replicas
 */
public record ClusterShardsEntry(List<SlotRange> slots, List<Node> nodes) {

    public ClusterShardsEntry {
        slots = List.copyOf(slots);
        nodes = List.copyOf(nodes);
    }

    /** The node with role master, or null if the element lists none. */
    public Node master() {
        for (Node n : nodes) {
            if (n.role() == NodeRole.MASTER) {
                return n;
            }
        }
        return null;
    }

    /** The nodes with role replica, whatever their health. */
    public List<Node> replicas() {
        return nodes.stream().filter(n -> n.role() == NodeRole.REPLICA).toList();
    }

    /** How a node reports another node's state in {@code CLUSTER SHARDS}. */
    public enum Health {
        /** Reachable and (for a replica) synced at least once. */
        ONLINE,
        /** Flagged FAIL by the cluster (Redis 7.0 writes "fail"; the redis.io page says "failed"). */
        FAILED,
        /** A replica whose replication offset is still 0: it has not finished its first sync. */
        LOADING,
        /** A value this parser does not know. */
        UNKNOWN;

        static Health of(String text) {
            if (text == null) {
                return UNKNOWN;
            }
            return switch (text) {
                case "online" -> ONLINE;
                case "fail", "failed" -> FAILED;
                case "loading" -> LOADING;
                default -> UNKNOWN;
            };
        }
    }

    /**
     * A node of the shard as listed.
     *
     * @param id                40-character node id
     * @param ip                the node's IP ("" if unknown)
     * @param endpoint          preferred endpoint (IP, hostname, "?" or "")
     * @param hostname          announced hostname, or null
     * @param port              plain-text client port, 0 if absent (TLS-only)
     * @param tlsPort           TLS port, 0 if absent
     * @param role              master or replica
     * @param replicationOffset last known replication offset
     * @param health            as reported
     * @param node              the same node as a {@link ClusterNode} (endpoint resolved as in {@link SlotMap})
     */
    public record Node(String id, String ip, String endpoint, String hostname, int port, int tlsPort, NodeRole role,
                       long replicationOffset, Health health, ClusterNode node) {
    }
}
