package io.slotgate.routing.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code CLUSTER NODES} text (cluster-protocol.md §5) into {@link ClusterNodeEntry} lines, and builds a
 * {@link SlotMap} from them.
 * <p>
 * Slot map rules: each node's slot ranges make it the master of a shard (whatever its flags: it owns the slots
 * until a failover is agreed). Replicas attach to their master by master id and are included only if
 * {@link ClusterNodeEntry#isUsable() usable} (not {@code fail}, {@code fail?}, {@code handshake}, {@code noaddr}).
 * Hosts are the IPs of the lines; the reporting node's own line may have an empty IP (it never learned it), then
 * the caller's fallback host is used. Hostnames are kept in the entries but not used as hosts, because MOVED
 * names IPs under the default {@code cluster-preferred-endpoint-type ip}.
 */
public final class ClusterNodesParser {

    private static final int MIN_FIELDS = 8;

    private ClusterNodesParser() {
    }

    /** Parses a decoded reply: the bulk string (byte[]) or verbatim/simple string (String) of the text. */
    public static List<ClusterNodeEntry> parseReply(Object reply) {
        return parse(ReplyValues.text(reply, "CLUSTER NODES reply"));
    }

    /**
     * @param text the reply's payload, one node per LF-terminated line
     * @throws TopologyParseException on a line that does not have the documented shape
     */
    public static List<ClusterNodeEntry> parse(String text) {
        if (text == null) {
            throw new TopologyParseException("CLUSTER NODES reply is null");
        }
        List<ClusterNodeEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isEmpty()) {
                out.add(parseLine(line));
            }
        }
        return out;
    }

    /** Parses the bytes of the text (UTF-8). */
    public static List<ClusterNodeEntry> parse(byte[] text) {
        return parse(new String(text, StandardCharsets.UTF_8));
    }

    /** Builds the slot map; an empty IP on the myself line stays empty. */
    public static SlotMap toSlotMap(List<ClusterNodeEntry> entries) {
        return toSlotMap(entries, "");
    }

    /**
     * @param fallbackHost host for the reporting node's own line when its IP is empty (the host the text came
     *                     from)
     */
    public static SlotMap toSlotMap(List<ClusterNodeEntry> entries, String fallbackHost) {
        Map<String, List<ClusterNode>> replicasByMaster = new LinkedHashMap<>();
        for (ClusterNodeEntry e : entries) {
            if (e.isReplica() && e.masterId() != null && e.isUsable()) {
                replicasByMaster.computeIfAbsent(e.masterId(), k -> new ArrayList<>())
                        .add(node(e, NodeRole.REPLICA, fallbackHost));
            }
        }
        SlotMap.Builder builder = SlotMap.builder();
        for (ClusterNodeEntry e : entries) {
            if (e.slots().isEmpty()) {
                continue;
            }
            Shard shard = new Shard(node(e, NodeRole.MASTER, fallbackHost),
                    replicasByMaster.getOrDefault(e.id(), List.of()));
            for (SlotRange r : e.slots()) {
                builder.assign(r, shard);
            }
        }
        return builder.build();
    }

    /** Parses and builds the slot map in one step. */
    public static SlotMap parseSlotMap(String text, String fallbackHost) {
        return toSlotMap(parse(text), fallbackHost);
    }

    private static ClusterNode node(ClusterNodeEntry e, NodeRole role, String fallbackHost) {
        String host = e.ip().isEmpty() && e.isMyself() ? fallbackHost : e.ip();
        return new ClusterNode(e.id(), host, e.port(), role);
    }

    static ClusterNodeEntry parseLine(String line) {
        String[] f = line.split(" ");
        if (f.length < MIN_FIELDS) {
            throw new TopologyParseException("CLUSTER NODES line has " + f.length + " fields, needs "
                    + MIN_FIELDS + ": " + line);
        }
        try {
            Address address = Address.parse(f[1]);
            Set<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
            for (String token : f[2].split(",")) {
                NodeFlag flag = NodeFlag.of(token);
                if (flag != null) {
                    flags.add(flag);
                }
            }
            String masterId = f[3].equals("-") ? null : f[3];
            long pingSent = Long.parseLong(f[4]);
            long pongReceived = Long.parseLong(f[5]);
            long configEpoch = Long.parseLong(f[6]);
            boolean connected = f[7].equals("connected");
            List<SlotRange> slots = new ArrayList<>();
            Map<Integer, String> migrating = new LinkedHashMap<>();
            Map<Integer, String> importing = new LinkedHashMap<>();
            for (int i = MIN_FIELDS; i < f.length; i++) {
                slotToken(f[i], slots, migrating, importing);
            }
            return new ClusterNodeEntry(f[0], address.ip, address.port, address.busPort, address.hostname, flags,
                    masterId, pingSent, pongReceived, configEpoch, connected, slots, migrating, importing);
        } catch (IllegalArgumentException e) {
            // NumberFormatException and SlotRange's check are IllegalArgumentExceptions too.
            throw new TopologyParseException("bad CLUSTER NODES line (" + e.getMessage() + "): " + line, e);
        }
    }

    /** "N", "A-B", "[N->-target]" (migrating) or "[N-<-source]" (importing). */
    private static void slotToken(String token, List<SlotRange> slots, Map<Integer, String> migrating,
                                  Map<Integer, String> importing) {
        if (token.startsWith("[")) {
            if (!token.endsWith("]")) {
                throw new IllegalArgumentException("unterminated slot marker " + token);
            }
            String body = token.substring(1, token.length() - 1);
            int mig = body.indexOf("->-");
            int imp = body.indexOf("-<-");
            if (mig > 0) {
                migrating.put(slot(body.substring(0, mig)), body.substring(mig + 3));
            } else if (imp > 0) {
                importing.put(slot(body.substring(0, imp)), body.substring(imp + 3));
            } else {
                throw new IllegalArgumentException("unknown slot marker " + token);
            }
            return;
        }
        int dash = token.indexOf('-');
        if (dash < 0) {
            slots.add(SlotRange.of(slot(token)));
        } else {
            slots.add(new SlotRange(slot(token.substring(0, dash)), slot(token.substring(dash + 1))));
        }
    }

    private static int slot(String text) {
        int slot = Integer.parseInt(text);
        if (slot < 0 || slot > 16383) {
            throw new IllegalArgumentException("slot out of range " + slot);
        }
        return slot;
    }

    /** "ip:port@cport[,hostname]"; the IP may be IPv6 (contains ':') or empty. */
    private record Address(String ip, int port, int busPort, String hostname) {

        static Address parse(String text) {
            String hostname = null;
            int comma = text.indexOf(',');
            if (comma >= 0) {
                hostname = text.substring(comma + 1);
                text = text.substring(0, comma);
            }
            int busPort = 0;
            int at = text.lastIndexOf('@');
            if (at >= 0) {
                busPort = port(text.substring(at + 1));
                text = text.substring(0, at);
            }
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("address without port");
            }
            return new Address(text.substring(0, colon), port(text.substring(colon + 1)), busPort,
                    hostname == null || hostname.isEmpty() ? null : hostname);
        }

        private static int port(String text) {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port out of range " + p);
            }
            return p;
        }
    }
}
