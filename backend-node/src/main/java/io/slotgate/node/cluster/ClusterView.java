package io.slotgate.node.cluster;

/** An immutable snapshot of the cluster as this node sees it, safe to read from any thread. */
public interface ClusterView {

    String myId();

    /** Whether this node is a replica (writes then answer MOVED to its master, reads need READONLY). */
    boolean isReplica();

    /**
     * The redirect or cluster error for a command whose keys all hash to {@code slot}, or null when this node
     * serves it (cluster-protocol.md §2.1). Examples: "MOVED 3999 127.0.0.1:7002", "CLUSTERDOWN Hash slot not
     * served", "CLUSTERDOWN The cluster is down".
     *
     * @param write          the command has the write flag
     * @param clientReadonly the client sent READONLY (reads allowed on a replica of the slot's master)
     * @param asking         the client sent ASKING just before
     */
    String redirect(int slot, boolean write, boolean clientReadonly, boolean asking);

    /** "ok" or "fail", as CLUSTER INFO's cluster_state. */
    String state();

    /** Body of INFO's "# Cluster" section without its header, lines ending in CRLF ("cluster_enabled:1\r\n"). */
    String infoSection();
}
