package io.slotgate.node.cluster.state;

import java.util.ArrayList;
import java.util.List;

/**
 * One node as a CLUSTER NODES / nodes.conf line describes it (cluster-protocol.md §5, cluster-engine.md §13.1).
 *
 * @param id           40-hex node id
 * @param ip           IP, "" while unknown
 * @param port         client port
 * @param busPort      cluster bus port
 * @param flags        {@link NodeFlags} bits
 * @param masterId     the master's id for a replica with a known master, else null (printed "-")
 * @param pingSent     Unix ms of the pending PING, 0 if none
 * @param pongReceived Unix ms of the last PONG, 0 if never
 * @param configEpoch  the configEpoch to print (a replica prints its master's)
 * @param connected    link state: whether there is an outbound bus link (always true for myself)
 * @param slots        owned slot ranges, ascending
 * @param openSlots    "[N->-id]" / "[N-<-id]" tokens, only on the myself line (SETSLOT MIGRATING / IMPORTING)
 */
public record ClusterNodeInfo(String id, String ip, int port, int busPort, int flags, String masterId,
                              long pingSent, long pongReceived, long configEpoch, boolean connected,
                              List<SlotRange> slots, List<String> openSlots) {

    public ClusterNodeInfo {
        slots = List.copyOf(slots);
        openSlots = List.copyOf(openSlots);
    }

    /** The line without a trailing newline. */
    public String toLine() {
        StringBuilder sb = new StringBuilder(128);
        sb.append(id).append(' ').append(ip).append(':').append(port).append('@').append(busPort).append(' ')
                .append(NodeFlags.format(flags)).append(' ').append(masterId == null ? "-" : masterId).append(' ')
                .append(pingSent).append(' ').append(pongReceived).append(' ').append(configEpoch).append(' ')
                .append(connected ? "connected" : "disconnected");
        for (SlotRange r : slots) {
            sb.append(' ').append(r);
        }
        for (String open : openSlots) {
            sb.append(' ').append(open);
        }
        return sb.toString();
    }

    /**
     * Parses one line (cluster-engine.md §13.2: at least 8 tokens, a missing "@cport" means port + 10000).
     *
     * @throws IllegalArgumentException if malformed
     */
    public static ClusterNodeInfo parse(String line) {
        String[] t = line.split(" ");
        if (t.length < 8) {
            throw new IllegalArgumentException("node line needs at least 8 fields: " + line);
        }
        String id = t[0];
        if (!isNodeId(id)) {
            throw new IllegalArgumentException("bad node id '" + id + "'");
        }
        String addr = t[1];
        int comma = addr.indexOf(',');
        if (comma >= 0) {
            addr = addr.substring(0, comma); // hostname: not announced by this implementation
        }
        int at = addr.lastIndexOf('@');
        String hostPort = at >= 0 ? addr.substring(0, at) : addr;
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("bad address '" + t[1] + "'");
        }
        int port = parseInt(hostPort.substring(colon + 1), "port");
        int busPort = at >= 0 ? parseInt(addr.substring(at + 1), "bus port") : port + 10000;
        int flags = NodeFlags.parse(t[2]);
        String master = t[3].equals("-") ? null : t[3];
        if (master != null && !isNodeId(master)) {
            throw new IllegalArgumentException("bad master id '" + master + "'");
        }
        long pingSent = parseLong(t[4], "ping-sent");
        long pongReceived = parseLong(t[5], "pong-recv");
        long epoch = parseLong(t[6], "config-epoch");
        boolean connected = t[7].equals("connected");
        List<SlotRange> slots = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (int i = 8; i < t.length; i++) {
            if (t[i].startsWith("[")) {
                open.add(t[i]);
            } else if (!t[i].isEmpty()) {
                slots.add(SlotRange.parse(t[i]));
            }
        }
        return new ClusterNodeInfo(id, hostPort.substring(0, colon), port, busPort, flags, master, pingSent,
                pongReceived, epoch, connected, slots, open);
    }

    /** Redis's node id rule: exactly 40 characters of [a-z0-9] (cluster-engine.md §1). */
    public static boolean isNodeId(String s) {
        if (s.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + s + "'", e);
        }
    }

    private static long parseLong(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + s + "'", e);
        }
    }
}
