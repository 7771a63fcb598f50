package io.slotgate.node.cluster.state;

import io.slotgate.node.cluster.ClusterView;

import java.util.Map;

/**
 * The immutable snapshot behind {@link ClusterView}: rebuilt by the cluster thread after every change of slots,
 * roles, nodes or cluster state, then published through a volatile field.
 */
public final class ClusterState implements ClusterView {

    private static final String INFO_SECTION = "cluster_enabled:1\r\n";

    private final String myId;
    private final String myMasterId;
    private final boolean ok;
    /** Owner id per slot (null = unassigned); shares the id strings of {@link #endpoints}. */
    private final String[] owners;
    /** Node id → "ip:port" exactly as CLUSTER NODES prints it (cluster-protocol.md §2: MOVED must match). */
    private final Map<String, String> endpoints;
    /** cluster-allow-reads-when-down: reads still served (and redirected) while the state is fail. */
    private final boolean allowReadsWhenDown;
    private final String infoSection;
    /** Slot → the migration target's "ip:port", only for slots I own (cluster-protocol.md §2.1 step 3). */
    private final Map<Integer, String> migrating;
    /** Slots with an importing source set, whoever owns them. */
    private final SlotSet importing;

    public ClusterState(String myId, String myMasterId, boolean ok, String[] owners, Map<String, String> endpoints) {
        this(myId, myMasterId, ok, owners, endpoints, false, null);
    }

    /**
     * @param myMasterId the master's id if this node is a replica, else null
     * @param owners     16384 owner ids (copied by the caller; not copied again)
     * @param failoverState the engine's failover state for INFO's cluster section, null to leave it out
     */
    public ClusterState(String myId, String myMasterId, boolean ok, String[] owners, Map<String, String> endpoints,
                        boolean allowReadsWhenDown, String failoverState) {
        this(myId, myMasterId, ok, owners, endpoints, allowReadsWhenDown, failoverState, Map.of(), new SlotSet());
    }

    /**
     * @param migrating slot → target "ip:port" for slots this node owns and migrates (SETSLOT MIGRATING)
     * @param importing slots with SETSLOT IMPORTING (copied)
     */
    public ClusterState(String myId, String myMasterId, boolean ok, String[] owners, Map<String, String> endpoints,
                        boolean allowReadsWhenDown, String failoverState, Map<Integer, String> migrating,
                        SlotSet importing) {
        if (owners.length != SlotSet.SLOTS) {
            throw new IllegalArgumentException("owners must have one entry per slot");
        }
        this.myId = myId;
        this.myMasterId = myMasterId;
        this.ok = ok;
        this.owners = owners;
        this.endpoints = Map.copyOf(endpoints);
        this.allowReadsWhenDown = allowReadsWhenDown;
        this.migrating = Map.copyOf(migrating);
        this.importing = importing.copy();
        this.infoSection = failoverState == null ? INFO_SECTION
                : INFO_SECTION + "cluster_failover_state:" + failoverState + "\r\n";
    }

    @Override
    public String myId() {
        return myId;
    }

    @Override
    public boolean isReplica() {
        return myMasterId != null;
    }

    /** The owner's id of {@code slot}, or null. */
    public String ownerOf(int slot) {
        return owners[slot];
    }

    @Override
    public String migratingTo(int slot) {
        return migrating.isEmpty() ? null : migrating.get(slot);
    }

    @Override
    public boolean importing(int slot) {
        return importing.contains(slot);
    }

    /**
     * cluster-protocol.md §2.1 steps 3, 7, 10 (ASKING on an importing slot), 11, 12; steps 9-10's key checks
     * need the keyspace and are {@link #openSlotRedirect}.
     */
    @Override
    public String redirect(int slot, boolean write, boolean clientReadonly, boolean asking) {
        String owner = owners[slot];
        if (owner == null) {
            return "CLUSTERDOWN Hash slot not served";
        }
        if (!ok) {
            if (!allowReadsWhenDown) {
                return "CLUSTERDOWN The cluster is down";
            }
            if (write) {
                return "CLUSTERDOWN The cluster is down and only accepts read commands";
            }
        }
        if (owner.equals(myId)) {
            return null;
        }
        if (asking && importing.contains(slot)) {
            return null;
        }
        if (!write && clientReadonly && owner.equals(myMasterId)) {
            return null;
        }
        return "MOVED " + slot + " " + endpoints.get(owner);
    }

    @Override
    public String state() {
        return ok ? "ok" : "fail";
    }

    @Override
    public String infoSection() {
        return infoSection;
    }
}
