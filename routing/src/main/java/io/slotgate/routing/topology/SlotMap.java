package io.slotgate.routing.topology;

import io.slotgate.routing.slot.SlotHash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Immutable snapshot: each of the 16384 slots to the shard serving it (null where unassigned). Swap whole
 * snapshots atomically; never mutate one.
 * <p>
 * What a snapshot holds, whichever parser built it: every slot owner as its shard's master (even one other nodes
 * flag as failing: it owns the slot until a failover says otherwise, and the proxy learns of the change through
 * MOVED or the next refresh), and as replicas only the nodes that may serve reads right now. Per source:
 * {@link ClusterSlotsParser} takes the replicas the node listed (Redis already omits failed and never-synced ones,
 * cluster-protocol.md §6); {@link ClusterShardsParser} keeps replicas whose health is {@code online} (§7);
 * {@link ClusterNodesParser} drops replicas flagged {@code fail}, {@code fail?}, {@code handshake} or
 * {@code noaddr} (§5). The parsers' richer results keep the excluded nodes and their health for callers that
 * need them.
 * <p>
 * Deliberately without equals/hashCode: compare snapshots slot by slot.
 */
public final class SlotMap {

    /** A map with no slot assigned. */
    public static final SlotMap EMPTY = new SlotMap(new Shard[SlotHash.SLOT_COUNT]);

    private final Shard[] slots;
    private final List<Shard> shards;
    private final List<ClusterNode> nodes;
    private final int assigned;

    private SlotMap(Shard[] slots) {
        this.slots = slots;
        Set<Shard> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Shard> ordered = new ArrayList<>();
        int count = 0;
        for (Shard s : slots) {
            if (s != null) {
                count++;
                if (distinct.add(s)) {
                    ordered.add(s);
                }
            }
        }
        Set<ClusterNode> allNodes = new LinkedHashSet<>();
        for (Shard s : ordered) {
            allNodes.add(s.master());
            allNodes.addAll(s.replicas());
        }
        this.shards = List.copyOf(ordered);
        this.nodes = List.copyOf(allNodes);
        this.assigned = count;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The shard serving {@code slot}, or null if no node serves it. */
    public Shard shard(int slot) {
        return slots[slot];
    }

    /** The master serving {@code slot}, or null if no node serves it. */
    public ClusterNode master(int slot) {
        Shard s = slots[slot];
        return s == null ? null : s.master();
    }

    /** Distinct shards (by identity: the parsers make one Shard per master), in order of their lowest slot. */
    public List<Shard> shards() {
        return shards;
    }

    /** Distinct nodes of all shards: each shard's master, then its replicas, shards in order of lowest slot. */
    public List<ClusterNode> nodes() {
        return nodes;
    }

    /** Number of slots with an owner. */
    public int assignedSlots() {
        return assigned;
    }

    /** Whether every slot has an owner (what a cluster needs for {@code cluster_state:ok}). */
    public boolean isComplete() {
        return assigned == SlotHash.SLOT_COUNT;
    }

    /** The maximal runs of slots {@code shard} serves, ascending. */
    public List<SlotRange> ranges(Shard shard) {
        List<SlotRange> out = new ArrayList<>();
        int start = -1;
        for (int slot = 0; slot <= SlotHash.SLOT_COUNT; slot++) {
            boolean owned = slot < SlotHash.SLOT_COUNT && slots[slot] == shard;
            if (owned && start < 0) {
                start = slot;
            } else if (!owned && start >= 0) {
                out.add(new SlotRange(start, slot - 1));
                start = -1;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SlotMap[");
        for (Shard s : shards) {
            if (sb.length() > 8) {
                sb.append(", ");
            }
            sb.append(ranges(s)).append("->").append(s.master().address()).append('+')
                    .append(s.replicas().size()).append('r');
        }
        return sb.append(']').toString();
    }

    /** Collects slot assignments; later assignments of a slot replace earlier ones. Single use, not thread-safe. */
    public static final class Builder {

        private Shard[] slots = new Shard[SlotHash.SLOT_COUNT];

        private Builder() {
        }

        /** Assigns slots {@code start..end} (inclusive) to {@code shard}. */
        public Builder assign(int start, int end, Shard shard) {
            return assign(new SlotRange(start, end), shard);
        }

        public Builder assign(SlotRange range, Shard shard) {
            if (shard == null) {
                throw new IllegalArgumentException("shard must not be null");
            }
            checkOpen();
            for (int slot = range.start(); slot <= range.end(); slot++) {
                slots[slot] = shard;
            }
            return this;
        }

        /** Assigns one slot. */
        public Builder assign(int slot, Shard shard) {
            return assign(SlotRange.of(slot), shard);
        }

        public SlotMap build() {
            checkOpen();
            Shard[] done = slots;
            slots = null;
            return new SlotMap(done);
        }

        private void checkOpen() {
            if (slots == null) {
                throw new IllegalStateException("builder already built");
            }
        }
    }
}
