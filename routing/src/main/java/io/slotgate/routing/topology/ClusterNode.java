package io.slotgate.routing.topology;

/**
 * A node as a slot map names it.
 *
 * @param id   40-character node id, or null where the source does not give it
 * @param host the endpoint clients connect to (as in MOVED replies)
 * @param port client port
 * @param role master or replica
 */
public record ClusterNode(String id, String host, int port, NodeRole role) {

    public String address() {
        return host + ":" + port;
    }
}
