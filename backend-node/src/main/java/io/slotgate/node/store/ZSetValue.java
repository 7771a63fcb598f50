package io.slotgate.node.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A Redis sorted set: member to score, plus the (score, member) order. Rank queries walk the tree (O(rank));
 * a span-annotated skiplist would make them O(log n) and is the next step if big sorted sets matter.
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
    private final TreeSet<Entry> order = new TreeSet<>();

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
            order.remove(new Entry(old, member));
        }
        order.add(new Entry(score, member));
        return old == null;
    }

    public boolean remove(Bytes member) {
        Double old = scores.remove(member);
        if (old == null) {
            return false;
        }
        order.remove(new Entry(old, member));
        return true;
    }

    /** 0-based rank in ascending order, or -1. */
    public long rank(Bytes member) {
        Double s = scores.get(member);
        if (s == null) {
            return -1;
        }
        return order.headSet(new Entry(s, member), false).size();
    }

    public NavigableSet<Entry> ascending() {
        return order;
    }

    public NavigableSet<Entry> descending() {
        return order.descendingSet();
    }

    /** Entries with ranks [start, end] (inclusive, clamped by caller) in the given direction. */
    public List<Entry> byRank(int start, int end, boolean reverse) {
        List<Entry> out = new ArrayList<>(Math.max(0, end - start + 1));
        Iterator<Entry> it = (reverse ? order.descendingSet() : order).iterator();
        for (int i = 0; i <= end && it.hasNext(); i++) {
            Entry e = it.next();
            if (i >= start) {
                out.add(e);
            }
        }
        return out;
    }

    public Entry first() {
        return order.isEmpty() ? null : order.first();
    }

    public Entry last() {
        return order.isEmpty() ? null : order.last();
    }

    public ZSetValue copy() {
        ZSetValue c = new ZSetValue();
        for (Entry e : order) {
            c.put(e.member(), e.score());
        }
        return c;
    }
}
