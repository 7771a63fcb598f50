package io.slotgate.routing.topology;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of {@code CLUSTER NODES} (cluster-protocol.md §5), every field kept.
 *
 * @param id           40-character node id
 * @param ip           the node's IP as written; "" while unknown (fresh node, {@code noaddr})
 * @param port         client port
 * @param busPort      cluster bus port (0 if the line has no {@code @cport})
 * @param hostname     announced hostname, or null
 * @param flags        flags of the line ("noflags" is the empty set; unknown tokens are ignored)
 * @param masterId     id of the master for a replica with a known master, else null ('-')
 * @param pingSent     ms timestamp of the unanswered PING, 0 if none
 * @param pongReceived ms timestamp of the last PONG, 0 if never
 * @param configEpoch  config epoch
 * @param connected    link-state is {@code connected}
 * @param slots        ranges this node serves in the reporting node's view, ascending as written
 * @param migrating    slot to target node id, for slots this (myself) node is migrating away
 * @param importing    slot to source node id, for slots this (myself) node is importing
 */
public record ClusterNodeEntry(String id, String ip, int port, int busPort, String hostname, Set<NodeFlag> flags,
                               String masterId, long pingSent, long pongReceived, long configEpoch,
                               boolean connected, List<SlotRange> slots, Map<Integer, String> migrating,
                               Map<Integer, String> importing) {

    public ClusterNodeEntry {
        flags = Set.copyOf(flags);
        slots = List.copyOf(slots);
        migrating = Map.copyOf(migrating);
        importing = Map.copyOf(importing);
    }

    public boolean has(NodeFlag flag) {
        return flags.contains(flag);
    }

    public boolean isMyself() {
        return has(NodeFlag.MYSELF);
    }

    public boolean isMaster() {
        return has(NodeFlag.MASTER);
    }

    public boolean isReplica() {
        return has(NodeFlag.REPLICA);
    }

    /**
     * Whether clients may use this node now: not {@code fail}, {@code fail?}, {@code handshake} or
     * {@code noaddr}, and its address is known.
     */
    public boolean isUsable() {
        return !has(NodeFlag.FAIL) && !has(NodeFlag.PFAIL) && !has(NodeFlag.HANDSHAKE) && !has(NodeFlag.NOADDR)
                && port != 0;
    }

    /** "ip:port" as MOVED/ASK errors name the node with the default endpoint type. */
    public String address() {
        return ip + ":" + port;
    }

    /** Number of slots this node serves. */
    public int slotCount() {
        int n = 0;
        for (SlotRange r : slots) {
            n += r.size();
        }
        return n;
    }
}
