package io.slotgate.node.cluster.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of the 16384 hash slots as a bitmap. Mutable: owned by the cluster thread, or treated as read-only once
 * placed into an immutable snapshot or a decoded bus message.
 */
public final class SlotSet {

    public static final int SLOTS = 16384;
    /** Bytes of the wire form: slot j is bit j % 8 (LSB first) of byte j / 8, as Redis's bus bitmap. */
    public static final int BYTES = SLOTS / 8;

    private final long[] words = new long[SLOTS / 64];
    private int count;

    public static SlotSet of(List<SlotRange> ranges) {
        SlotSet set = new SlotSet();
        for (SlotRange r : ranges) {
            for (int s = r.start(); s <= r.end(); s++) {
                set.add(s);
            }
        }
        return set;
    }

    public boolean contains(int slot) {
        return (words[slot >>> 6] & (1L << slot)) != 0;
    }

    /** @return whether the slot was absent */
    public boolean add(int slot) {
        long bit = 1L << slot;
        int w = slot >>> 6;
        if ((words[w] & bit) != 0) {
            return false;
        }
        words[w] |= bit;
        count++;
        return true;
    }

    /** @return whether the slot was present */
    public boolean remove(int slot) {
        long bit = 1L << slot;
        int w = slot >>> 6;
        if ((words[w] & bit) == 0) {
            return false;
        }
        words[w] &= ~bit;
        count--;
        return true;
    }

    public void clear() {
        Arrays.fill(words, 0);
        count = 0;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The next slot in the set at or after {@code from}, or -1. */
    public int next(int from) {
        if (from >= SLOTS) {
            return -1;
        }
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    public SlotSet copy() {
        SlotSet c = new SlotSet();
        System.arraycopy(words, 0, c.words, 0, words.length);
        c.count = count;
        return c;
    }

    public void copyFrom(SlotSet other) {
        System.arraycopy(other.words, 0, words, 0, words.length);
        count = other.count;
    }

    /** Maximal runs of consecutive slots, ascending. */
    public List<SlotRange> ranges() {
        List<SlotRange> out = new ArrayList<>();
        int s = next(0);
        while (s >= 0) {
            int e = s;
            while (e + 1 < SLOTS && contains(e + 1)) {
                e++;
            }
            out.add(new SlotRange(s, e));
            s = next(e + 1);
        }
        return out;
    }

    /** The wire bitmap ({@link #BYTES} bytes). */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            out[i] = (byte) (words[i >>> 3] >>> ((i & 7) << 3));
        }
        return out;
    }

    public static SlotSet fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("slot bitmap must be " + BYTES + " bytes");
        }
        SlotSet set = new SlotSet();
        for (int i = 0; i < BYTES; i++) {
            set.words[i >>> 3] |= (bytes[i] & 0xFFL) << ((i & 7) << 3);
        }
        int c = 0;
        for (long w : set.words) {
            c += Long.bitCount(w);
        }
        set.count = c;
        return set;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlotSet other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return ranges().toString();
    }
}
