package io.slotgate.node.cluster.engine;

import io.slotgate.node.cluster.state.NodeFlags;
import io.slotgate.node.cluster.state.SlotSet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node table, slot ownership and epochs: the cluster configuration this node holds. Only the cluster thread
 * touches it. Keeps each node's own slot set and the per-slot owner array consistent.
 */
public final class NodeTable {

    /** cluster-protocol.md §9 FORGET: a forgotten id is not re-added from gossip for 60 s. */
    static final long FORGET_BAN_MS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    private final ClusterNode[] owners = new ClusterNode[SlotSet.SLOTS];
    private final Map<String, Long> banned = new HashMap<>();
    /**
     * Slots whose recorded owner stopped claiming them in its last message: still routed to it, but treated as
     * unclaimed by rebinding (cluster-engine.md §10.1, Redis 7.0.13+).
     */
    private final SlotSet stale = new SlotSet();
    /** SETSLOT MIGRATING targets and IMPORTING sources per slot, null = none (cluster-protocol.md §9). */
    final ClusterNode[] migratingTo = new ClusterNode[SlotSet.SLOTS];
    final ClusterNode[] importingFrom = new ClusterNode[SlotSet.SLOTS];
    public ClusterNode myself;
    public long currentEpoch;
    public long lastVoteEpoch;

    static String randomId() {
        char[] c = new char[40];
        for (int i = 0; i < c.length; i++) {
            c[i] = HEX[RANDOM.nextInt(16)];
        }
        return new String(c);
    }

    public Collection<ClusterNode> nodes() {
        return nodes.values();
    }

    /** A copy, for loops that may remove nodes. */
    List<ClusterNode> nodeList() {
        return new ArrayList<>(nodes.values());
    }

    int size() {
        return nodes.size();
    }

    public ClusterNode get(String id) {
        return nodes.get(id);
    }

    public void add(ClusterNode node) {
        nodes.put(node.id, node);
    }

    /** Removes a node: its slots become unassigned, its replicas lose their master, links close. */
    void remove(ClusterNode node) {
        clearSlots(node);
        for (ClusterNode r : node.replicas) {
            if (r.master == node) {
                r.master = null;
            }
        }
        node.replicas.clear();
        setMaster(node, null);
        for (ClusterNode n : nodes.values()) {
            n.failReports.remove(node);
        }
        clearOpenSlotsOf(node);
        if (node.link != null) {
            node.link.attach(null);
            node.link.close();
            node.link = null;
        }
        if (node.inboundLink != null) {
            node.inboundLink.attach(null);
            node.inboundLink.close();
            node.inboundLink = null;
        }
        nodes.remove(node.id);
    }

    /** Gives a handshake node its real id (cluster-engine.md §4.2). */
    void rename(ClusterNode node, String newId) {
        nodes.remove(node.id);
        node.id = newId;
        nodes.put(newId, node);
    }

    public ClusterNode owner(int slot) {
        return owners[slot];
    }

    /** Assigns {@code slot} to {@code node} (null = unassign), keeping both indexes in step. */
    public void setOwner(int slot, ClusterNode node) {
        ClusterNode old = owners[slot];
        stale.remove(slot);
        if (old == node) {
            return;
        }
        if (old != null) {
            old.slots.remove(slot);
        }
        owners[slot] = node;
        if (node != null) {
            node.slots.add(slot);
        }
    }

    /** Unassigns every slot of {@code node}; returns how many it had. */
    public int clearSlots(ClusterNode node) {
        int n = node.slots.count();
        for (int s = node.slots.next(0); s >= 0; s = node.slots.next(s + 1)) {
            owners[s] = null;
            stale.remove(s);
        }
        node.slots.clear();
        return n;
    }

    /** Forgets the migrations whose other end is {@code node} (Redis does so when it deletes a node). */
    void clearOpenSlotsOf(ClusterNode node) {
        for (int s = 0; s < SlotSet.SLOTS; s++) {
            if (migratingTo[s] == node) {
                migratingTo[s] = null;
            }
            if (importingFrom[s] == node) {
                importingFrom[s] = null;
            }
        }
    }

    /** Clears every MIGRATING and IMPORTING mark (CLUSTER RESET). */
    void clearAllOpenSlots() {
        java.util.Arrays.fill(migratingTo, null);
        java.util.Arrays.fill(importingFrom, null);
    }

    /** The myself line's "[slot->-id]" / "[slot-<-id]" tokens; a slot both ways is listed as migrating (§5). */
    List<String> openSlotTokens() {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < SlotSet.SLOTS; s++) {
            if (migratingTo[s] != null) {
                out.add("[" + s + "->-" + migratingTo[s].id + "]");
            } else if (importingFrom[s] != null) {
                out.add("[" + s + "-<-" + importingFrom[s].id + "]");
            }
        }
        return out;
    }

    public boolean isStale(int slot) {
        return stale.contains(slot);
    }

    void markStale(int slot) {
        stale.add(slot);
    }

    public void setMaster(ClusterNode replica, ClusterNode master) {
        if (replica.master == master) {
            return;
        }
        if (replica.master != null) {
            replica.master.replicas.remove(replica);
            if (replica.master.replicas.isEmpty()) {
                replica.master.flags &= ~NodeFlags.MIGRATE_TO;
            }
        }
        replica.master = master;
        if (master != null && !master.replicas.contains(replica)) {
            master.replicas.add(replica);
            // A master that once had replicas is a valid replica-migration target (cluster-engine.md §11).
            master.flags |= NodeFlags.MIGRATE_TO;
        }
    }

    int assignedSlots() {
        int n = 0;
        for (ClusterNode o : owners) {
            if (o != null) {
                n++;
            }
        }
        return n;
    }

    /** Masters owning at least one slot (cluster_size). */
    public int mastersWithSlots() {
        int n = 0;
        for (ClusterNode node : nodes.values()) {
            if (node.isMaster() && !node.slots.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** The highest configEpoch known, currentEpoch included (BUMPEPOCH rule, cluster-engine.md §7.2). */
    long maxEpoch() {
        long max = currentEpoch;
        for (ClusterNode node : nodes.values()) {
            max = Math.max(max, node.configEpoch);
        }
        return max;
    }

    void ban(String id, long now) {
        banned.put(id, now + FORGET_BAN_MS);
    }

    boolean isBanned(String id, long now) {
        Iterator<Map.Entry<String, Long>> it = banned.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() < now) {
                it.remove();
            }
        }
        return banned.containsKey(id);
    }

    /** Whether any node other than myself is known (SET-CONFIG-EPOCH precondition). */
    boolean knowsOthers() {
        return nodes.size() > 1;
    }

    public static boolean isFailing(ClusterNode n) {
        return n.has(NodeFlags.FAIL) || n.has(NodeFlags.PFAIL);
    }
}
