package io.slotgate.node.cluster.command;

import io.slotgate.node.cluster.gossip.MessageType;

/**
 * The numbers behind CLUSTER INFO (cluster-protocol.md §4).
 *
 * @param sent     messages sent, indexed by wire type (length {@link MessageType#MAX_WIRE_VALUE} + 1)
 * @param received messages received, same indexing
 */
public record ClusterInfo(String state, int slotsAssigned, int slotsOk, int slotsPfail, int slotsFail,
                          int knownNodes, int size, long currentEpoch, long myEpoch, long[] sent,
                          long[] received) {

    /** The reply text, CRLF lines in Redis's order; per-type counters only when non-zero. */
    public String render() {
        StringBuilder sb = new StringBuilder(512);
        line(sb, "cluster_state", state);
        line(sb, "cluster_slots_assigned", slotsAssigned);
        line(sb, "cluster_slots_ok", slotsOk);
        line(sb, "cluster_slots_pfail", slotsPfail);
        line(sb, "cluster_slots_fail", slotsFail);
        line(sb, "cluster_known_nodes", knownNodes);
        line(sb, "cluster_size", size);
        line(sb, "cluster_current_epoch", currentEpoch);
        line(sb, "cluster_my_epoch", myEpoch);
        counters(sb, sent, "sent");
        counters(sb, received, "received");
        line(sb, "total_cluster_links_buffer_limit_exceeded", 0);
        return sb.toString();
    }

    private static void counters(StringBuilder sb, long[] counts, String direction) {
        long total = 0;
        for (int wire = 0; wire < counts.length; wire++) {
            MessageType t = MessageType.fromWire(wire);
            if (t != null && counts[wire] != 0) {
                line(sb, "cluster_stats_messages_" + t.statName() + "_" + direction, counts[wire]);
            }
            total += counts[wire];
        }
        line(sb, "cluster_stats_messages_" + direction, total);
    }

    private static void line(StringBuilder sb, String name, Object value) {
        sb.append(name).append(':').append(value).append("\r\n");
    }
}
