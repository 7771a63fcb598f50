package io.slotgate.routing.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link SlotMap} from a decoded {@code CLUSTER SLOTS} reply (cluster-protocol.md §6): an array of
 * {@code [start, end, master, replica...]} entries, each node {@code [endpoint, port, id, {metadata}]}. A master
 * serving several ranges appears once per range; those entries become one {@link Shard}.
 * <p>
 * Endpoints (cluster-protocol.md §2, §6): a null or empty endpoint ({@code cluster-preferred-endpoint-type
 * unknown-endpoint}) means "the host you connected to", so the caller's fallback host is used even if the metadata
 * names an IP; {@code "?"} (hostname preferred, none announced) falls back to the metadata's {@code ip}, else to
 * the fallback host.
 * Replicas are taken as listed: Redis already leaves out failed replicas and those that never synced.
 */
public final class ClusterSlotsParser {

    private ClusterSlotsParser() {
    }

    /** Parses with empty endpoints kept as written (""), for callers that resolve them later. */
    public static SlotMap parse(Object reply) {
        return parse(reply, "");
    }

    /**
     * @param fallbackHost host to use where the reply gives no usable endpoint, normally the host of the node
     *                     that sent the reply
     * @throws TopologyParseException if the reply does not have the documented shape
     */
    public static SlotMap parse(Object reply, String fallbackHost) {
        Map<String, Accumulator> byMaster = new LinkedHashMap<>();
        int index = 0;
        for (Object element : ReplyValues.list(reply, "CLUSTER SLOTS reply")) {
            String what = "CLUSTER SLOTS entry " + index++;
            List<?> entry = ReplyValues.list(element, what);
            if (entry.size() < 3) {
                throw new TopologyParseException(what + ": expected start, end and a master, got "
                        + entry.size() + " elements");
            }
            SlotRange range = range(entry, what);
            ClusterNode master = node(entry.get(2), NodeRole.MASTER, fallbackHost, what + " master");
            Accumulator acc = byMaster.computeIfAbsent(master.id() != null ? master.id() : master.address(),
                    k -> new Accumulator(master));
            acc.ranges.add(range);
            for (int i = 3; i < entry.size(); i++) {
                acc.replicas.add(node(entry.get(i), NodeRole.REPLICA, fallbackHost, what + " replica " + (i - 3)));
            }
        }
        SlotMap.Builder builder = SlotMap.builder();
        for (Accumulator acc : byMaster.values()) {
            Shard shard = new Shard(acc.master, new ArrayList<>(acc.replicas));
            for (SlotRange r : acc.ranges) {
                builder.assign(r, shard);
            }
        }
        return builder.build();
    }

    private static SlotRange range(List<?> entry, String what) {
        long start = ReplyValues.number(entry.get(0), what + " start");
        long end = ReplyValues.number(entry.get(1), what + " end");
        try {
            return new SlotRange(Math.toIntExact(start), Math.toIntExact(end));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new TopologyParseException(what + ": bad slot range " + start + "-" + end);
        }
    }

    private static ClusterNode node(Object value, NodeRole role, String fallbackHost, String what) {
        List<?> fields = ReplyValues.list(value, what);
        if (fields.size() < 2) {
            throw new TopologyParseException(what + ": expected at least endpoint and port");
        }
        String endpoint = ReplyValues.text(fields.get(0), what + " endpoint");
        int port = ReplyValues.port(fields.get(1), what + " port");
        String id = fields.size() > 2 ? ReplyValues.text(fields.get(2), what + " id") : null;
        String host = endpoint;
        if (endpoint == null || endpoint.isEmpty()) {
            host = fallbackHost;
        } else if (endpoint.equals("?")) {
            String ip = fields.size() > 3 ? metadataIp(fields.get(3), what) : null;
            host = ip != null && !ip.isEmpty() ? ip : fallbackHost;
        }
        return new ClusterNode(id, host, port, role);
    }

    private static String metadataIp(Object metadata, String what) {
        if (metadata == null) {
            return null;
        }
        Object ip = ReplyValues.fields(metadata, what + " metadata").get("ip");
        return ReplyValues.text(ip, what + " metadata ip");
    }

    private static final class Accumulator {
        final ClusterNode master;
        final List<SlotRange> ranges = new ArrayList<>();
        final Set<ClusterNode> replicas = new LinkedHashSet<>();

        Accumulator(ClusterNode master) {
            this.master = master;
        }
    }
}
