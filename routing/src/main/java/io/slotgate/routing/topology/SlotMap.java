package io.slotgate.routing.topology;

import java.util.List;

/**
 * Immutable snapshot: each of the 16384 slots to the shard serving it (null where unassigned). Swap whole
 * snapshots atomically; never mutate one.
 */
public final class SlotMap {

    private SlotMap() {
    }

    /** The shard serving {@code slot}, or null if no node serves it. */
    public Shard shard(int slot) {
        throw new UnsupportedOperationException("TODO: implemented by the slot-map work");
    }

    /** Distinct shards, in order of their lowest slot. */
    public List<Shard> shards() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Number of slots with an owner. */
    public int assignedSlots() {
        throw new UnsupportedOperationException("TODO");
    }
}
