package io.slotgate.node.cluster.gossip;

import io.slotgate.node.cluster.state.SlotSet;

/**
 * The header every bus message carries: who the sender is and its view of its own configuration.
 *
 * @param senderId     sender's node id (40 chars)
 * @param currentEpoch sender's currentEpoch
 * @param configEpoch  sender's configEpoch; a replica sends its master's (cluster-engine.md §3.1)
 * @param replOffset   replication offset (reserved for replication; 0 for now)
 * @param flags        sender's own flags (NodeFlags bits)
 * @param masterId     sender's master id if it is a replica, else null
 * @param port         announced client port
 * @param busPort      announced bus port
 * @param ip           announced IP, "" = "use the connection's peer address"
 * @param stateFail    sender sees cluster_state:fail
 * @param slots        slots the sender claims (a replica sends its master's); read-only
 */
public record BusHeader(String senderId, long currentEpoch, long configEpoch, long replOffset, int flags,
                        String masterId, int port, int busPort, String ip, boolean stateFail, SlotSet slots) {
}
