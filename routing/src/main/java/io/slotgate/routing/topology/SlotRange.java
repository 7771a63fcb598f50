package io.slotgate.routing.topology;

import io.slotgate.routing.slot.SlotHash;

/**
 * An inclusive run of hash slots {@code [start, end]}.
 *
 * @param start first slot, 0..16383
 * @param end   last slot (inclusive), start..16383
 */
public record SlotRange(int start, int end) {

    public SlotRange {
        if (start < 0 || end >= SlotHash.SLOT_COUNT || start > end) {
            throw new IllegalArgumentException("bad slot range " + start + "-" + end);
        }
    }

    public static SlotRange of(int slot) {
        return new SlotRange(slot, slot);
    }

    public int size() {
        return end - start + 1;
    }

    public boolean contains(int slot) {
        return slot >= start && slot <= end;
    }

    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
