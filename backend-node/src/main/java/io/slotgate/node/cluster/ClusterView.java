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

    /**
     * The "ip:port" of the node {@code slot} is migrating to (SETSLOT MIGRATING while this node owns the slot),
     * else null: commands on keys missing here then get ASK or TRYAGAIN (cluster-protocol.md §2.1 step 9).
     */
    default String migratingTo(int slot) {
        return null;
    }

    /** Whether {@code slot} is being imported here (SETSLOT IMPORTING): ASKING clients are served (§2.1 step 10). */
    default boolean importing(int slot) {
        return false;
    }

    /**
     * cluster-protocol.md §2.1 steps 9-10 for a command this node would otherwise serve, once its keys have been
     * looked up in the slot's partition: "ASK slot ip:port", "TRYAGAIN ...", or null to run it.
     *
     * @param multipleKeys the command names at least two distinct keys
     * @param present      how many of its keys exist here
     * @param missing      how many do not
     */
    default String openSlotRedirect(int slot, boolean asking, boolean multipleKeys, int present, int missing) {
        if (missing == 0) {
            return null;
        }
        String target = migratingTo(slot);
        if (target != null) {
            return present > 0 ? TRYAGAIN : "ASK " + slot + " " + target;
        }
        if (importing(slot) && asking && multipleKeys) {
            return TRYAGAIN;
        }
        return null;
    }

    /** cluster-protocol.md §2: a multi-key command whose keys are split between the two ends of a migration. */
    String TRYAGAIN = "TRYAGAIN Multiple keys request during rehashing of slot";

    /** "ok" or "fail", as CLUSTER INFO's cluster_state. */
    String state();

    /** Body of INFO's "# Cluster" section without its header, lines ending in CRLF ("cluster_enabled:1\r\n"). */
    String infoSection();
}
