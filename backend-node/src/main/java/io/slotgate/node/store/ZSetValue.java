package io.slotgate.node.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;

/**
 * A Redis sorted set: member to score, plus the (score, member) order in a span-annotated skiplist, so lookups,
 * ranks and rank ranges are O(1) / O(log n) as in Redis.
 */
public final class ZSetValue {

    /** One (score, member) pair, ordered as Redis orders them: by score, then member bytes. */
    public record Entry(double score, Bytes member) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Double.compare(score, o.score);
            if (c != 0 && !(score == o.score)) {
                return c;
            }
            if (member == o.member) {
                return 0;
            }
            if (member == MAX_MEMBER || o.member == MIN_MEMBER) {
                return 1;
            }
            if (member == MIN_MEMBER || o.member == MAX_MEMBER) {
                return -1;
            }
            return member.compareTo(o.member);
        }
    }

    /** Sentinels for range probes: before / after every member of the same score. */
    public static final Bytes MIN_MEMBER = new Bytes(new byte[0]);
    public static final Bytes MAX_MEMBER = new Bytes(new byte[0]);

    private final HashMap<Bytes, Double> scores = new HashMap<>();
    private final ZSkipList order = new ZSkipList();

    public int size() {
        return scores.size();
    }

    public boolean isEmpty() {
        return scores.isEmpty();
    }

    public Double score(Bytes member) {
        return scores.get(member);
    }

    /** Sets the score; returns true if the member is new. */
    public boolean put(Bytes member, double score) {
        Double old = scores.put(member, score);
        if (old != null) {
            order.delete(new Entry(old, member));
        }
        order.insert(new Entry(score, member));
        return old == null;
    }

    public boolean remove(Bytes member) {
        Double old = scores.remove(member);
        if (old == null) {
            return false;
        }
        order.delete(new Entry(old, member));
        return true;
    }

    /** 0-based rank in ascending order, or -1. */
    public long rank(Bytes member) {
        Double s = scores.get(member);
        return s == null ? -1 : order.rank(new Entry(s, member));
    }

    /** All entries, lowest first. */
    public Iterable<Entry> ascending() {
        return () -> ZSkipList.walk(order.first(), false);
    }

    /** All entries, highest first. */
    public Iterable<Entry> descending() {
        return () -> ZSkipList.walk(order.last(), true);
    }

    public List<Entry> toList() {
        List<Entry> out = new ArrayList<>(size());
        ascending().forEach(out::add);
        return out;
    }

    /**
     * Entries from the first one ordered at or after {@code probe} upwards, or (reverse) from the last one at or
     * before it downwards. Use {@link #MIN_MEMBER}/{@link #MAX_MEMBER} in the probe for score bounds.
     */
    public Iterator<Entry> from(Entry probe, boolean reverse) {
        return ZSkipList.walk(reverse ? order.lastAtOrBefore(probe) : order.firstAtOrAfter(probe), reverse);
    }

    /** Entries with ranks [start, end] (inclusive, valid) in the given direction. */
    public List<Entry> byRank(int start, int end, boolean reverse) {
        List<Entry> out = new ArrayList<>(Math.max(0, end - start + 1));
        int n = size();
        long first = reverse ? n - 1 - start : start;
        Iterator<Entry> it = ZSkipList.walk(order.byRank(first), reverse);
        for (int i = start; i <= end && it.hasNext(); i++) {
            out.add(it.next());
        }
        return out;
    }

    public Entry first() {
        return order.first() == null ? null : order.first().entry;
    }

    public Entry last() {
        return order.last() == null ? null : order.last().entry;
    }

    public ZSetValue copy() {
        ZSetValue c = new ZSetValue();
        for (Entry e : ascending()) {
            c.put(e.member(), e.score());
        }
        return c;
    }
}
