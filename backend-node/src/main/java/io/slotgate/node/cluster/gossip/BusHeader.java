package io.slotgate.node.cluster.gossip;

import io.slotgate.node.cluster.state.SlotSet;

/**
 * The header every bus message carries: who the sender is and its view of its own configuration.
 *
 * @param senderId     sender's node id (40 chars)
 * @param currentEpoch sender's currentEpoch
 * @param configEpoch  sender's configEpoch; a replica sends its master's (cluster-engine.md §3.1)
 * @param replOffset   sender's replication offset (processed offset on a replica, master_repl_offset on a master)
 * @param flags        sender's own flags (NodeFlags bits) plus the message flags {@link #PAUSED} and
 *                     {@link #FORCEACK}
 * @param masterId     sender's master id if it is a replica, else null
 * @param port         announced client port
 * @param busPort      announced bus port
 * @param ip           announced IP, "" = "use the connection's peer address"
 * @param stateFail    sender sees cluster_state:fail
 * @param slots        slots the sender claims (a replica sends its master's); read-only
 */
public record BusHeader(String senderId, long currentEpoch, long configEpoch, long replOffset, int flags,
                        String masterId, int port, int busPort, String ip, boolean stateFail, SlotSet slots) {

    /**
     * Message flag: the sender is a master paused for a manual failover, its offset is final (cluster-engine.md
     * §8.4). Never a node flag.
     */
    public static final int PAUSED = 0x8000;
    /** Message flag on FAILOVER_AUTH_REQUEST: vote although the master is not failed (manual failover). */
    public static final int FORCEACK = 0x4000;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
