package io.slotgate.node.store;

import io.slotgate.routing.slot.SlotHash;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers "keys of slot s" (GETKEYSINSLOT, the migration loop of {@code redis-cli --cluster reshard}) without walking
 * the whole partition on every call. Keeping a slot-to-keys list per entry would cost every insert and delete; here
 * the partition is bucketed by slot in one walk, on the second request in a row that no insert separated, and the
 * buckets stay valid until the next new key (deleted keys are skipped on reading). A reshard, which asks slot after
 * slot with no new keys in between, then pays one walk instead of one per request. Owned by the partition's loop.
 */
final class SlotKeyIndex {

    private final KeyTable data;
    private final int[] slotCounts;
    /** Bumped by every insert of a new key. */
    private long generation;
    /** The generation at the previous request, to see whether an insert came between two requests. */
    private long askedAt = -1;
    /** Keys per slot at {@link #builtAt}; null when not built. */
    private byte[][][] buckets;
    /** First bucket entry that may still exist (entries before it were found deleted). */
    private int[] firstLive;
    private long builtAt = -1;

    SlotKeyIndex(KeyTable data, int[] slotCounts) {
        this.data = data;
        this.slotCounts = slotCounts;
    }

    void inserted() {
        generation++;
        buckets = null; // the buckets no longer list every key: drop them (and their references) at once
    }

    void cleared() {
        inserted();
    }

    List<byte[]> keys(int slot, int count) {
        List<byte[]> out = new ArrayList<>(Math.min(count, Math.max(slotCounts[slot], 0)));
        if (slotCounts[slot] == 0 || count <= 0) {
            return out;
        }
        boolean quiet = askedAt == generation;
        askedAt = generation;
        if (buckets == null || builtAt != generation) {
            if (!quiet) {
                scanOne(slot, count, out); // writes arrive between requests: a full bucketing would not last
                return out;
            }
            build();
        }
        byte[][] bucket = buckets[slot];
        int i = firstLive[slot];
        while (i < bucket.length && !data.containsKey(bucket[i])) {
            i++;
        }
        firstLive[slot] = i;
        for (; i < bucket.length && out.size() < count; i++) {
            if (data.containsKey(bucket[i])) {
                out.add(bucket[i]);
            }
        }
        return out;
    }

    private void scanOne(int slot, int count, List<byte[]> out) {
        for (int i = 0; i < data.capacity() && out.size() < count; i++) {
            byte[] k = data.keyAt(i);
            if (k != null && SlotHash.slot(k) == slot) {
                out.add(k);
            }
        }
    }

    private void build() {
        byte[][][] b = new byte[SlotHash.SLOT_COUNT][][];
        int[] filled = new int[SlotHash.SLOT_COUNT];
        for (int s = 0; s < b.length; s++) {
            b[s] = slotCounts[s] > 0 ? new byte[slotCounts[s]][] : EMPTY;
        }
        for (int i = 0; i < data.capacity(); i++) {
            byte[] k = data.keyAt(i);
            if (k != null) {
                int s = SlotHash.slot(k);
                if (filled[s] < b[s].length) {
                    b[s][filled[s]++] = k;
                }
            }
        }
        buckets = b;
        firstLive = new int[SlotHash.SLOT_COUNT];
        builtAt = generation;
    }

    private static final byte[][] EMPTY = new byte[0][];
}
