package io.slotgate.proxy.topology;

import io.slotgate.proxy.backend.BackendServer;
import io.slotgate.routing.slot.SlotHash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Immutable routing snapshot: slot to shard, plus the list of shards. The refresher swaps whole snapshots; the
 * data path reads the current one without locks.
 */
public final class Topology {

    private final ShardRoute[] bySlot;
    private final List<ShardRoute> shards;

    Topology(ShardRoute[] bySlot, List<ShardRoute> shards) {
        if (bySlot.length != SlotHash.SLOT_COUNT) {
            throw new IllegalArgumentException("slot table must have " + SlotHash.SLOT_COUNT + " entries");
        }
        this.bySlot = bySlot;
        this.shards = Collections.unmodifiableList(new ArrayList<>(shards));
    }

    /** The shard serving {@code slot}; null if unassigned. */
    public ShardRoute shard(int slot) {
        return bySlot[slot];
    }

    public List<ShardRoute> shards() {
        return shards;
    }

    public int assignedSlots() {
        int n = 0;
        for (ShardRoute s : shards) {
            n += s.slotCount();
        }
        return n;
    }

    /** Every server named in this map, masters first. */
    public Set<BackendServer> servers() {
        Set<BackendServer> all = new LinkedHashSet<>();
        for (ShardRoute s : shards) {
            all.add(s.master());
        }
        for (ShardRoute s : shards) {
            all.addAll(s.replicas());
        }
        return all;
    }

    /** The shard whose master is {@code server}, or null. */
    public ShardRoute shardOfMaster(BackendServer server) {
        for (ShardRoute s : shards) {
            if (s.master() == server) {
                return s;
            }
        }
        return null;
    }

    /** The role and slot count of {@code server} in this map: "master", "replica" or null if not present. */
    public String roleOf(BackendServer server) {
        for (ShardRoute s : shards) {
            if (s.master() == server) {
                return "master";
            }
            if (s.replicas().contains(server)) {
                return "replica";
            }
        }
        return null;
    }
}
