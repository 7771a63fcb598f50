package io.slotgate.node.cluster.gossip;

/**
 * What the sender knows about one other node (cluster-engine.md §5.2); times are Unix milliseconds.
 */
public record GossipEntry(String id, String ip, int port, int busPort, int flags, long pingSent,
                          long pongReceived) {
}
