package io.slotgate.routing.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a decoded {@code CLUSTER SHARDS} reply (cluster-protocol.md §7): an array of shard maps (RESP2: flat
 * key/value arrays) with {@code slots} (flat start/end pairs) and {@code nodes} (node maps).
 * <p>
 * In the {@link SlotMap} a shard's replicas are only those with health {@code online}; {@link #parseEntries}
 * keeps every node with its health. A node's host is its endpoint; an empty endpoint ({@code unknown-endpoint})
 * means the caller's fallback host (the host the reply came from); {@code "?"} (hostname preferred, none
 * announced) means its IP, or the fallback host if that is empty too (cluster-protocol.md §2, §7).
 */
public final class ClusterShardsParser {

    private ClusterShardsParser() {
    }

    /** Slot map with endpoints kept as written where no fallback applies (""). */
    public static SlotMap parse(Object reply) {
        return parse(reply, "");
    }

    /**
     * @param fallbackHost host for nodes without a usable endpoint (the host the reply came from)
     * @throws TopologyParseException if the reply does not have the documented shape
     */
    public static SlotMap parse(Object reply, String fallbackHost) {
        return toSlotMap(parseEntries(reply, fallbackHost));
    }

    /** Every shard element with all its nodes and their health; endpoints kept as written where no IP is given. */
    public static List<ClusterShardsEntry> parseEntries(Object reply) {
        return parseEntries(reply, "");
    }

    /** Every shard element with all its nodes and their health. */
    public static List<ClusterShardsEntry> parseEntries(Object reply, String fallbackHost) {
        List<ClusterShardsEntry> out = new ArrayList<>();
        int index = 0;
        for (Object element : ReplyValues.list(reply, "CLUSTER SHARDS reply")) {
            String what = "CLUSTER SHARDS element " + index++;
            Map<String, Object> shard = ReplyValues.fields(element, what);
            List<SlotRange> slots = slots(shard.get("slots"), what);
            List<ClusterShardsEntry.Node> nodes = new ArrayList<>();
            int n = 0;
            for (Object nodeValue : ReplyValues.list(shard.get("nodes"), what + " nodes")) {
                nodes.add(node(nodeValue, fallbackHost, what + " node " + n++));
            }
            out.add(new ClusterShardsEntry(slots, nodes));
        }
        return out;
    }

    /** Slot map of parsed entries: masters own the entry's slots, online replicas attach to them. */
    public static SlotMap toSlotMap(List<ClusterShardsEntry> entries) {
        SlotMap.Builder builder = SlotMap.builder();
        for (ClusterShardsEntry entry : entries) {
            if (entry.slots().isEmpty()) {
                continue;
            }
            ClusterShardsEntry.Node master = entry.master();
            if (master == null) {
                throw new TopologyParseException("CLUSTER SHARDS element with slots " + entry.slots()
                        + " lists no master");
            }
            List<ClusterNode> replicas = entry.replicas().stream()
                    .filter(r -> r.health() == ClusterShardsEntry.Health.ONLINE)
                    .map(ClusterShardsEntry.Node::node)
                    .toList();
            Shard shard = new Shard(master.node(), replicas);
            for (SlotRange r : entry.slots()) {
                builder.assign(r, shard);
            }
        }
        return builder.build();
    }

    private static List<SlotRange> slots(Object value, String what) {
        List<?> flat = ReplyValues.list(value, what + " slots");
        if (flat.size() % 2 != 0) {
            throw new TopologyParseException(what + ": slots must be start/end pairs");
        }
        List<SlotRange> out = new ArrayList<>();
        for (int i = 0; i < flat.size(); i += 2) {
            long start = ReplyValues.number(flat.get(i), what + " slot start");
            long end = ReplyValues.number(flat.get(i + 1), what + " slot end");
            try {
                out.add(new SlotRange(Math.toIntExact(start), Math.toIntExact(end)));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new TopologyParseException(what + ": bad slot range " + start + "-" + end);
            }
        }
        return out;
    }

    private static ClusterShardsEntry.Node node(Object value, String fallbackHost, String what) {
        Map<String, Object> f = ReplyValues.fields(value, what);
        String id = ReplyValues.text(f.get("id"), what + " id");
        String ip = orEmpty(ReplyValues.text(f.get("ip"), what + " ip"));
        String endpoint = orEmpty(ReplyValues.text(f.get("endpoint"), what + " endpoint"));
        String hostname = ReplyValues.text(f.get("hostname"), what + " hostname");
        int port = f.containsKey("port") ? ReplyValues.port(f.get("port"), what + " port") : 0;
        int tlsPort = f.containsKey("tls-port") ? ReplyValues.port(f.get("tls-port"), what + " tls-port") : 0;
        String roleText = ReplyValues.text(f.get("role"), what + " role");
        NodeRole role;
        if ("master".equals(roleText)) {
            role = NodeRole.MASTER;
        } else if ("replica".equals(roleText) || "slave".equals(roleText)) {
            role = NodeRole.REPLICA;
        } else {
            throw new TopologyParseException(what + ": unknown role '" + roleText + "'");
        }
        long offset = f.containsKey("replication-offset")
                ? ReplyValues.number(f.get("replication-offset"), what + " replication-offset") : 0;
        ClusterShardsEntry.Health health = ClusterShardsEntry.Health.of(
                ReplyValues.text(f.get("health"), what + " health"));
        String host = endpoint.isEmpty() ? fallbackHost
                : !endpoint.equals("?") ? endpoint
                : !ip.isEmpty() ? ip : fallbackHost;
        // The plain-text port is what our connections use; a TLS-only node (port absent) falls back to tls-port.
        ClusterNode node = new ClusterNode(id, host, port != 0 ? port : tlsPort, role);
        return new ClusterShardsEntry.Node(id, ip, endpoint, hostname, port, tlsPort, role, offset, health, node);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
